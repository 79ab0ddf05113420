/**
 * Short-lived state that several intake or desk processes behind one address must agree on
 * (sessions, spent challenges, counters of rate limits and throttles, TOTP replay guards). Every
 * entry expires: nothing durable lives here, the event log is the record. One process keeps it
 * in memory (memory/), several share it through Redis (redis/); both run one contract suite.
 *
 * Keys and values reach an adapter only through `sharedState` (keyed/), which hashes every key
 * with a keyed hash and seals every value, so the adapter never sees a token, a handle or an id.
 */
export interface EphemeralStore {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Sets the value, replacing any, expiring `ttlMs` from now. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets the value only if there is none; true when this call set it (atomic across processes). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Adds `by` (default 1) to a counter and answers the new count (atomic). A counter that did not
   * exist starts at 0 and expires `ttlMs` later; adding to it again keeps that expiry (a fixed
   * window that starts with its first count).
   */
  incr(key: string, ttlMs: number, by?: number): Promise<number>;
  delete(key: string): Promise<void>;
  /** Releases the connection (Redis); the in-memory store forgets everything. */
  close(): Promise<void>;
}

/**
 * The store could not answer (Redis unreachable or timing out, the in-memory store at its bound).
 * Callers fail closed: a guard that cannot check answers 503, it never lets a request through.
 */
export class SharedStateUnavailableError extends Error {
  override readonly name = 'SharedStateUnavailableError';
  constructor(readonly reason: 'unreachable' | 'full') {
    super(`shared state ${reason}`);
  }
}
