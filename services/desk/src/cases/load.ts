import { idSchema } from '@integrity-desk/protocol';
import { parseRequest } from '@integrity-desk/http';
import { readReport, type Referral, type ReportState } from '@integrity-desk/reports';
import type { Request, Response } from 'express';
import type { DeskContext } from '../context.ts';
import { isRecipient, readChannel, requireCaller } from '../context.ts';
import { ProblemError } from '../http/problem.ts';

type Existing = Extract<ReportState, { channelId: string }>;

/**
 * The accepted referral through which the caller may read the report: one into a channel whose
 * recipient list names them (SECURITY.md, Protocol step 11). A referral only proposed, declined
 * or withdrawn opens nothing.
 */
async function referralOf(
  ctx: DeskContext,
  state: Existing,
  investigatorId: string,
): Promise<Referral | undefined> {
  for (const referral of state.referrals) {
    if (referral.status !== 'accepted') continue;
    const target = await readChannel(ctx, referral.toChannelId);
    if (isRecipient(target.state, investigatorId)) return referral;
  }
  return undefined;
}

/**
 * Loads a report for a caller: authentication, then authorization, in this one function that
 * every case route goes through: a recipient of the report's channel, as the channel stream
 * says, unless that channel handed the case over by an accepted referral; or a recipient of a
 * channel an accepted referral took it to (`referral`). `origin: true` admits only the former
 * (proposing or withdrawing a referral is the report's own channel's act).
 */
export async function loadCase(
  ctx: DeskContext,
  req: Request,
  res: Response,
  options: { origin?: boolean } = {},
) {
  const caller = await requireCaller(ctx, req, res);
  const reportId = parseRequest(idSchema, req.params['reportId']);
  const read = await readReport(ctx.deps.store, reportId);
  const state = read.state;
  if (state.status === 'none' || state.status === 'purged') throw new ProblemError('notFound');
  const channelRead = await readChannel(ctx, state.channelId);
  const handedOver = state.referrals.some((r) => r.status === 'accepted' && r.handOver);
  const inOrigin = isRecipient(channelRead.state, caller.investigatorId) && !handedOver;
  const referral = inOrigin ? undefined : await referralOf(ctx, state, caller.investigatorId);
  if (!inOrigin && (options.origin || !referral)) throw new ProblemError('forbidden');
  return {
    caller,
    reportId,
    read,
    state,
    channel: channelRead.state,
    channelRead,
    referral: referral ?? null,
  };
}

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;
