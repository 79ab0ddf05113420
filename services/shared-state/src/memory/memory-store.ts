import { SharedStateUnavailableError, type EphemeralStore } from '../port/types.ts';

export interface MemoryStoreOptions {
  /** Milliseconds now (injected so tests can move time). */
  readonly now?: () => number;
  /**
   * Entries kept at most. Past it (after dropping expired ones) writes fail closed with
   * SharedStateUnavailableError('full'): forgetting a spent challenge to make room would let it
   * be spent again.
   */
  readonly maxEntries?: number;
}

export type MemoryStore = EphemeralStore & {
  /** Live entries whose key starts with `prefix` (tests and the in-process counts). */
  count(prefix?: string): number;
};

/** The store of a single process: `npm start` without REDIS_URL, and every in-process test. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? 500_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  let nextSweep = 0;

  function sweep(at: number, force = false): void {
    if (!force && at < nextSweep) return;
    nextSweep = at + 10_000;
    for (const [key, e] of entries) if (e.expiresAt <= at) entries.delete(key);
  }
  function live(key: string, at: number) {
    const e = entries.get(key);
    if (e && e.expiresAt <= at) {
      entries.delete(key);
      return undefined;
    }
    return e;
  }
  function put(key: string, value: string, expiresAt: number, at: number): void {
    if (!entries.has(key) && entries.size >= max) {
      sweep(at, true);
      if (entries.size >= max) throw new SharedStateUnavailableError('full');
    }
    entries.set(key, { value, expiresAt });
  }
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

  return {
    async get(key) {
      return live(key, now())?.value;
    },
    async set(key, value, ttlMs) {
      const at = now();
      sweep(at);
      put(key, value, at + ttl(ttlMs), at);
    },
    async setIfAbsent(key, value, ttlMs) {
      const at = now();
      sweep(at);
      if (live(key, at)) return false;
      put(key, value, at + ttl(ttlMs), at);
      return true;
    },
    async incr(key, ttlMs, by = 1) {
      const at = now();
      sweep(at);
      const e = live(key, at);
      const count = (e ? Number(e.value) : 0) + by;
      put(key, String(count), e ? e.expiresAt : at + ttl(ttlMs), at);
      return count;
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
    count(prefix = '') {
      const at = now();
      let n = 0;
      for (const [key, e] of entries) if (e.expiresAt > at && key.startsWith(prefix)) n++;
      return n;
    },
  };
}
