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
  type ReportCommand,
  type ReportEvent,
} from '@integrity-desk/reports';
import { reportKeyShareSchema, verifyReportKeyShare } from '@integrity-desk/protocol';
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
  const latest = new Map<string, Extract<ReportEvent, { type: 'ReportKeyShared' }>>();
  for (const { event } of read.events)
    if (event.type === 'ReportKeyShared' && event.data.recipientId === caller.investigatorId) {
      latest.delete(event.data.by);
      latest.set(event.data.by, event);
    }
  const mine = [];
  for (const event of [...latest.values()].reverse()) {
    const sharer = await readInvestigator(ctx, event.data.by);
    mine.push({
      share: event.data.share,
      sharedAt: event.data.sharedAt,
      sharerSignPublicKey:
        sharer.state.status === 'none' || sharer.state.status === 'invited'
          ? null
          : sharer.state.signPublicKey,
    });
  }
  const recipients = channel.status === 'none' ? [] : channel.recipients;
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
    const entry = list?.recipients.find((r) => r.recipientId === share.recipientId);
    if (!list || !entry || entry.boxPublicKey !== share.boxPublicKey)
      throw new ProblemError('conflict');
    try {
      verifyReportKeyShare(await ctx.backend(), share, {
        reportId,
        recipientId: entry.recipientId,
        boxPublicKey: entry.boxPublicKey,
        sharers: list.recipients,
      });
    } catch {
      throw new ProblemError('invalidRequest');
    }
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
