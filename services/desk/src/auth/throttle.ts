import type { EphemeralStore } from '@integrity-desk/shared-state';

/**
 * Login failures slowed and limited per account (never per IP: we keep no addresses). After
 * FREE failures each further one locks the account's sign-in for twice as long as the last,
 * from 2 s up to 15 minutes; a success resets it. An attacker cannot guess faster than this,
 * and the owner is only slowed, never locked out for good. Counted in the shared state, so
 * every desk process behind one address refuses the same locked handle; failures are counted
 * over a day from the first (the store keeps nothing without an expiry).
 */
const FREE = 3;
const MAX_LOCK_MS = 15 * 60_000;
const FAILURES_MS = 24 * 60 * 60_000;

export class LoginThrottle {
  constructor(private readonly store: EphemeralStore) {}

  async isLocked(account: string): Promise<boolean> {
    return (await this.store.get(`lock:${account}`)) !== undefined;
  }

  async fail(account: string): Promise<void> {
    const failures = await this.store.incr(`failures:${account}`, FAILURES_MS);
    if (failures >= FREE)
      await this.store.set(
        `lock:${account}`,
        '1',
        Math.min(MAX_LOCK_MS, 2000 * 2 ** Math.min(20, failures - FREE)),
      );
  }

  async succeed(account: string): Promise<void> {
    await Promise.all([
      this.store.delete(`failures:${account}`),
      this.store.delete(`lock:${account}`),
    ]);
  }
}

/**
 * A fixed budget of requests per key and window (default 10 a minute), for lookups that are not
 * failures but should not be hammered (the sign-in KDF parameters, per handle). A counter per
 * key in the shared state, expiring with its window, so arbitrary keys cannot grow it for long.
 */
export class RequestBudget {
  constructor(
    private readonly store: EphemeralStore,
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; false once the key has used its budget in the current window. */
  async take(key: string): Promise<boolean> {
    return (await this.store.incr(key, this.windowMs)) <= this.limit;
  }
}
