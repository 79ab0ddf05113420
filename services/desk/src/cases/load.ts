import { idSchema } from '@integrity-desk/protocol';
import { parseRequest } from '@integrity-desk/http';
import { readReport } from '@integrity-desk/reports';
import type { Request, Response } from 'express';
import type { DeskContext } from '../context.ts';
import { isRecipient, readChannel, requireCaller } from '../context.ts';
import { ProblemError } from '../http/problem.ts';

/**
 * Loads a report for a caller: authentication, then authorization (recipient of the report's
 * channel, as the channel stream says), in this one function that every case route goes through.
 */
export async function loadCase(ctx: DeskContext, req: Request, res: Response) {
  const caller = await requireCaller(ctx, req, res);
  const reportId = parseRequest(idSchema, req.params['reportId']);
  const read = await readReport(ctx.deps.store, reportId);
  const state = read.state;
  if (state.status === 'none' || state.status === 'purged') throw new ProblemError('notFound');
  const channelRead = await readChannel(ctx, state.channelId);
  if (!isRecipient(channelRead.state, caller.investigatorId)) throw new ProblemError('forbidden');
  return { caller, reportId, read, state, channel: channelRead.state, channelRead };
}

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;
