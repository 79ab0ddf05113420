import { errorClass, parseRequest } from '@integrity-desk/http';
import {
  checkLoginVerifier,
  loginSecretSchema,
  type LoginVerifier,
} from '@integrity-desk/protocol';
import { findInvestigatorByHandle } from '@integrity-desk/reports';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { readInvestigator, requireCaller } from '../context.ts';
import { ProblemError } from '../http/problem.ts';
import { decoyKdf, type LoginKdf } from './decoy.ts';
import type { PendingFailures } from './failure-ledger.ts';
import { GateFullError } from './signin-gate.ts';
import { recordSignInEvent } from './signin-events.ts';
import { clearedSessionCookie, readSessionToken, sessionCookie } from './sessions.ts';
import { checkAccountTotp } from './account-totp.ts';

const loginSchema = z.object({
  handle: z.string().min(1).max(64),
  loginSecret: loginSecretSchema,
  totp: z.string().regex(/^[0-9]{6}$/),
});

/** Never an account's id: investigator ids are random v4 UUIDs. */
const decoyStreamId = '00000000-0000-0000-0000-000000000000';
const kdfSchema = z.strictObject({ handle: z.string().min(1).max(64) });

export function signInRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;
  const idleSeconds = (deps.config.sessionIdleMinutes ?? 30) * 60;

  /**
   * The vault's KDF salt and parameters, which the browser needs to derive the login secret
   * before POST /api/session. Only an active account gets its real ones; any other handle gets a
   * decoy derived from it (auth/decoy.ts) with the same status, shape and work, so the answer
   * does not tell which handles exist. A POST so that it goes through the CSRF checks like the
   * sign-in it precedes.
   */
  router.post('/api/session/kdf', async (req, res) => {
    const body = parseRequest(kdfSchema, req.body);
    // Per handle, like sign-in: locked while sign-in is, and a budget of lookups besides.
    if ((await ctx.throttle.isLocked(body.handle)) || !(await ctx.kdfBudget.take(body.handle)))
      throw new ProblemError('tooManyAttempts');
    const decoy = decoyKdf(ctx.keys.kdfDecoy, body.handle);
    const found = findInvestigatorByHandle(deps.readModels, body.handle);
    // An unknown handle reads an (empty) stream too, so both take a stream read.
    const { state } = await readInvestigator(ctx, found?.investigatorId ?? decoyStreamId);
    // An account in TOTP reset keeps its real salt: its owner needs it to re-enrol, and a salt
    // that turned into a decoy would tell an observer that the account changed.
    const real = state.status === 'active' || state.status === 'totp_reset';
    const kdf: LoginKdf = real ? state.vault.kdf : decoy;
    res.json({ salt: kdf.salt, opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes });
  });

  /**
   * Failed attempts on an existing account are written only after the answer has gone out, so
   * the time an append takes cannot tell a known handle from an unknown one, and only as often
   * as the failure ledger allows (auth/failure-ledger.ts). Unknown handles write nothing.
   */
  const recordFailureAfterAnswer = (
    res: Response,
    investigatorId: string | undefined,
    count: (id: string) => Promise<PendingFailures | undefined>,
  ) => {
    if (investigatorId === undefined) return;
    // Counted after the answer too: a round trip to the shared state for known handles only
    // would time as a difference between known and unknown ones.
    res.once('close', () => {
      count(investigatorId)
        .then((due) =>
          due
            ? recordSignInEvent(ctx, investigatorId, { type: 'RecordSignInFailures', ...due })
            : undefined,
        )
        .catch((error: unknown) =>
          deps.logger?.error(`desk: could not record failed sign-ins (${errorClass(error)})`),
        );
    });
  };

  router.post('/api/session', async (req, res) => {
    const body = parseRequest(loginSchema, req.body);
    const found = findInvestigatorByHandle(deps.readModels, body.handle);
    if (await ctx.throttle.isLocked(body.handle)) {
      recordFailureAfterAnswer(res, found?.investigatorId, (id) => ctx.failures.throttled(id));
      throw new ProblemError('tooManyAttempts');
    }
    const read = found ? await readInvestigator(ctx, found.investigatorId) : undefined;
    const state = read?.state;
    const backend = await ctx.backend();
    // Every attempt hashes (Argon2id), whatever the handle: at most so many at once for the
    // whole desk, or a 503 at once (auth/signin-gate.ts). A refused attempt is no failure.
    const verify = async (verifier: LoginVerifier) => {
      try {
        return await ctx.signInGate.run(() =>
          checkLoginVerifier(backend, verifier, body.loginSecret, deps.config.loginVerifierParams),
        );
      } catch (error) {
        if (error instanceof GateFullError) throw new ProblemError('signInBusy');
        throw error;
      }
    };
    let ok = false;
    if (state && (state.status === 'active' || state.status === 'enrolled')) {
      ok = await verify(state.loginVerifier);
      if (ok && state.status === 'active') {
        const step = checkAccountTotp(ctx, state, body.totp);
        // Fails closed: a guard that cannot answer is a 503, never a pass.
        ok = step !== undefined && (await ctx.totpReplay.accept(state.investigatorId, step));
      } else ok = false;
    } else {
      // Same work for an unknown or inactive account, so timing does not reveal which handles exist.
      await verify(await ctx.dummyVerifier());
    }
    // One answer for an unknown handle, a wrong secret, a wrong code or an inactive account.
    if (!ok || !state || state.status !== 'active') {
      await ctx.throttle.fail(body.handle);
      const existing = state && state.status !== 'none' ? state.investigatorId : undefined;
      recordFailureAfterAnswer(res, existing, (id) => ctx.failures.failed(id));
      throw new ProblemError('loginFailed');
    }
    await ctx.throttle.succeed(body.handle);
    // Recorded before the session exists: no sign-in without its trace in the audit log.
    const unwritten = await ctx.failures.takeAll(state.investigatorId);
    if (unwritten)
      await recordSignInEvent(ctx, state.investigatorId, {
        type: 'RecordSignInFailures',
        ...unwritten,
      });
    await recordSignInEvent(ctx, state.investigatorId, { type: 'RecordSignIn' });
    const token = await ctx.sessions.create(state.investigatorId);
    res.setHeader('Set-Cookie', sessionCookie(token, idleSeconds));
    // The vault is handed out only after the login secret checked (protocol README).
    res.status(201).json({
      investigatorId: state.investigatorId,
      handle: state.handle,
      role: state.role,
      vault: state.vault,
      // False for an account enrolled before possession proofs: the browser adds its proof now.
      keyProven: state.keyProof !== undefined,
    });
  });

  router.get('/api/session', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    res.json(caller);
  });

  router.delete('/api/session', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const token = readSessionToken(req.get('cookie'));
    if (token) await ctx.sessions.destroy(token);
    // The session is gone whatever happens next: signing out must never fail for the user.
    try {
      await recordSignInEvent(ctx, caller.investigatorId, { type: 'RecordSignOut' });
    } catch (error) {
      deps.logger?.error(`desk: could not record a sign-out (${errorClass(error)})`);
    }
    res.setHeader('Set-Cookie', clearedSessionCookie);
    res.status(204).end();
  });

  return router;
}
