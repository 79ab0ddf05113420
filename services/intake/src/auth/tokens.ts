import type { EphemeralStore } from '@integrity-desk/shared-state';

/**
 * Bearer tokens of whistleblower sessions: 256 random bits, kept only in the shared state (memory
 * of this process, or Redis for several; a restart of the one process ends every session, the
 * receipt opens a new one), expiring after `idleMs` without use. The store sees the token only
 * through a keyed hash and the report id only sealed (shared-state namespaces).
 */
export function createSessionTokens(options: {
  readonly idleMs: number;
  readonly store: EphemeralStore;
  readonly random: (n: number) => Buffer;
}) {
  const { store, idleMs } = options;
  return {
    async issue(reportId: string): Promise<string> {
      const token = options.random(32).toString('base64url');
      await store.set(token, reportId, idleMs);
      return token;
    },
    /** The report of a live session, refreshing its idle timer; undefined when unknown or idle. */
    async resolve(token: string): Promise<string | undefined> {
      const reportId = await store.get(token);
      if (reportId !== undefined) await store.set(token, reportId, idleMs);
      return reportId;
    },
    async end(token: string): Promise<void> {
      await store.delete(token);
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
