import { parseRequest } from '@integrity-desk/http';
import { handleCommand, readAggregate } from '@integrity-desk/reports';
import {
  deploymentDecider,
  deploymentStream,
  investigatorDecider,
  investigatorStream,
  keyProofSchema,
  type Role,
} from '@integrity-desk/reports';
import {
  createLoginVerifier,
  verifyKeyPossession,
  constantTimeEqual,
  loginSecretSchema,
  publicKeySchema,
  sealedDeploymentKeySchema,
  vaultSchema,
  idSchema,
} from '@integrity-desk/protocol';
import { Router } from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkAccountTotp } from '../auth/account-totp.ts';
import { newTotpSecret, totpUri } from '../auth/totp.ts';
import { sealTotpSecret } from '../auth/totp-seal.ts';
import type { DeskContext } from '../context.ts';
import type { Ids } from '../deps.ts';
import { callerMetadata, commandMetadata, readInvestigator } from '../context.ts';
import { ProblemError } from '../http/problem.ts';

const handleSchema = z.string().regex(/^[a-z0-9._-]{2,64}$/);
export const codeSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
export const sameText = (a: string, b: string) =>
  a.length === b.length && constantTimeEqual(Buffer.from(a), Buffer.from(b));

/** A one-time enrolment code: 128 bits, base64url, shown once; only its hash is stored. */
export function newEnrolmentCode(ids: Ids): string {
  return ids.bytes(16).toString('base64url');
}

/** Invites an account (administrators' command, or setup's first administrator). */
export async function inviteInvestigator(
  ctx: DeskContext,
  input: { investigatorId: string; handle: string; role: Role; by: string | 'system' },
): Promise<string> {
  const code = newEnrolmentCode(ctx.deps.ids);
  await handleCommand(
    ctx.deps.store,
    investigatorStream(input.investigatorId),
    investigatorDecider,
    {
      type: 'InviteInvestigator',
      data: {
        investigatorId: input.investigatorId,
        handle: input.handle,
        role: input.role,
        enrolmentCodeHash: hashCode(code),
        validForHours: ctx.deps.config.enrolmentValidHours ?? 72,
      },
      metadata:
        input.by === 'system'
          ? commandMetadata(ctx.deps, { kind: 'system' })
          : callerMetadata(ctx.deps, { investigatorId: input.by }),
    },
    { expectedRevision: 'no_stream' },
  );
  return code;
}

const enrolSchema = z.object({
  investigatorId: idSchema,
  enrolmentCode: codeSchema,
  loginSecret: loginSecretSchema,
  vault: vaultSchema,
  keyProof: keyProofSchema,
});

/**
 * The browser's signing key vouches for both public keys and the account (Protocol step 10):
 * keys it does not hold cannot be enrolled, and every administrator's browser checks the proof
 * again before it signs the keys into a recipient list.
 */
async function checkKeyProof(
  ctx: DeskContext,
  body: { investigatorId: string; vault: { boxPublicKey: string; signPublicKey: string } },
  keyProof: string,
): Promise<void> {
  const keys = {
    investigatorId: body.investigatorId,
    boxPublicKey: body.vault.boxPublicKey,
    signPublicKey: body.vault.signPublicKey,
  };
  if (!verifyKeyPossession(await ctx.backend(), keys, keyProof))
    throw new ProblemError('keyProofRefused');
}

async function enrol(ctx: DeskContext, body: z.infer<typeof enrolSchema>) {
  if (body.vault.investigatorId !== body.investigatorId) throw new ProblemError('invalidRequest');
  const { state } = await readInvestigator(ctx, body.investigatorId);
  // Check the code before the expensive Argon2id work, so a wrong code costs the server nothing.
  if (
    state.status !== 'invited' ||
    !sameText(state.enrolmentCodeHash, hashCode(body.enrolmentCode)) ||
    ctx.deps.clock.now().toISOString() >= state.expiresAt
  )
    throw new ProblemError('enrolmentRefused');
  await checkKeyProof(ctx, body, body.keyProof);
  const backend = await ctx.backend();
  // The server stores only a slow hash of the login secret; the password never reaches it.
  const loginVerifier = await createLoginVerifier(
    backend,
    body.loginSecret,
    ctx.deps.config.loginVerifierParams,
  );
  const totpSecret = newTotpSecret(ctx.deps.ids.bytes(20));
  await handleCommand(
    ctx.deps.store,
    investigatorStream(body.investigatorId),
    investigatorDecider,
    {
      type: 'EnrolInvestigator',
      data: {
        investigatorId: body.investigatorId,
        enrolmentCodeHash: hashCode(body.enrolmentCode),
        signPublicKey: body.vault.signPublicKey,
        boxPublicKey: body.vault.boxPublicKey,
        vault: body.vault,
        loginVerifier,
        keyProof: body.keyProof,
        // Sealed before it enters the event: the log never holds the second factor in plain.
        sealedTotpSecret: sealTotpSecret(
          ctx.keys,
          (n) => ctx.deps.ids.bytes(n),
          body.investigatorId,
          'InvestigatorEnrolled',
          totpSecret,
        ),
      },
      metadata: commandMetadata(ctx.deps, { kind: 'system' }),
    },
  );
  return {
    totp: {
      secret: totpSecret,
      uri: totpUri(totpSecret, state.handle, ctx.deps.config.totpIssuer ?? 'Integrity Desk'),
    },
  };
}

