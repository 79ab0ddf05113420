import { createHash } from 'node:crypto';

/**
 * Bearer tokens of whistleblower sessions: 256 random bits, held in memory only (a restart ends
 * every session; the receipt opens a new one), expiring after `idleMs` without use. The map is
 * keyed by the token's SHA-256 so a lookup does not compare secrets byte by byte, and it is
 * bounded: past `max` sessions the least recently used goes first.
 */
export function createSessionTokens(options: {
  readonly idleMs: number;
  readonly max: number;
  readonly now: () => number;
  readonly random: (n: number) => Buffer;
}) {
  // Map keeps insertion order; a touched session is re-inserted, so the first is the stalest.
  const sessions = new Map<string, { reportId: string; lastUsed: number }>();
  const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

  function evictIdle(at: number): void {
    for (const [key, s] of sessions) {
      if (at - s.lastUsed < options.idleMs) break;
      sessions.delete(key);
    }
  }

  return {
    issue(reportId: string): string {
      const at = options.now();
      evictIdle(at);
      while (sessions.size >= options.max) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
      const token = options.random(32).toString('base64url');
      sessions.set(keyOf(token), { reportId, lastUsed: at });
      return token;
    },
    /** The report of a live session, refreshing its idle timer; undefined when unknown or idle. */
    resolve(token: string): string | undefined {
      const at = options.now();
      evictIdle(at);
      const key = keyOf(token);
      const s = sessions.get(key);
      if (!s) return undefined;
      if (at - s.lastUsed >= options.idleMs) {
        sessions.delete(key);
        return undefined;
      }
      sessions.delete(key);
      s.lastUsed = at;
      sessions.set(key, s);
      return s.reportId;
    },
    end(token: string): void {
      sessions.delete(keyOf(token));
    },
    size: () => sessions.size,
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
