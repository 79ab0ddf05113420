import { availableParallelism } from 'node:os';

/** Thrown when every slot and every place in the queue is taken: the caller answers 503. */
export class GateFullError extends Error {
  override readonly name = 'GateFullError';
}

export interface GateLimits {
  /** Hashes running at once (default: half the cores, at least one). */
  readonly concurrency?: number;
  /** Sign-ins waiting for a slot; any beyond are refused at once (default: 4 per slot). */
  readonly queue?: number;
}

/**
 * A global bound on the sign-in work that runs before anyone is authenticated (an Argon2id
 * hash, 19 MiB, for every attempt, whatever the handle). Per-handle throttling cannot bound it:
 * random handles are all new. The hashes run on libuv's thread pool (the Node backend), which
 * also serves file I/O, and on a machine whose cores also run intake: at most `concurrency` run
 * at once, at most `queue` wait, and the rest are refused at once without any hashing, so a
 * flood costs the desk a bounded share of the machine and answers 503 quickly.
 */
export class SignInGate {
  readonly concurrency: number;
  readonly queue: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(limits: GateLimits = {}) {
    this.concurrency = Math.max(1, limits.concurrency ?? Math.floor(availableParallelism() / 2));
    this.queue = Math.max(0, limits.queue ?? 4 * this.concurrency);
  }

  /** Runs `work` when a slot is free; throws GateFullError at once when the queue is full too. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new GateFullError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
