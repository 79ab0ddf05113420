import { parseRequest } from '@integrity-desk/http';
import {
  checkLoginVerifier,
  createLoginVerifier,
  loginSecretSchema,
  vaultSchema,
  idSchema,
} from '@integrity-desk/protocol';
import { handleCommand, investigatorDecider, investigatorStream } from '@integrity-desk/reports';
import { Router } from 'express';
import { z } from 'zod';
import { newTotpSecret, totpUri } from '../auth/totp.ts';
import { sealTotpSecret } from '../auth/totp-seal.ts';
import { readSessionToken } from '../auth/sessions.ts';
import type { DeskContext } from '../context.ts';
import {
  callerMetadata,
  commandMetadata,
  etag,
  ifMatch,
  readInvestigator,
  requireAdmin,
  requireCaller,
} from '../context.ts';
import { ProblemError } from '../http/problem.ts';
import { codeSchema, hashCode, sameText } from '../setup/routes.ts';
import { DEFAULT_CODE_VALID_HOURS, issueTotpReset } from './totp-reset.ts';

/**
 * Credentials after enrolment: an administrator resets an account's TOTP (lost phone, or a
 * secret from before sealing), the investigator binds a new one with the one-time code and
 * their login secret and confirms it at POST /api/enrolment/totp; and an investigator changes
 * their password (a new vault around the same key pairs and a new login verifier, both made in
 * the browser from the protocol's vault functions; the server sees neither password).
 */
export function credentialRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;

  router.post('/api/investigators/:id/totp-reset', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const id = parseRequest(idSchema, req.params['id']);
    // An administrator who lost their own second factor cannot be signed in to reset it; one who
    // is signed in would only lock themselves out.
    if (id === caller.investigatorId) throw new ProblemError('conflict');
    const expectedRevision = ifMatch(req);
    parseRequest(z.strictObject({}), req.body ?? {});
    const { code, revision } = await issueTotpReset(deps, {
      investigatorId: id,
      actor: { kind: 'investigator', investigatorId: caller.investigatorId },
      validForHours: deps.config.enrolmentValidHours ?? DEFAULT_CODE_VALID_HOURS,
      expectedRevision,
    });
    // The old second factor no longer signs anyone in, so its sessions end too.
    await ctx.sessions.destroyAllOf(id);
    res.setHeader('ETag', etag(revision));
    // The code is shown this once, to be handed to the investigator; only its hash is stored.
    res.json({ revision: Number(revision), enrolmentCode: code });
  });

  const reenrolSchema = z.strictObject({
    investigatorId: idSchema,
    enrolmentCode: codeSchema,
    loginSecret: loginSecretSchema,
  });
  router.post('/api/enrolment/totp-reset', async (req, res) => {
    const body = parseRequest(reenrolSchema, req.body);
    const { state } = await readInvestigator(ctx, body.investigatorId);
    // The code first (cheap), then the login secret (Argon2id), limited per account like sign-in:
    // the code alone must not let whoever intercepts it bind their own authenticator.
    if (
      state.status !== 'totp_reset' ||
      !sameText(state.enrolmentCodeHash, hashCode(body.enrolmentCode)) ||
      deps.clock.now().toISOString() >= state.expiresAt
    )
      throw new ProblemError('enrolmentRefused');
    if (await ctx.throttle.isLocked(state.handle)) throw new ProblemError('tooManyAttempts');
    const ok = await checkLoginVerifier(
      await ctx.backend(),
      state.loginVerifier,
      body.loginSecret,
      deps.config.loginVerifierParams,
    );
    if (!ok) {
      await ctx.throttle.fail(state.handle);
      throw new ProblemError('enrolmentRefused');
    }
    const secret = newTotpSecret(deps.ids.bytes(20));
    await handleCommand(deps.store, investigatorStream(body.investigatorId), investigatorDecider, {
      type: 'ReenrolTotp',
      data: {
        investigatorId: body.investigatorId,
        enrolmentCodeHash: hashCode(body.enrolmentCode),
        sealedTotpSecret: sealTotpSecret(
          ctx.keys,
          (n) => deps.ids.bytes(n),
          body.investigatorId,
          'InvestigatorTotpReenrolled',
          secret,
        ),
      },
      metadata: commandMetadata(deps, { kind: 'system' }),
    });
    res.status(201).json({
      totp: {
        secret,
        uri: totpUri(secret, state.handle, deps.config.totpIssuer ?? 'Integrity Desk'),
      },
    });
  });

  const vaultChangeSchema = z.strictObject({
    currentLoginSecret: loginSecretSchema,
    loginSecret: loginSecretSchema,
    vault: vaultSchema,
  });
  router.post('/api/session/vault', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const body = parseRequest(vaultChangeSchema, req.body);
    // Only one's own vault, around one's own key pairs (the decider checks the keys).
    if (body.vault.investigatorId !== caller.investigatorId) throw new ProblemError('forbidden');
    if (await ctx.throttle.isLocked(caller.handle)) throw new ProblemError('tooManyAttempts');
    const read = await readInvestigator(ctx, caller.investigatorId);
    if (read.state.status !== 'active') throw new ProblemError('unauthenticated');
    const backend = await ctx.backend();
    // The current password again: a session left open is not enough to take over the account.
    const ok = await checkLoginVerifier(
      backend,
      read.state.loginVerifier,
      body.currentLoginSecret,
      deps.config.loginVerifierParams,
    );
    if (!ok) {
      await ctx.throttle.fail(caller.handle);
      throw new ProblemError('forbidden');
    }
    const loginVerifier = await createLoginVerifier(
      backend,
      body.loginSecret,
      deps.config.loginVerifierParams,
    );
    const result = await handleCommand(
      deps.store,
      investigatorStream(caller.investigatorId),
      investigatorDecider,
      {
        type: 'ChangeVault',
        data: { investigatorId: caller.investigatorId, vault: body.vault, loginVerifier },
        metadata: callerMetadata(deps, caller),
      },
      { expectedRevision: read.revision },
    );
    // Other sessions of the account end (a password change is often a reaction to a leak).
    const token = readSessionToken(req.get('cookie'));
    await ctx.sessions.destroyAllOf(caller.investigatorId, token);
    res.setHeader('ETag', etag(result.revision));
    res.json({ revision: Number(result.revision) });
  });

  return router;
}
