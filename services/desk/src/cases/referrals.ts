// Referral to another coalition member (SECURITY.md, Protocol step 11). The referrer's browser
// seals the reason; only when the source channel informs only (a legal duty to forward) does it
// also wrap the report key to the target channel's signed recipient list, and the desk checks
// every share as it checks a key share. When the whistleblower decides, the proposal carries no
// share at all: their browser makes the shares when they accept (intake), so without their yes
// nobody new can get the key, whatever the server does. The server never sees the key or the
// reason.
import {
  directiveDeadlines,
  handleReportCommand,
  incomingReferrals,
  channelsOfRecipient,
  listChannels,
  type HandleResult,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
} from '@integrity-desk/reports';
import { parseRequest } from '@integrity-desk/http';
import {
  idSchema,
  messageEnvelopeSchema,
  referralModeOf,
  reportKeyShareSchema,
  type RecipientList,
  type ReferralMode,
} from '@integrity-desk/protocol';
import { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { etag, readChannel, requireCaller } from '../context.ts';
import { action, postCommand, type CommandRoute } from '../http/command-route.ts';
import { ProblemError } from '../http/problem.ts';
import { checkReferralShares, signedRecipientList } from './key-shares.ts';
import { loadCase, type LoadedCase } from './load.ts';

/**
 * A channel's referral mode as its signed recipient list says it (Protocol step 11): the plain
 * setting (`ChannelReferralModeSet`) is the administrator's record, but only a list the
 * deployment key signed with `inform` lets a referral go without the whistleblower's yes.
 */
export const signedReferralMode = (list: RecipientList | null): ReferralMode =>
  list ? referralModeOf(list) : 'consent';

const channelName = async (ctx: DeskContext, channelId: string) => {
  const { state } = await readChannel(ctx, channelId);
  return state.status === 'none' ? null : state.name;
};

/** What the case file says of referrals: every step's plain fields, and how the caller got in. */
export async function referralsView(ctx: DeskContext, loaded: LoadedCase) {
  const referrals = [];
  for (const { event } of loaded.read.events) {
    if (event.type !== 'ReferralProposed') continue;
    const d = event.data;
    const now = loaded.state.referrals.find((r) => r.referralId === d.referralId);
    referrals.push({
      referralId: d.referralId,
      toChannelId: d.toChannelId,
      toChannelName: await channelName(ctx, d.toChannelId),
      by: d.by,
      mode: d.mode,
      handOver: d.handOver,
      status: now?.status ?? 'proposed',
      proposedAt: d.proposedAt,
      acknowledgedAt: now?.acknowledgedAt ?? null,
      // Once it took effect the target's investigators write on the case: their signed list,
      // for the browser to verify against the deployment key as it does the report channel's.
      recipientList:
        now?.status === 'accepted'
          ? signedRecipientList((await readChannel(ctx, d.toChannelId)).events)
          : null,
    });
  }
  const via = loaded.referral;
  let referredIn = null;
  if (via) {
    const accepted = loaded.read.events.find(
      ({ event }) => event.type === 'ReferralAccepted' && event.data.referralId === via.referralId,
    )?.event;
    if (accepted?.type === 'ReferralAccepted')
      referredIn = {
        referralId: via.referralId,
        fromChannelId: loaded.state.channelId,
        fromChannelName: loaded.channel.status === 'none' ? null : loaded.channel.name,
        handOver: via.handOver,
        acceptedAt: accepted.data.acceptedAt,
        acknowledgementDueAt: accepted.data.acknowledgementDueAt,
        feedbackDueAt: accepted.data.feedbackDueAt,
        acknowledgedAt: via.acknowledgedAt,
      };
  }
  return { referrals, referredIn };
}

interface ReferralContext {
  readonly ctx: DeskContext;
  readonly loaded: LoadedCase;
  /** The referral a withdrawal names (the path's :referralId, unparsed). */
  readonly referralId: string;
}
const referralAction = action<ReferralContext, ReportCommand>();

const proposeBody = z
  .object({
    referralId: idSchema,
    toChannelId: idSchema,
    handOver: z.boolean(),
    shares: z.array(reportKeyShareSchema).max(64).optional(),
    reason: messageEnvelopeSchema,
  })
  .strict();

/**
 * POST /api/reports/:reportId/referrals: the target must be another active channel with a
 * signed list. The mode is the one the report channel's signed list signs (signedReferralMode),
 * as the referrer's browser reads it, the deadlines the target's. A channel that asks the
 * whistleblower (`consent`) sends no share: any is refused (409, the setting may have changed
 * under the page). One that informs only sends exactly one per recipient the target's list
 * names, each checked as a key share (checkShare: the target's list gives the box key, the
 * report channel's list the sharer's signing key).
 */
const propose = referralAction(proposeBody, async (body, { ctx, loaded }) => {
  const { reportId, caller, channelRead } = loaded;
  const target = await readChannel(ctx, body.toChannelId);
  const list = signedRecipientList(target.events);
  const own = body.toChannelId === loaded.state.channelId;
  if (target.state.status !== 'active' || !list || own) throw new ProblemError('conflict');
  const sharers = signedRecipientList(channelRead.events);
  const mode = signedReferralMode(sharers);
  const shares = body.shares ?? [];
  if (mode === 'consent' && shares.length > 0) throw new ProblemError('conflict');
  if (mode === 'inform') {
    await checkReferralShares(
      ctx,
      shares,
      { reportId, recipients: list, sharers },
      (share) => share.sharedBy === caller.investigatorId,
    );
  }
  return {
    type: 'ProposeReferral',
    data: {
      reportId,
      referralId: body.referralId,
      toChannelId: body.toChannelId,
      mode,
      handOver: body.handOver,
      targetDeadlines: {
        acknowledgeWithinDays: target.state.deadlines.acknowledgeWithinDays,
        feedbackWithinMonths:
          target.state.deadlines.feedbackWithinMonths ?? directiveDeadlines.feedbackWithinMonths,
      },
      shares,
      reason: body.reason,
      authorKey: caller.signPublicKey,
    },
  };
});

const withdraw = referralAction(z.object({}).strict(), (_b, { loaded, referralId }) => ({
  type: 'WithdrawReferral',
  // Parsed here, after If-Match, as every command's input is.
  data: { reportId: loaded.reportId, referralId: parseRequest(idSchema, referralId) },
}));

/**
 * POST /api/reports/:reportId/referrals/:referralId/acknowledge: the target's own
 * acknowledgement, by a recipient of the referral's target channel (403 for anyone else who may
 * open the case, the source's investigators too); the decider checks it again against the
 * target's recipients read here, refuses a referral that did not take effect (409) and writes
 * nothing for a retry.
 */
const acknowledgeReferral = referralAction(
  z.object({}).strict(),
  async (_b, { ctx, loaded, referralId }) => {
    const id = parseRequest(idSchema, referralId);
    const referral = loaded.state.referrals.find((r) => r.referralId === id);
    if (!referral) throw new ProblemError('conflict');
    const target = (await readChannel(ctx, referral.toChannelId)).state;
    const targetRecipients = target.status === 'none' ? [] : target.recipients;
    if (!targetRecipients.includes(loaded.caller.investigatorId))
      throw new ProblemError('forbidden');
    return {
      type: 'AcknowledgeReferral',
      data: { reportId: loaded.reportId, referralId: id, targetRecipients },
    };
  },
);

export function referralRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;

  /**
   * Where the case can be referred: every other active channel with a signed recipient list,
   * with that list (the browser verifies it against the pinned key before it seals anything).
   */
  router.get('/api/reports/:reportId/referral-targets', async (req, res) => {
    const loaded = await loadCase(ctx, req, res, { origin: true });
    const items = [];
    for (const { channelId: id } of listChannels(deps.readModels)) {
      if (id === loaded.state.channelId) continue;
      const read = await readChannel(ctx, id);
      const list = signedRecipientList(read.events);
      if (read.state.status !== 'active' || !list) continue;
      items.push({ channelId: id, name: read.state.name, recipientList: list });
    }
    // What the channel's signed list says (the referrer's worker reads it there itself).
    const referralMode = signedReferralMode(signedRecipientList(loaded.channelRead.events));
    res.json({ items, referralMode });
  });

  /** `origin`: the report's own channel's act (propose, withdraw); else any who may work it. */
  const route = (
    withId: boolean,
    origin = true,
  ): CommandRoute<ReferralContext, ReportCommand, HandleResult<ReportEvent, ReportState>> => ({
    load: async (req, res) => ({
      ctx,
      loaded: await loadCase(ctx, req, res, { origin }),
      referralId: withId ? String(req.params['referralId']) : '',
    }),
    handle: (part, { loaded }, expectedRevision) =>
      handleReportCommand(
        deps.store,
        loaded.reportId,
        {
          ...part,
          metadata: {
            now: deps.clock.now(),
            eventId: deps.ids.uuid(),
            actor: { kind: 'investigator', investigatorId: loaded.caller.investigatorId },
          },
        },
        { expectedRevision },
      ),
    respond: (res, result) => {
      res.setHeader('ETag', etag(result.revision));
      res.json({ revision: Number(result.revision) });
    },
  });
  postCommand(router, '/api/reports/:reportId/referrals', propose, route(false));
  postCommand(
    router,
    '/api/reports/:reportId/referrals/:referralId/withdraw',
    withdraw,
    route(true),
  );
  postCommand(
    router,
    '/api/reports/:reportId/referrals/:referralId/acknowledge',
    acknowledgeReferral,
    route(true, false),
  );

  /**
   * The caller's inbox of referred reports: accepted referrals into channels whose list names
   * them, marked with the channel they came from and their own deadlines, and the reminder
   * badge of their acknowledgement (`due`, `overdue`, or null) as the reminder job recorded it.
   */
  router.get('/api/referrals/incoming', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const rows = incomingReferrals(
      deps.readModels,
      channelsOfRecipient(deps.readModels, caller.investigatorId),
    );
    const items = [];
    for (const row of rows)
      items.push({
        ...row,
        fromChannelName: await channelName(ctx, row.fromChannelId),
        toChannelName: await channelName(ctx, row.toChannelId),
        reminder: ctx.caseList.referralReminderOf(row.reportId, row.referralId),
      });
    res.json({ items });
  });
  return router;
}
