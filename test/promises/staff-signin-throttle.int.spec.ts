/**
 * SECURITY.md, "Staff side", Login failures: per account, after 3 failures each further one
 * locks sign-in for twice as long as the last, from 2 s up to 15 minutes (429 meanwhile). Attacked
 * from outside on the desk's real HTTP port over a real SQLite file: a guesser who waits out every
 * lock is held to the doubling, the lock never grows past 15 minutes, and the owner gets in as
 * soon as it ends (slowed, never locked out for good).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  enrolAccount,
  expectProblem,
  loginSecret,
  type Account,
} from '../../services/desk/test/harness.ts';
import { deskOnSqliteForSuite } from './support/desk-on-sqlite.ts';

const suite = deskOnSqliteForSuite('throttle');
let erin: Account;
beforeAll(async () => {
  erin = await enrolAccount(suite.desk, suite.admin, 'erin');
});

const advance = (ms: number) =>
  (suite.desk.clock.now = new Date(suite.desk.clock.now.getTime() + ms));
const wrong = () =>
  suite.desk.call('POST', '/api/session', {
    body: { handle: 'erin', loginSecret: loginSecret(), totp: '123456' },
  });
/** The right login secret with a code that is not checked while locked (the clock stays). */
const rightWhileLocked = () =>
  suite.desk.call('POST', '/api/session', {
    body: { handle: 'erin', loginSecret: erin.loginSecret, totp: '000000' },
  });

describe('login failures of one account', () => {
  it('lock for 2 s after the third, doubling with each further one, never past 15 minutes', async () => {
    for (let i = 0; i < 2; i++) expectProblem(await wrong(), 401);
    const locks: number[] = [];
    for (let failure = 3; failure <= 14; failure++) {
      expectProblem(await wrong(), 401);
      const expected = Math.min(15 * 60_000, 2_000 * 2 ** (failure - 3));
      // Still locked a second before the lock ends, even for the owner's own secret.
      advance(expected - 1_000);
      expectProblem(await rightWhileLocked(), 429);
      advance(1_100);
      locks.push(expected);
    }
    expect(locks.at(-1)).toBe(15 * 60_000);
    // The owner gets in once the longest lock is over.
    const ok = await suite.desk.call('POST', '/api/session', {
      body: {
        handle: 'erin',
        loginSecret: erin.loginSecret,
        totp: suite.desk.code(erin.totpSecret),
      },
    });
    expect(ok.status).toBe(201);
  }, 120_000);
});
