import { parseRequest } from '@integrity-desk/http';
// Report key shares (SECURITY.md, Protocol step 5): a recipient who holds a report's key shares
// it with a colleague added to the channel after the report was sealed. The browsers do the
// cryptography against the channel's signed recipient list; the desk hands out that list, keeps
// each share for its recipient only, and refuses shares that could not be right.
import {
  deploymentDecider,
  deploymentStream,
  handleReportCommand,
  readAggregate,
  type ChannelEvent,
  type RecipientList,
  type Referral,
  type ReportCommand,
  type ReportEvent,
} from '@integrity-desk/reports';
import {
  reportKeyShareSchema,
  verifyReportKeyShare,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import type { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { callerMetadata, etag, ifMatch, isRecipient, readInvestigator } from '../context.ts';
import { ProblemError } from '../http/problem.ts';
import { deploymentKeyFacts } from '../deployment/routes.ts';
import { loadCase, type LoadedCase } from './load.ts';

/** The channel's current recipient list, exactly as the administrator's browser signed it. */
export function signedRecipientList(
  events: readonly { event: ChannelEvent }[],
): RecipientList | null {
  let list: RecipientList | null = null;
  for (const { event } of events)
    if (event.type === 'ChannelRecipientsPublished') list = event.data.recipientList;
  return list;
}

/**
 * What the case file adds for key shares: the shares addressed to the caller (with the sharer's
 * account signing key, a hint: browsers trust only the key the verified list gives), the current
 * recipients who cannot open the report yet, the signed list, and the deployment's public key
 * for builds that do not pin one.
 */
export async function keySharesView(ctx: DeskContext, loaded: LoadedCase) {
  const { caller, read, state, channel, channelRead } = loaded;
  // Each sharer's latest share to the caller, newest first: the browser tries them in this order
  // until one opens the report, so a colleague's later share gets past an insider's bad one.
  const latest = new Map<string, { share: ReportKeyShare; sharedAt: string; by: string }>();
  for (const { event } of read.events)
    if (event.type === 'ReportKeyShared' && event.data.recipientId === caller.investigatorId) {
      latest.delete(event.data.by);
      latest.set(event.data.by, event.data);
    }
  // A referral's share opens for its target only once the referral took effect (Protocol
  // step 11): the one `loadCase` let the caller in by. Its sharer is in the report channel's
  // list, as a colleague's is, so the browser checks it the same way.
  const referred = loaded.referral && referralShareOf(read.events, loaded.referral, caller);
  if (referred) {
    latest.delete(referred.by);
    latest.set(referred.by, referred);
  }
  const mine = [];
  for (const event of [...latest.values()].reverse()) {
    const sharer = await readInvestigator(ctx, event.by);
    mine.push({
      share: event.share,
      sharedAt: event.sharedAt,
      sharerSignPublicKey:
        sharer.state.status === 'none' || sharer.state.status === 'invited'
          ? null
          : sharer.state.signPublicKey,
    });
  }
  // A reader by referral shares with nobody of the report's channel: that is its own business.
  const recipients = channel.status === 'none' || loaded.referral ? [] : channel.recipients;
  const deployment = await readAggregate(ctx.deps.store, deploymentStream, deploymentDecider);
  return {
    ...deploymentKeyFacts(deployment.state),
    keyShares: mine,
    cannotOpen: recipients.filter((id) => !state.sealedTo.includes(id) && !state.keyShares[id]),
    // Colleagues with shares, none of them from the caller: if theirs do not open (a bad share
    // from an insider), the caller can share again; the browser offers it.
    mayShareAgain: recipients.filter(
      (id) =>
        id !== caller.investigatorId &&
        !state.sealedTo.includes(id) &&
        state.keyShares[id] !== undefined &&
        state.keyShares[id][caller.investigatorId] === undefined,
    ),
    recipientList: signedRecipientList(channelRead.events),
  };
}

/**
 * A share the desk stores must be one that could open: sealed to the box key `recipients` (the
 * signed list of the channel it is for) gives its recipient, and signed with the key `sharers`
 * (the signed list of the report's channel) gives its sharer. The browsers check the same
 * again; this keeps a buggy or hostile page from storing a share that would not open. 409 when
 * the lists do not name them so, 400 when the share itself fails.
 */
export async function checkShare(
  ctx: DeskContext,
  share: ReportKeyShare,
  lists: { reportId: string; recipients: RecipientList | null; sharers: RecipientList | null },
): Promise<void> {
  const entry = lists.recipients?.recipients.find((r) => r.recipientId === share.recipientId);
  if (!lists.sharers || !entry || entry.boxPublicKey !== share.boxPublicKey)
    throw new ProblemError('conflict');
  try {
    verifyReportKeyShare(await ctx.backend(), share, {
      reportId: lists.reportId,
      recipientId: entry.recipientId,
      boxPublicKey: entry.boxPublicKey,
      sharers: lists.sharers.recipients,
    });
  } catch {
    throw new ProblemError('invalidRequest');
  }
}

/**
 * A referral's shares (the referrer's for an inform-only channel; the whistleblower's, checked
 * in intake by the same rules): exactly one per recipient the target's signed list names, each
 * for this report, from the expected sharer (`fromSharer`), and each passing checkShare. 409
 * when the set of recipients differs, 400 when a share itself fails.
 */
export async function checkReferralShares(
  ctx: DeskContext,
  shares: readonly ReportKeyShare[],
  lists: { reportId: string; recipients: RecipientList; sharers: RecipientList | null },
  fromSharer: (share: ReportKeyShare) => boolean,
): Promise<void> {
  const listed = new Set(lists.recipients.recipients.map((r) => r.recipientId));
  const shared = new Set(shares.map((s) => s.recipientId));
  if (
    listed.size !== shared.size ||
    shared.size !== shares.length ||
    [...listed].some((id) => !shared.has(id))
  )
    throw new ProblemError('conflict');
  for (const share of shares) {
    if (share.reportId !== lists.reportId || !fromSharer(share))
      throw new ProblemError('invalidRequest');
    await checkShare(ctx, share, lists);
  }
}

/**
 * The caller's share of the referral that let them in: the whistleblower's, made when they
 * accepted (`ReferralAccepted.shares`, `by` the report id: no investigator's key hint), or else
 * the proposal's (an inform-only channel's referrer, or a proposal written before consent
 * became cryptographic).
 */
function referralShareOf(
  events: readonly { event: ReportEvent }[],
  referral: Referral,
  caller: { investigatorId: string },
) {
  const mine = (shares: readonly ReportKeyShare[] | undefined) =>
    shares?.find((s) => s.recipientId === caller.investigatorId);
  let found: { share: ReportKeyShare; sharedAt: string; by: string } | undefined;
  const about = (id: string) => id === referral.referralId;
  for (const { event } of events) {
    if (event.type === 'ReferralProposed' && about(event.data.referralId)) {
      const share = mine(event.data.shares);
      found = share && { share, sharedAt: event.data.proposedAt, by: event.data.by };
    }
    if (event.type === 'ReferralAccepted' && about(event.data.referralId) && event.data.shares) {
      const share = mine(event.data.shares);
      return share && { share, sharedAt: event.data.acceptedAt, by: share.sharedBy };
    }
  }
  return found;
}

const shareBody = z.object({ share: reportKeyShareSchema }).strict();

/**
 * POST /api/reports/:reportId/share: a current recipient gives a colleague who is a current
 * recipient too, and whom the envelope does not name, the report key. Checked here as well as in
 * the browsers: the share must be the caller's, for this report, sealed to the box key the
 * channel's signed list gives the colleague, and signed with the caller's listed key; so a
 * buggy or hostile page cannot store a share that would not open. The decider refuses a second
 * share and a share to someone in the envelope.
 */
export function shareRoute(ctx: DeskContext, router: Router): void {
  router.post('/api/reports/:reportId/share', async (req, res) => {
    const loaded = await loadCase(ctx, req, res);
    const { caller, reportId, channel, channelRead } = loaded;
    const expectedRevision = ifMatch(req);
    const { share } = parseRequest(shareBody, req.body ?? {});
    if (share.reportId !== reportId || share.sharedBy !== caller.investigatorId)
      throw new ProblemError('invalidRequest');
    if (!isRecipient(channel, share.recipientId)) throw new ProblemError('conflict');
    const list = signedRecipientList(channelRead.events);
    await checkShare(ctx, share, { reportId, recipients: list, sharers: list });
    const command = {
      type: 'ShareReportKey',
      data: { reportId, recipientId: share.recipientId, share },
      metadata: callerMetadata(ctx.deps, caller),
    } satisfies ReportCommand;
    const result = await handleReportCommand(ctx.deps.store, reportId, command, {
      expectedRevision,
    });
    res.setHeader('ETag', etag(result.revision));
    res.json({ revision: Number(result.revision) });
  });
}
