import { createSharedState, type SharedState } from '@integrity-desk/shared-state';
import { hkdfSync } from 'node:crypto';
import type { Config } from './config.ts';
import { persistentSecret, readSecretFile } from './secrets.ts';

export interface SharedSetup {
  /** What intake and desk share with their siblings; undefined: each keeps its own in memory. */
  readonly state: SharedState | undefined;
  /** Intake's challenge key, the same on every process (a challenge opens wherever it lands). */
  readonly challengeKey: Buffer | undefined;
  close(): Promise<void>;
}

/**
 * With REDIS_URL, the Redis every intake and desk process behind one address shares, and the
 * secret they share with it (SHARED_STATE_KEY_FILE or one made under DATA_DIR). Without, nothing:
 * each service keeps its state in this process's memory, as a single process always has.
 */
export async function openSharedState(
  config: Config,
  log: (line: string) => void,
): Promise<SharedSetup> {
  if (config.redisUrl === undefined) {
    log('shared state: in this process memory (set REDIS_URL to run several processes)');
    return { state: undefined, challengeKey: undefined, close: async () => undefined };
  }
  const secret =
    config.sharedStateKey.kind === 'provided'
      ? readSecretFile(config.sharedStateKey.file)
      : persistentSecret(config.sharedStateKey.file);
  // Loaded only when asked for: a single process never loads the Redis client.
  const { createRedisStore } = await import('@integrity-desk/shared-state/redis');
  const store = await createRedisStore({ url: config.redisUrl, onStatus: log });
  log('shared state: Redis (REDIS_URL), keys hashed and values sealed with the shared key');
  const state = createSharedState(store, secret);
  return {
    state,
    // One subkey per purpose: the challenge key is never the key of the Redis entries.
    challengeKey: Buffer.from(
      hkdfSync('sha256', secret, Buffer.alloc(0), 'integrity-desk intake challenges v1', 32),
    ),
    close: () => state.close(),
  };
}
