import { idSchema } from '@integrity-desk/protocol';
import { parseRequest } from '@integrity-desk/http';
import {
  channelsWithAccess,
  readReport,
  type ChannelState,
  type Referral,
  type ReportState,
} from '@integrity-desk/reports';
import type { Request, Response } from 'express';
import type { DeskContext } from '../context.ts';
import { isRecipient, readChannel, requireCaller } from '../context.ts';
import { ProblemError } from '../http/problem.ts';

/** A channel that may work the case now, as its stream says (recipients included). */
export interface WorkingChannel {
  readonly channelId: string;
  readonly state: ChannelState;
}

/**
 * The channels whose recipients may open and work the case now (channelsWithAccess: the
 * report's own unless an accepted referral handed it over, and every accepted referral's target),
 * each read from its stream.
 */
export async function workingChannels(
  ctx: DeskContext,
  state: ReportState,
): Promise<WorkingChannel[]> {
  const channels = [];
  for (const channelId of channelsWithAccess(state))
    channels.push({ channelId, state: (await readChannel(ctx, channelId)).state });
  return channels;
}

/** Whether `investigatorId` may work the case: a recipient of one of its working channels. */
export const mayWork = (channels: readonly WorkingChannel[], investigatorId: string) =>
  channels.some((c) => isRecipient(c.state, investigatorId));

/**
 * Loads a report for a caller: authentication, then authorization, in this one function that
 * every case route goes through (SECURITY.md, Protocol step 11): a recipient of a channel that
 * may work the case now (workingChannels). `referral` is the accepted referral that brought the
 * caller in when they are not of the report's own channel; `origin: true` admits only the latter
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
  const working = await workingChannels(ctx, state);
  const mine = (channelId: string) =>
    working.some((c) => c.channelId === channelId && isRecipient(c.state, caller.investigatorId));
  const inOrigin = mine(state.channelId);
  const referral: Referral | undefined = inOrigin
    ? undefined
    : state.referrals.find((r) => r.status === 'accepted' && mine(r.toChannelId));
  if (!inOrigin && (options.origin || !referral)) throw new ProblemError('forbidden');
  return {
    caller,
    reportId,
    read,
    state,
    channel: channelRead.state,
    channelRead,
    referral: referral ?? null,
    /** The channels that may work the case now: who may be assigned, who are its people. */
    working,
  };
}

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;
