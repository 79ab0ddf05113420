import {
  channelDecider,
  channelStream,
  deadlinesSchema,
  deploymentDecider,
  deploymentStream,
  readAggregate,
  handleCommand,
  investigatorDecider,
  investigatorStream,
  listAuditLog,
  listChannels,
  listInvestigators,
  recipientListSchema,
  roles,
  type ChannelCommand,
  type EnrolledKeys,
  type InvestigatorCommand,
  type RecipientList,
  type RecipientListTrust,
} from '@integrity-desk/reports';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Caller, DeskContext } from '../context.ts';
import { etag, ifMatch, readChannel, readInvestigator, requireAdmin } from '../context.ts';
import { ProblemError } from '../http/problem.ts';
import { parse } from '../http/validate.ts';
import { inviteInvestigator } from '../setup/routes.ts';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/**
 * Administration: accounts, channels, audit. An administrator manages channels and their
 * recipient lists but reads reports only as a recipient, like anyone else (cases/routes.ts).
 */
export function adminRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;
  const meta = (caller: Caller) => ({
    now: deps.clock.now(),
    eventId: deps.ids.uuid(),
    actor: { kind: 'investigator' as const, investigatorId: caller.investigatorId },
  });
  const sendRevision = (res: Response, revision: bigint, status = 200, extra = {}) => {
    res.setHeader('ETag', etag(revision));
    res.status(status).json({ revision: Number(revision), ...extra });
  };

  // Accounts
  router.get('/api/investigators', async (req, res) => {
    await requireAdmin(ctx, req, res);
    res.json({ items: listInvestigators(deps.readModels) });
  });

  router.get('/api/investigators/:id', async (req, res) => {
    await requireAdmin(ctx, req, res);
    const { state, revision } = await readInvestigator(ctx, parse(uuid, req.params['id']));
    if (state.status === 'none') throw new ProblemError('notFound');
    res.setHeader('ETag', etag(revision as bigint));
    res.json({
      investigatorId: state.investigatorId,
      handle: state.handle,
      role: state.role,
      status: state.status,
      // From the enrolment (the vault's public keys), so an administrator's browser can sign
      // recipient lists; null while the account is only invited.
      boxPublicKey: state.status === 'invited' ? null : state.boxPublicKey,
      signPublicKey: state.status === 'invited' ? null : state.signPublicKey,
      // The keys' possession proof (Protocol step 10), which the administrator's browser checks
      // before signing; null for an account enrolled before proofs until it unlocks again.
      keyProof: state.status === 'invited' ? null : (state.keyProof ?? null),
      revision: Number(revision),
    });
  });

  const inviteSchema = z
    .object({ handle: z.string().regex(/^[a-z0-9._-]{2,64}$/), role: z.enum(roles) })
    .strict();
  router.post('/api/investigators', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const body = parse(inviteSchema, req.body);
    const investigatorId = deps.ids.uuid();
    const enrolmentCode = await inviteInvestigator(ctx, {
      investigatorId,
      handle: body.handle,
      role: body.role,
      by: caller.investigatorId,
    });
    // The code is shown this once; only its hash is stored.
    res.status(201).json({ investigatorId, enrolmentCode });
  });

  const investigatorCommand = (
    path: string,
    schema: z.ZodType,
    build: (id: string, body: never) => Pick<InvestigatorCommand, 'type' | 'data'>,
  ) =>
    router.post(path, async (req: Request, res: Response) => {
      const caller = await requireAdmin(ctx, req, res);
      const id = parse(uuid, req.params['id']);
      // Nobody demotes or deactivates themselves: the last administrator cannot lock everyone out.
      if (id === caller.investigatorId) throw new ProblemError('conflict');
      const expectedRevision = ifMatch(req);
      const body = parse(schema, req.body ?? {}) as never;
      const result = await handleCommand(
        deps.store,
        investigatorStream(id),
        investigatorDecider,
        { ...build(id, body), metadata: meta(caller) } as InvestigatorCommand,
        { expectedRevision },
      );
      if (result.state.status === 'deactivated') ctx.sessions.destroyAllOf(id);
      sendRevision(res, result.revision);
    });
  investigatorCommand(
    '/api/investigators/:id/role',
    z.object({ role: z.enum(roles) }).strict(),
    (id, body: { role: (typeof roles)[number] }) => ({
      type: 'ChangeInvestigatorRole',
      data: { investigatorId: id, role: body.role },
    }),
  );
  investigatorCommand('/api/investigators/:id/deactivate', z.object({}).strict(), (id) => ({
    type: 'DeactivateInvestigator',
    data: { investigatorId: id },
  }));

  // Channels
  router.get('/api/channels', async (req, res) => {
    await requireAdmin(ctx, req, res);
    res.json({ items: listChannels(deps.readModels) });
  });

  router.get('/api/channels/:id', async (req, res) => {
    await requireAdmin(ctx, req, res);
    const { state, revision } = await readChannel(ctx, parse(uuid, req.params['id']));
    if (state.status === 'none') throw new ProblemError('notFound');
    res.setHeader('ETag', etag(revision as bigint));
    res.json({ ...state, revision: Number(revision) });
  });

  const createSchema = z
    .object({ name: z.string().min(1).max(200), deadlines: deadlinesSchema.optional() })
    .strict();
  router.post('/api/channels', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const body = parse(createSchema, req.body);
    const channelId = deps.ids.uuid();
    const result = await handleCommand(
      deps.store,
      channelStream(channelId),
      channelDecider,
      {
        type: 'CreateChannel',
        data: {
          channelId,
          name: body.name,
          deadlines: body.deadlines ?? { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
        },
        metadata: meta(caller),
      },
      { expectedRevision: 'no_stream' },
    );
    sendRevision(res, result.revision, 201, { channelId });
  });

  /** What the channel decider checks a recipient list against (RecipientListTrust). */
  const trustFor = async (list: RecipientList): Promise<RecipientListTrust> => {
    const deployment = await readAggregate(deps.store, deploymentStream, deploymentDecider);
    const activeAccounts = new Map<string, EnrolledKeys>();
    for (const { recipientId } of list.recipients) {
      const { state } = await readInvestigator(ctx, recipientId);
      // Only an account whose keys are proven (SECURITY.md, Protocol step 10): one enrolled
      // before possession proofs is listed again once its next unlock has added its proof.
      if (state.status === 'active' && state.keyProof !== undefined)
        activeAccounts.set(recipientId, state);
    }
    return {
      deploymentSignPublicKey:
        deployment.state.status === 'none' ? undefined : deployment.state.signPublicKey,
      activeAccounts,
      backend: await ctx.backend(),
    };
  };

  const channelCommand = (
    path: string,
    schema: z.ZodType,
    build: (id: string, body: never) => Promise<Pick<ChannelCommand, 'type' | 'data'>>,
  ) =>
    router.post(path, async (req: Request, res: Response) => {
      const caller = await requireAdmin(ctx, req, res);
      const id = parse(uuid, req.params['id']);
      const expectedRevision = ifMatch(req);
      const body = parse(schema, req.body ?? {}) as never;
      const result = await handleCommand(
        deps.store,
        channelStream(id),
        channelDecider,
        { ...(await build(id, body)), metadata: meta(caller) } as ChannelCommand,
        { expectedRevision },
      );
      sendRevision(res, result.revision);
    });
  channelCommand(
    '/api/channels/:id/questionnaire',
    z
      .object({
        version: z.number().int().min(1),
        questionnaire: z
          .record(z.string(), z.unknown())
          .refine((q) => JSON.stringify(q).length <= 64 * 1024),
      })
      .strict(),
    async (id, body: { version: number; questionnaire: Record<string, unknown> }) => ({
      type: 'PublishQuestionnaire',
      data: { channelId: id, ...body },
    }),
  );
  channelCommand(
    '/api/channels/:id/recipients',
    z.object({ recipientList: recipientListSchema }).strict(),
    async (id, body: { recipientList: RecipientList }) => ({
      type: 'PublishRecipients',
      data: {
        channelId: id,
        version: body.recipientList.version,
        recipientList: body.recipientList,
        trust: await trustFor(body.recipientList),
      },
    }),
  );
  channelCommand('/api/channels/:id/archive', z.object({}).strict(), async (id) => ({
    type: 'ArchiveChannel',
    data: { channelId: id },
  }));

  // Audit
  const auditSchema = z.object({
    // A position as the store gives it: at most 18 digits fits SQLite's 64-bit integer (a longer
    // one failed the binding and answered 500).
    before: z
      .string()
      .regex(/^\d{1,18}$/)
      .transform((v) => BigInt(v))
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    actor: z.string().min(1).max(128).optional(),
  });
  router.get('/api/audit', async (req, res) => {
    await requireAdmin(ctx, req, res);
    const q = parse(auditSchema, req.query);
    res.json({ items: listAuditLog(deps.readModels, q) });
  });

  return router;
}