export function setupRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;

  router.get('/api/setup', async (_req, res) => {
    const { state } = await readAggregate(deps.store, deploymentStream, deploymentDecider);
    res.json({ needed: state.status === 'none' });
  });

  const setupSchema = z.object({
    setupToken: codeSchema,
    deploymentSignPublicKey: publicKeySchema,
    /** The deployment seed sealed to the first administrator's box key, in their browser. */
    deploymentKey: sealedDeploymentKeySchema,
    administrator: z.object({
      investigatorId: idSchema,
      handle: handleSchema,
      loginSecret: loginSecretSchema,
      vault: vaultSchema,
      keyProof: keyProofSchema,
    }),
  });

  // First run: the setup token printed at start proves the caller can read the server's output.
  router.post('/api/setup', async (req, res) => {
    const body = parseRequest(setupSchema, req.body);
    const token = ctx.setup.token;
    if (token === undefined || !sameText(token, body.setupToken))
      throw new ProblemError('setupRefused');
    // Claimed before the first await: a second request with the same token, arriving while this
    // one writes, is refused instead of making a second administrator (setup happens once). A
    // setup that fails gives the token back, so the operator can correct it and try again.
    ctx.setup.token = undefined;
    try {
      res.status(201).json(await setUp(body));
    } catch (error) {
      ctx.setup.token = token;
      throw error;
    }
  });

  const setUp = async (body: z.infer<typeof setupSchema>) => {
    const deployment = await readAggregate(deps.store, deploymentStream, deploymentDecider);
    if (deployment.state.status !== 'none') throw new ProblemError('setupRefused');
    const admin = body.administrator;
    // The deployment key is a key of its own: never a person's vault key, so that it can be
    // shared, rotated and outlive any one account. Checked before anything is written.
    if (
      body.deploymentSignPublicKey === admin.vault.signPublicKey ||
      body.deploymentKey.signPublicKey !== body.deploymentSignPublicKey ||
      body.deploymentKey.administratorId !== admin.investigatorId
    )
      throw new ProblemError('invalidRequest');
    // Before the invitation is written: a refused proof leaves the log as it was.
    await checkKeyProof(ctx, admin, admin.keyProof);
    const enrolmentCode = await inviteInvestigator(ctx, {
      investigatorId: admin.investigatorId,
      handle: admin.handle,
      role: 'administrator',
      by: 'system',
    });
    const enrolled = await enrol(ctx, {
      investigatorId: admin.investigatorId,
      enrolmentCode,
      loginSecret: admin.loginSecret,
      vault: admin.vault,
      keyProof: admin.keyProof,
    });
    await handleCommand(
      deps.store,
      deploymentStream,
      deploymentDecider,
      {
        type: 'InitialiseDeployment',
        data: {
          signPublicKey: body.deploymentSignPublicKey,
          administratorId: admin.investigatorId,
          // A fixed, stored value of the deployment (public): receipts derive their keys from
          // it, so it must never change, whatever happens to the deployment key.
          receiptSalt: deps.ids.bytes(16).toString('base64url'),
          sealedKey: body.deploymentKey,
        },
        metadata: commandMetadata(deps, { kind: 'system' }),
      },
      { expectedRevision: 'no_stream' },
    );
    return { investigatorId: admin.investigatorId, enrolmentCode, ...enrolled };
  };

  router.post('/api/enrolment', async (req, res) => {
    const body = parseRequest(enrolSchema, req.body);
    res.status(201).json(await enrol(ctx, body));
  });

  const confirmSchema = z.object({
    investigatorId: idSchema,
    enrolmentCode: codeSchema,
    code: z.string().regex(/^[0-9]{6}$/),
  });
  router.post('/api/enrolment/totp', async (req, res) => {
    const body = parseRequest(confirmSchema, req.body);
    const { state } = await readInvestigator(ctx, body.investigatorId);
    // At enrolment the enrolled secret; after a TOTP reset the newly bound one (credentials/).
    const totp =
      state.status === 'enrolled'
        ? state.totp
        : state.status === 'totp_reset'
          ? state.pendingTotp
          : undefined;
    if (
      totp === undefined ||
      state.status === 'none' ||
      !sameText(state.enrolmentCodeHash, hashCode(body.enrolmentCode))
    )
      throw new ProblemError('enrolmentRefused');
    const step = checkAccountTotp(ctx, { investigatorId: body.investigatorId, totp }, body.code);
    if (step === undefined) throw new ProblemError('enrolmentRefused');
    // The code that confirmed enrolment cannot sign in as well (whatever the guard answers).
    await ctx.totpReplay.accept(body.investigatorId, step);
    await handleCommand(deps.store, investigatorStream(body.investigatorId), investigatorDecider, {
      type: 'ConfirmTotp',
      data: { investigatorId: body.investigatorId },
      metadata: commandMetadata(deps, { kind: 'system' }),
    });
    res.status(204).end();
  });

  return router;
}

/** At start: with no deployment yet, make the one-time setup token and hand it to the operator. */
export async function announceSetup(ctx: DeskContext): Promise<void> {
  const { state } = await readAggregate(ctx.deps.store, deploymentStream, deploymentDecider);
  if (state.status !== 'none') return;
  const token = ctx.deps.ids.bytes(24).toString('base64url');
  ctx.setup.token = token;
  if (ctx.deps.config.onSetupToken) ctx.deps.config.onSetupToken(token);
  else ctx.deps.logger?.warn(`first run: open the desk and complete setup with token ${token}`);
}
