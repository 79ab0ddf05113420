import { Redis } from 'ioredis';
import { SharedStateUnavailableError, type EphemeralStore } from '../port/types.ts';

export interface RedisStoreOptions {
  /** redis://[:password@]host:port[/db] or rediss:// (TLS). */
  readonly url: string;
  /** Prefix of every key, so one Redis can serve other things too (default `idesk:`). */
  readonly prefix?: string;
  /** A command not answered in this time fails (default 2 s): a guard answers 503 instead. */
  readonly commandTimeoutMs?: number;
  /** How long start-up waits for Redis before it gives up (default 10 s). */
  readonly connectTimeoutMs?: number;
  /**
   * Told when Redis goes away and when it is back, with the error's code only (a message can
   * carry the address and the password in the URL).
   */
  readonly onStatus?: (line: string) => void;
}

/**
 * The store of several processes: one Redis that every intake and desk process uses. Commands
 * are never queued while Redis is away (enableOfflineQueue off, one retry at most): a request
 * whose guard cannot check fails at once with SharedStateUnavailableError, and the client keeps
 * reconnecting in the background, so the process neither crashes nor piles requests up.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<EphemeralStore> {
  const prefix = options.prefix ?? 'idesk:';
  const status = options.onStatus ?? (() => undefined);
  const client = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    // Several guards of one request go out in one round trip.
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let down = false;
  let closing = false;
  const wentDown = (why: string) => {
    if (down || closing) return;
    down = true;
    status(`shared state: Redis unreachable (${why}); guards answer 503 until it is back`);
  };
  // Without a listener an 'error' event would throw and end the process.
  client.on('error', (error: unknown) => wentDown(codeOf(error)));
  client.on('close', () => wentDown('connection closed'));
  client.on('ready', () => {
    if (!down) return;
    down = false;
    status('shared state: Redis reachable again');
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`REDIS_URL: Redis does not answer (${codeOf(error)})`, { cause: error });
  }

  const k = (key: string) => prefix + key;
  const ms = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));
  async function run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new SharedStateUnavailableError('unreachable');
    }
  }

  return {
    get: (key) => run(async () => (await client.get(k(key))) ?? undefined),
    set: (key, value, ttlMs) =>
      run(async () => {
        await client.set(k(key), value, 'PX', ms(ttlMs));
      }),
    setIfAbsent: (key, value, ttlMs) =>
      run(async () => (await client.set(k(key), value, 'PX', ms(ttlMs), 'NX')) === 'OK'),
    incr: (key, ttlMs, by = 1) =>
      run(async () => {
        // One transaction: the counter is made with its expiry, then counted.
        const replies = await client
          .multi()
          .set(k(key), '0', 'PX', ms(ttlMs), 'NX')
          .incrby(k(key), by)
          .exec();
        const counted = replies?.[1];
        if (!counted || counted[0]) throw counted?.[0] ?? new Error('transaction aborted');
        return Number(counted[1]);
      }),
    delete: (key) =>
      run(async () => {
        await client.del(k(key));
      }),
    async close() {
      closing = true;
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** An errno-style code (ECONNREFUSED) or the class: never the message. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : typeof error;
}
