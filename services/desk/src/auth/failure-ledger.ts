import type { Clock } from '../deps.ts';

/** Failed attempts of one account that are counted but not yet written. */
export interface PendingFailures {
  readonly failures: number;
  readonly throttled: number;
}

/**
 * Aggregates failed sign-ins per account before they are written, so that nobody hammering a
 * known handle can make the desk write without bound: at most one `InvestigatorSignInFailed`
 * per account per window (15 minutes), carrying the attempts counted since the last one. The
 * first failure after a quiet window is written at once; later ones wait for the next failure
 * after the window, or go out with the account's next successful sign-in. Keyed by
 * investigator id, so only existing accounts (a bounded set) have entries; unknown handles are
 * never counted. In memory: a restart loses at most one window's count, like the throttle.
 */
export class FailureLedger {
  private readonly accounts = new Map<
    string,
    { failures: number; throttled: number; lastWrittenAt: number | undefined }
  >();
  constructor(
    private readonly clock: Clock,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** A checked attempt that failed; answers what to write now, if anything. */
  failed(investigatorId: string): PendingFailures | undefined {
    return this.count(investigatorId, 'failures');
  }

  /** An attempt refused unchecked while sign-in was slowed down. */
  throttled(investigatorId: string): PendingFailures | undefined {
    return this.count(investigatorId, 'throttled');
  }

  /** On a successful sign-in: whatever is still unwritten, to go out with it. */
  takeAll(investigatorId: string): PendingFailures | undefined {
    const a = this.accounts.get(investigatorId);
    if (!a || a.failures + a.throttled === 0) return undefined;
    return this.take(a);
  }

  private count(investigatorId: string, kind: 'failures' | 'throttled') {
    const a = this.accounts.get(investigatorId) ?? {
      failures: 0,
      throttled: 0,
      lastWrittenAt: undefined,
    };
    this.accounts.set(investigatorId, a);
    a[kind] += 1;
    const now = this.clock.now().getTime();
    if (a.lastWrittenAt !== undefined && now - a.lastWrittenAt < this.windowMs) return undefined;
    a.lastWrittenAt = now;
    return this.take(a);
  }

  private take(a: { failures: number; throttled: number }): PendingFailures {
    const pending = { failures: a.failures, throttled: a.throttled };
    a.failures = 0;
    a.throttled = 0;
    return pending;
  }
}
