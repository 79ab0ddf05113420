import { idSchema } from '@integrity-desk/protocol';
import { parseRequest } from '@integrity-desk/http';
import {
  channelDecider,
  channelStream,
  deadlinesSchema,
  referralModeSchema,
  deploymentDecider,
  deploymentStream,
  directiveDeadlines,
  readAggregate,
  handleCommand,
  investigatorDecider,
  investigatorStream,
  listAuditLog,
  listChannels,
  listInvestigators,
  recipientListSchema,
  channelLabelsSchema,
  ackTemplateSchema,
  questionnaireSchema,
  roles,
  type ChannelCommand,
  type EnrolledKeys,
  type HandleResult,
  type InvestigatorCommand,
  type InvestigatorState,
  type RecipientList,
  type RecipientListTrust,
} from '@integrity-desk/reports';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Caller, DeskContext } from '../context.ts';
import { callerMetadata, etag, readChannel, readInvestigator, requireAdmin } from '../context.ts';
import { action, postCommand, type CommandPart, type CommandRoute } from '../http/command-route.ts';
import { ProblemError } from '../http/problem.ts';
import { inviteInvestigator } from '../setup/routes.ts';
import { signedRecipientList } from '../cases/key-shares.ts';

/** What an account or channel command is built from besides its body: the id in its path. */
interface Target {
  readonly id: string;
  readonly caller: Caller;
}

/**
 * Administration: accounts, channels, audit. An administrator manages channels and their
 * recipient lists but reads reports only as a recipient, like anyone else (cases/routes.ts).
 */
export function adminRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;
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
    const { state, revision } = await readInvestigator(
      ctx,
      parseRequest(idSchema, req.params['id']),
    );
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
    const body = parseRequest(inviteSchema, req.body);
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

  const investigatorAction = action<Target, InvestigatorCommand>();
  const investigatorRoute: CommandRoute<
    Target,
    InvestigatorCommand,
    HandleResult<unknown, InvestigatorState>
  > = {
    load: async (req, res) => {
      const caller = await requireAdmin(ctx, req, res);
      const id = parseRequest(idSchema, req.params['id']);
      // Nobody demotes or deactivates themselves: the last administrator cannot lock everyone out.
      if (id === caller.investigatorId) throw new ProblemError('conflict');
      return { id, caller };
    },
    handle: (part, { id, caller }, expectedRevision) =>
      handleCommand(
        deps.store,
        investigatorStream(id),
        investigatorDecider,
        { ...part, metadata: callerMetadata(deps, caller) },
        { expectedRevision },
      ),
    respond: async (res, result, { id }) => {
      if (result.state.status === 'deactivated') await ctx.sessions.destroyAllOf(id);
      sendRevision(res, result.revision);
    },
  };
  postCommand(
    router,
    '/api/investigators/:id/role',
    investigatorAction(z.object({ role: z.enum(roles) }).strict(), ({ role }, { id }) => ({
      type: 'ChangeInvestigatorRole',
      data: { investigatorId: id, role },
    })),
    investigatorRoute,
  );
  postCommand(
    router,
    '/api/investigators/:id/deactivate',
    investigatorAction(z.object({}).strict(), (_body, { id }) => ({
      type: 'DeactivateInvestigator',
      data: { investigatorId: id },
    })),
    investigatorRoute,
  );

  // Channels
  router.get('/api/channels', async (req, res) => {
    await requireAdmin(ctx, req, res);
    res.json({ items: listChannels(deps.readModels) });
  });

  router.get('/api/channels/:id', async (req, res) => {
    await requireAdmin(ctx, req, res);
    const read = await readChannel(ctx, parseRequest(idSchema, req.params['id']));
    const { state, revision } = read;
    if (state.status === 'none') throw new ProblemError('notFound');
    res.setHeader('ETag', etag(revision as bigint));
    // The signed list: the administrator's worker re-signs it with a referral mode and carries
    // that mode over when it signs new recipients (Protocol step 11).
    res.json({
      ...state,
      recipientList: signedRecipientList(read.events),
      revision: Number(revision),
    });
  });

  const createSchema = z
    .object({ name: z.string().min(1).max(200), deadlines: deadlinesSchema.optional() })
    .strict();
  router.post('/api/channels', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const body = parseRequest(createSchema, req.body);
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
          deadlines: body.deadlines ?? directiveDeadlines,
        },
        metadata: callerMetadata(deps, caller),
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

  const channelAction = action<Target, ChannelCommand>();
  const channelRoute: CommandRoute<Target, ChannelCommand, HandleResult<unknown, unknown>> = {
    load: async (req, res) => {
      const caller = await requireAdmin(ctx, req, res);
      return { id: parseRequest(idSchema, req.params['id']), caller };
    },
    handle: (part, { id, caller }, expectedRevision) =>
      handleCommand(
        deps.store,
        channelStream(id),
        channelDecider,
        { ...part, metadata: callerMetadata(deps, caller) },
        { expectedRevision },
      ),
    respond: (res, result) => sendRevision(res, result.revision),
  };
  postCommand(
    router,
    '/api/channels/:id/questionnaire',
    channelAction(
      z
        .object({
          version: z.number().int().min(1),
          // Each question and option per language, the same option keys in every language
          // (reports/src/channel/questionnaire.ts); 64 KiB at most, as intake serves it to all.
          questionnaire: questionnaireSchema.refine((q) => JSON.stringify(q).length <= 64 * 1024),
        })
        .strict(),
      (body, { id }) => ({ type: 'PublishQuestionnaire', data: { channelId: id, ...body } }),
    ),
    channelRoute,
  );
  postCommand(
    router,
    '/api/channels/:id/recipients',
    channelAction(
      z.object({ recipientList: recipientListSchema }).strict(),
      async ({ recipientList }, { id }) => ({
        type: 'PublishRecipients',
        data: {
          channelId: id,
          version: recipientList.version,
          recipientList,
          trust: await trustFor(recipientList),
        },
      }),
    ),
    channelRoute,
  );
  /** A channel command at /api/channels/:id/<name> whose body is plain: the data it carries. */
  const channelCommand = <S extends z.ZodType>(
    name: string,
    body: S,
    command: (body: z.infer<S>, channelId: string) => CommandPart<ChannelCommand>,
  ) =>
    postCommand(
      router,
      `/api/channels/:id/${name}`,
      channelAction(body, (b, { id }) => command(b, id)),
      channelRoute,
    );
  channelCommand('labels', z.object({ labels: channelLabelsSchema }).strict(), (b, channelId) => ({
    type: 'DefineLabels',
    data: { channelId, labels: b.labels },
  }));
  // The acknowledgement's first message for the channel ('' for the desk's default).
  channelCommand(
    'ack-template',
    z.object({ template: ackTemplateSchema }).strict(),
    (b, channelId) => ({
      type: 'SetAcknowledgementTemplate',
      data: { channelId, template: b.template },
    }),
  );
  // Referral to another channel: `consent` (the whistleblower decides) or `inform` only.
  channelCommand(
    'referral-mode',
    z.object({ mode: referralModeSchema }).strict(),
    (b, channelId) => ({ type: 'SetReferralMode', data: { channelId, mode: b.mode } }),
  );
  channelCommand('archive', z.object({}).strict(), (_b, channelId) => ({
    type: 'ArchiveChannel',
    data: { channelId },
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
    const q = parseRequest(auditSchema, req.query);
    res.json({ items: listAuditLog(deps.readModels, q) });
  });

  return router;
}
