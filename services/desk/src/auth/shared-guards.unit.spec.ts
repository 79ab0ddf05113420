import { createMemoryStore, createSharedState } from '@integrity-desk/shared-state';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FailureLedger } from './failure-ledger.ts';
import { SessionStore } from './sessions.ts';
import { LoginThrottle } from './throttle.ts';
import { TotpReplayGuard } from './totp-replay.ts';

/** Two desk processes: each its own objects, over one store and one secret (as over Redis). */
function twoProcesses() {
  let t = 0;
  const store = createMemoryStore({ now: () => t });
  const secret = randomBytes(32);
  const process = () => {
    const state = createSharedState(store, secret);
    return {
      sessions: new SessionStore(
        { bytes: (n) => randomBytes(n), uuid: () => randomUUID() },
        30 * 60_000,
        state.namespace('desk-session'),
      ),
      throttle: new LoginThrottle(state.namespace('signin-throttle')),
      totp: new TotpReplayGuard(state.namespace('totp-step')),
      failures: new FailureLedger(state.namespace('signin-failures')),
    };
  };
  return { a: process(), b: process(), advance: (ms: number) => void (t += ms) };
}

describe('desk guards shared by several processes', () => {
  it('a session made on one answers on the other, idles out, and signing out everywhere reaches both', async () => {
    const { a, b, advance } = twoProcesses();
    const one = await a.sessions.create('inv-1');
    const two = await b.sessions.create('inv-1');
    const other = await a.sessions.create('inv-2');
    expect(await b.sessions.touch(one)).toBe('inv-1');
    await a.sessions.destroyAllOf('inv-1', two);
    expect(await b.sessions.touch(one)).toBeUndefined();
    expect(await a.sessions.touch(two)).toBe('inv-1');
    expect(await b.sessions.touch(other)).toBe('inv-2');
    const fresh = await b.sessions.create('inv-1');
    expect(await a.sessions.touch(fresh)).toBe('inv-1');
    await b.sessions.destroy(fresh);
    expect(await a.sessions.touch(fresh)).toBeUndefined();
    advance(31 * 60_000);
    expect(await a.sessions.touch(two)).toBeUndefined();
  });

  it('a TOTP step used on one is refused on the other, and so is an older one', async () => {
    const { a, b } = twoProcesses();
    expect(await a.totp.accept('inv-1', 100)).toBe(true);
    expect(await b.totp.accept('inv-1', 100)).toBe(false);
    expect(await b.totp.accept('inv-1', 99)).toBe(false);
    expect(await b.totp.accept('inv-2', 100)).toBe(true);
    expect(await b.totp.accept('inv-1', 101)).toBe(true);
    expect(await a.totp.accept('inv-1', 101)).toBe(false);
  });

  it('a handle locked by failures on one is locked on the other until a success', async () => {
    const { a, b, advance } = twoProcesses();
    await a.throttle.fail('alice');
    await b.throttle.fail('alice');
    expect(await b.throttle.isLocked('alice')).toBe(false);
    await a.throttle.fail('alice');
    expect(await b.throttle.isLocked('alice')).toBe(true);
    advance(2_000);
    expect(await b.throttle.isLocked('alice')).toBe(false);
    await b.throttle.fail('alice'); // the fourth: 4 s
    advance(3_000);
    expect(await a.throttle.isLocked('alice')).toBe(true);
    await a.throttle.succeed('alice');
    expect(await b.throttle.isLocked('alice')).toBe(false);
  });

  it('failed sign-ins are written once a window between them, none lost', async () => {
    const { a, b, advance } = twoProcesses();
    expect(await a.failures.failed('inv-1')).toEqual({ failures: 1, throttled: 0 });
    expect(await b.failures.failed('inv-1')).toBeUndefined();
    expect(await b.failures.throttled('inv-1')).toBeUndefined();
    expect(await a.failures.failed('inv-1')).toBeUndefined();
    expect(await a.failures.takeAll('inv-1')).toEqual({ failures: 2, throttled: 1 });
    expect(await b.failures.takeAll('inv-1')).toBeUndefined();
    advance(15 * 60_000);
    expect(await b.failures.failed('inv-1')).toEqual({ failures: 1, throttled: 0 });
  });
});
