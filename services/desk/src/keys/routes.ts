import { parseRequest } from '@integrity-desk/http';
// Keys bound to people, the signed-in investigator's side (SECURITY.md, Protocol step 10 and
// Staff side): an account enrolled before possession proofs adds its proof at its next unlock;
// every unlock fetches the signed recipient lists to check that those naming the account name
// exactly its keys; and a browser that finds otherwise records the alarm in the audit log.
import {
  deploymentDecider,
  deploymentStream,
  handleCommand,
  investigatorDecider,
  investigatorStream,
  keyAlarmReasons,
  keyProofSchema,
  listChannels,
  readAggregate,
  type InvestigatorCommand,
} from '@integrity-desk/reports';
import { verifyKeyPossession, idSchema } from '@integrity-desk/protocol';
import { Router } from 'express';
import { z } from 'zod';
import type { Caller, DeskContext } from '../context.ts';
import { callerMetadata, readChannel, readInvestigator, requireCaller } from '../context.ts';
import { signedRecipientList } from '../cases/key-shares.ts';
import { deploymentKeyFacts } from '../deployment/routes.ts';
import { ProblemError } from '../http/problem.ts';
import type { CommandPart } from '../http/command-route.ts';

const proofBody = z.strictObject({ keyProof: keyProofSchema });
const alarmBody = z.strictObject({
  channelId: idSchema,
  recipientListVersion: z.number().int().min(0).max(1_000_000_000),
  reason: z.enum(keyAlarmReasons),
});

export function keyRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;
  const own = (caller: Caller, command: CommandPart<InvestigatorCommand>) =>
    handleCommand(deps.store, investigatorStream(caller.investigatorId), investigatorDecider, {
      ...command,
      metadata: callerMetadata(deps, caller),
    });

  /**
   * The caller's own possession proof, for an account enrolled before proofs existed. Checked
   * against the keys the account enrolled with: a proof for other keys is refused and changes
   * nothing, so nobody can use this to bind other keys to an account.
   */
  router.post('/api/session/key-proof', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const body = parseRequest(proofBody, req.body);
    const { state } = await readInvestigator(ctx, caller.investigatorId);
    if (state.status !== 'active') throw new ProblemError('unauthenticated');
    const backend = await ctx.backend();
    const keys = { investigatorId: state.investigatorId, ...publicKeys(state) };
    if (!verifyKeyPossession(backend, keys, body.keyProof))
      throw new ProblemError('keyProofRefused');
    await own(caller, {
      type: 'ProveKeys',
      data: { investigatorId: caller.investigatorId, keyProof: body.keyProof },
    });
    res.status(204).end();
  });

  /**
   * Every channel's current recipient list as signed, and the deployment's public key for builds
   * that pin none: the caller's browser checks that each list naming it names its own keys.
   * Lists are public (intake gives them to every whistleblower), so every signed-in account may
   * read them all; a desk that left one out would still face the whistleblowers' check.
   */
  router.get('/api/recipient-lists', async (req, res) => {
    await requireCaller(ctx, req, res);
    const lists = [];
    for (const { channelId } of listChannels(deps.readModels)) {
      const recipientList = signedRecipientList((await readChannel(ctx, channelId)).events);
      if (recipientList) lists.push({ channelId, recipientList });
    }
    const deployment = await readAggregate(deps.store, deploymentStream, deploymentDecider);
    res.json({ lists, ...deploymentKeyFacts(deployment.state) });
  });

  /** The caller's browser found a list naming it with other keys, or one that does not verify. */
  router.post('/api/session/key-alarm', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const body = parseRequest(alarmBody, req.body);
    await own(caller, {
      type: 'RaiseKeyAlarm',
      data: { investigatorId: caller.investigatorId, ...body },
    });
    res.status(201).json({ recorded: true });
  });

  return router;
}

function publicKeys(state: { boxPublicKey: string; signPublicKey: string }) {
  return { boxPublicKey: state.boxPublicKey, signPublicKey: state.signPublicKey };
}
