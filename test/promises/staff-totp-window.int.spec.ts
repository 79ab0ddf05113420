/**
 * SECURITY.md, "Staff side", Second factor: TOTP (30 s steps, one step of drift), a code accepted
 * once per account, and a replay or an older step refused. Attacked from outside on the desk's
 * real port over a real SQLite file, with codes computed for the account's own secret at chosen
 * times (what someone who watched a code or holds a stale one can send).
 */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../services/desk/src/auth/totp.ts';
import { enrolAccount, expectProblem, type Account } from '../../services/desk/test/harness.ts';
import { deskOnSqliteForSuite } from './support/desk-on-sqlite.ts';

const suite = deskOnSqliteForSuite('totp');

/** The account's code for the step `steps` away from the desk's now (the clock stays). */
const codeAt = (a: Account, steps: number) =>
  totpCode(a.totpSecret, new Date(suite.desk.clock.now.getTime() + steps * 30_000));
const signIn = (a: Account, totp: string) =>
  suite.desk.call('POST', '/api/session', {
    body: { handle: a.handle, loginSecret: a.loginSecret, totp },
  });
// Clear of the previous step's edge, so that "one step back" is exactly one step.
const midStep = () =>
  (suite.desk.clock.now = new Date(
    Math.floor(suite.desk.clock.now.getTime() / 30_000) * 30_000 + 60_015,
  ));

describe('TOTP codes at sign-in', () => {
  it('take one step of drift either way, never two', async () => {
    const frank = await enrolAccount(suite.desk, suite.admin, 'frank');
    midStep();
    expectProblem(await signIn(frank, codeAt(frank, -2)), 401);
    expectProblem(await signIn(frank, codeAt(frank, 2)), 401);
    expect((await signIn(frank, codeAt(frank, 1))).status).toBe(201);
  });

  it('take a code once, and never a step older than the last one taken', async () => {
    const erin = await enrolAccount(suite.desk, suite.admin, 'erin');
    midStep();
    expect((await signIn(erin, codeAt(erin, 0))).status).toBe(201);
    expectProblem(await signIn(erin, codeAt(erin, 0)), 401);
    // The step before, never used, is inside the drift but older than the one taken: refused.
    expectProblem(await signIn(erin, codeAt(erin, -1)), 401);
  });
});
