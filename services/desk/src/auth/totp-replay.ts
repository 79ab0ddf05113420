import type { EphemeralStore } from '@integrity-desk/shared-state';

/**
 * A TOTP code works once, on every desk process behind one address: a step is accepted only if
 * no earlier sign-in used it or a later step (set-if-absent per account and step, atomic in the
 * shared state), so a code seen over someone's shoulder, or replayed to another process, is
 * refused. A code is valid for one step either side (totp.ts), so the guard needs to outlive
 * three steps; it is kept for four.
 */
const GUARD_MS = 4 * 30_000;

export class TotpReplayGuard {
  constructor(private readonly store: EphemeralStore) {}

  /** Whether this step may be used now (and marks it used); false for a replay or an older step. */
  async accept(investigatorId: string, step: number): Promise<boolean> {
    const last = await this.store.get(`last:${investigatorId}`);
    if (last !== undefined && step <= Number(last)) return false;
    if (!(await this.store.setIfAbsent(`${investigatorId}:${step}`, '1', GUARD_MS))) return false;
    await this.store.set(`last:${investigatorId}`, String(step), GUARD_MS);
    return true;
  }
}
