import type { Clock } from '../deps.ts';

/**
 * Login failures slowed and limited per account (never per IP: we keep no addresses). After
 * FREE failures each further one locks the account's sign-in for twice as long as the last,
 * from 2 s up to 15 minutes; a success resets it. An attacker cannot guess faster than this,
 * and the owner is only slowed, never locked out for good.
 */
const FREE = 3;
const MAX_LOCK_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly state = new Map<string, { failures: number; lockedUntil: number }>();
  constructor(private readonly clock: Clock) {}

  isLocked(account: string): boolean {
    const s = this.state.get(account);
    return s !== undefined && this.clock.now().getTime() < s.lockedUntil;
  }

  fail(account: string): void {
    const s = this.state.get(account) ?? { failures: 0, lockedUntil: 0 };
    s.failures += 1;
    if (s.failures >= FREE)
      s.lockedUntil =
        this.clock.now().getTime() + Math.min(MAX_LOCK_MS, 2000 * 2 ** (s.failures - FREE));
    this.state.set(account, s);
  }

  succeed(account: string): void {
    this.state.delete(account);
  }
}

/**
 * A fixed budget of requests per key and window (default 10 a minute), for lookups that are not
 * failures but should not be hammered (the sign-in KDF parameters, per handle). Expired windows
 * are dropped once the map grows, so arbitrary keys cannot grow it without bound for long.
 */
export class RequestBudget {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly limit = 10,
    private readonly windowMs = 60_000,
    private readonly pruneAbove = 10_000,
  ) {}

  /** Counts one request; false once the key has used its budget in the current window. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (w === undefined || now >= w.resetAt) {
      if (this.windows.size >= this.pruneAbove) this.prune(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now >= w.resetAt) this.windows.delete(key);
  }
}
