// The load loop both fuzz specs share (intake's, and the desk's in services/server): raw requests
// over keep-alive loopback sockets at a bounded concurrency, every status counted, the heap read
// after a warm-up and at the end. Each spec generates its own requests and asserts on the result.
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

/** Heap in use after two full collections, in MiB. */
export const heapMiB = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** xorshift32: fast and reproducible from its seed (which the specs print, to replay a failure). */
export function prng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

export interface RawRequest {
  /** The server's origin, e.g. http://127.0.0.1:4321. */
  base: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzLoad<R extends RawRequest> {
  total: number;
  /** After this many requests the heap is read the first time (JIT, caches and pools warm). */
  warmup: number;
  concurrency: number;
  generate(): R;
  /** How many failing requests to keep for the report. */
  keepFailures: number;
  describeFailure(status: number, req: R): string;
  /** Called with every request before it is sent. */
  onRequest?(req: R): void;
}

export interface FuzzOutcome {
  sent: number;
  statuses: Map<number, number>;
  /** Requests answered 5xx, not at all (-1) or not in time (-2). */
  failures: string[];
  seconds: number;
  heapAtWarmup: number;
  heapAtEnd: number;
  /** The statuses as `status:count`, in order. */
  summary: string;
}

/**
 * Sends one request; resolves with its status once the answer has ended (an event stream: once its
 * headers came), -1 on a socket error, -2 after 10 s unanswered.
 */
function send(req: RawRequest, agent: Agent): Promise<number> {
  return new Promise<number>((resolve) => {
    const url = new URL(req.base);
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body) headers['content-length'] = req.body.length;
    const out = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent },
      (res) => {
        // An event stream never ends by design: its headers are the whole answer, so it counts as
        // answered there and is closed (the server must see the client go and free the stream).
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          resolve(res.statusCode ?? 0);
          res.destroy();
          return;
        }
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    out.setNoDelay(true);
    out.on('error', () => resolve(-1));
    // A request the server never answers is a failure too (reported as status -2).
    out.setTimeout(10_000, () => {
      resolve(-2);
      out.destroy();
    });
    out.end(req.body);
  });
}

export async function runFuzzLoad<R extends RawRequest>(load: FuzzLoad<R>): Promise<FuzzOutcome> {
  const agents = new Map<string, Agent>();
  const agentOf = (base: string) => {
    let a = agents.get(base);
    if (!a) agents.set(base, (a = new Agent({ keepAlive: true, maxSockets: load.concurrency })));
    return a;
  };
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let sent = 0;
  let heapAtWarmup = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (sent < load.total) {
        sent++;
        if (sent === load.warmup) heapAtWarmup = heapMiB();
        const req = load.generate();
        load.onRequest?.(req);
        const status = await send(req, agentOf(req.base));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if ((status >= 500 || status <= 0) && failures.length < load.keepFailures)
          failures.push(load.describeFailure(status, req));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const a of agents.values()) a.destroy();
  const heapAtEnd = heapMiB();
  const summary = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}:${n}`)
    .join(' ');
  return { sent, statuses, failures, seconds, heapAtWarmup, heapAtEnd, summary };
}
