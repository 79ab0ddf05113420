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
