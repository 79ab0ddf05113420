import { parseRequest } from '@integrity-desk/http';
import {
  deploymentKeyTransitionSchema,
  sealedDeploymentKeySchema,
  type DeploymentKeyTransition,
  type SealedDeploymentKey,
} from '@integrity-desk/protocol';
import {
  deploymentDecider,
  deploymentStream,
  handleCommand,
  readAggregate,
  type DeploymentCommand,
  type DeploymentState,
} from '@integrity-desk/reports';
import { Router } from 'express';
import { z } from 'zod';
import type { Caller, DeskContext } from '../context.ts';
import { callerMetadata, readInvestigator, requireAdmin } from '../context.ts';
import type { CommandPart } from '../http/command-route.ts';
import { ProblemError } from '../http/problem.ts';

/** The deployment key as browsers need it: current key and the rotations that lead to it. */
export function deploymentKeyFacts(state: DeploymentState): {
  deploymentSignPublicKey: string | null;
  deploymentKeyTransitions: readonly DeploymentKeyTransition[];
} {
  return state.status === 'none'
    ? { deploymentSignPublicKey: null, deploymentKeyTransitions: [] }
    : { deploymentSignPublicKey: state.signPublicKey, deploymentKeyTransitions: state.transitions };
}

export async function readDeployment(ctx: DeskContext) {
  return (await readAggregate(ctx.deps.store, deploymentStream, deploymentDecider)).state;
}

/**
 * The deployment signing key, for administrators: their own sealed copy (opened only in their
 * browser), sharing it with another administrator, and rotating it. The desk never sees the
 * seed; it checks what it can (a rotation is signed by the current key, a share is made by a
 * holder to an active administrator) and browsers check the rest.
 */
export function deploymentRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;
  const run = async (caller: Caller, command: CommandPart<DeploymentCommand>) =>
    handleCommand(deps.store, deploymentStream, deploymentDecider, {
      ...command,
      metadata: callerMetadata(deps, caller),
    });

  router.get('/api/deployment/key', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const state = await readDeployment(ctx);
    if (state.status === 'none') throw new ProblemError('notFound');
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      ...deploymentKeyFacts(state),
      sealedKey: state.holders[caller.investigatorId] ?? null,
      holders: Object.keys(state.holders),
    });
  });

  const shareSchema = z.object({ sealedKey: sealedDeploymentKeySchema }).strict();
  router.post('/api/deployment/key-shares', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const { sealedKey } = parseRequest(shareSchema, req.body ?? {}) as {
      sealedKey: SealedDeploymentKey;
    };
    const { state } = await readInvestigator(ctx, sealedKey.administratorId);
    await run(caller, {
      type: 'ShareDeploymentKey',
      data: {
        sealedKey,
        recipientIsActiveAdministrator: state.status === 'active' && state.role === 'administrator',
      },
    });
    res.status(201).json({ administratorId: sealedKey.administratorId });
  });

  const rotationSchema = z
    .object({ transition: deploymentKeyTransitionSchema, sealedKey: sealedDeploymentKeySchema })
    .strict();
  router.post('/api/deployment/rotation', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const body = parseRequest(rotationSchema, req.body ?? {}) as {
      transition: DeploymentKeyTransition;
      sealedKey: SealedDeploymentKey;
    };
    const result = await run(caller, {
      type: 'RotateDeploymentKey',
      data: { ...body, backend: await ctx.backend() },
    });
    res.status(201).json(deploymentKeyFacts(result.state));
  });

  return router;
}
