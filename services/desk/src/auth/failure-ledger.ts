import type { EphemeralStore } from '@integrity-desk/shared-state';

/** Failed attempts of one account that are counted but not yet written. */
export interface PendingFailures {
  readonly failures: number;
  readonly throttled: number;
}

/** Counts not yet written are kept this long at most (the store keeps nothing for ever). */
const PENDING_MS = 7 * 24 * 60 * 60_000;

/**
 * Aggregates failed sign-ins per account before they are written, so that nobody hammering a
 * known handle can make the desk write without bound: at most one `InvestigatorSignInFailed`
 * per account per window (15 minutes), carrying the attempts counted since the last one. The
 * first failure after a quiet window is written at once; later ones wait for the next failure
 * after the window, or go out with the account's next successful sign-in. Keyed by
 * investigator id, so only existing accounts (a bounded set) have entries; unknown handles are
 * never counted. In the shared state, so several desk processes count together and write once
 * a window between them; counts are taken by subtracting what was read, so a failure counted
 * meanwhile on another process is neither lost nor written twice. A restart of the one process
 * (memory) loses at most one window's count, like the throttle.
 */
export class FailureLedger {
  constructor(
    private readonly store: EphemeralStore,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** A checked attempt that failed; answers what to write now, if anything. */
  failed(investigatorId: string): Promise<PendingFailures | undefined> {
    return this.count(investigatorId, 'failures');
  }

  /** An attempt refused unchecked while sign-in was slowed down. */
  throttled(investigatorId: string): Promise<PendingFailures | undefined> {
    return this.count(investigatorId, 'throttled');
  }

  /** On a successful sign-in: whatever is still unwritten, to go out with it. */
  takeAll(investigatorId: string): Promise<PendingFailures | undefined> {
    return this.take(investigatorId);
  }

  private async count(investigatorId: string, kind: 'failures' | 'throttled') {
    await this.store.incr(`${kind}:${investigatorId}`, PENDING_MS);
    // The first to mark the window writes; the others leave their counts for later.
    if (!(await this.store.setIfAbsent(`written:${investigatorId}`, '1', this.windowMs)))
      return undefined;
    return this.take(investigatorId);
  }

  private async take(investigatorId: string): Promise<PendingFailures | undefined> {
    const read = (kind: string) => this.store.incr(`${kind}:${investigatorId}`, PENDING_MS, 0);
    const [failures, throttled] = await Promise.all([read('failures'), read('throttled')]);
    if (failures + throttled <= 0) return undefined;
    await Promise.all([
      this.store.incr(`failures:${investigatorId}`, PENDING_MS, -failures),
      this.store.incr(`throttled:${investigatorId}`, PENDING_MS, -throttled),
    ]);
    return { failures, throttled };
  }
}
