import { parseRequest } from '@integrity-desk/http';
import {
  channelsOfRecipient,
  listByTriage,
  listQueue,
  priorities,
  queueCounts,
  queueNames,
  sectors,
  type QueueContext,
} from '@integrity-desk/reports';
import { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { requireCaller } from '../context.ts';

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  priority: z.enum(priorities).optional(),
  sector: z.enum(sectors).optional(),
});
const nameSchema = z.enum([...queueNames, 'by_priority', 'by_sector']);

/** Queues read the projections, filtered to the channels the caller is a recipient of. */
export function queueRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;
  const contextFor = (investigatorId: string): QueueContext => ({
    channelIds: channelsOfRecipient(deps.readModels, investigatorId),
    investigatorId,
    now: deps.clock.now(),
  });

  router.get('/api/queues', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    res.json(queueCounts(deps.readModels, contextFor(caller.investigatorId)));
  });

  router.get('/api/queues/:name', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const name = parseRequest(nameSchema, req.params['name']);
    const page = parseRequest(pageSchema, req.query);
    const qc = contextFor(caller.investigatorId);
    const items =
      name === 'by_priority'
        ? listByTriage(
            deps.readModels,
            { priority: parseRequest(z.enum(priorities), page.priority) },
            qc,
            page,
          )
        : name === 'by_sector'
          ? listByTriage(
              deps.readModels,
              { sector: parseRequest(z.enum(sectors), page.sector) },
              qc,
              page,
            )
          : listQueue(deps.readModels, name, qc, page);
    // Each row's reminder badge as the caller sees it, from the case list's rows.
    res.json({
      items: items.map((item) => ({
        ...item,
        reminder: ctx.caseList.reminderOf(item.reportId, qc.channelIds),
      })),
    });
  });
  return router;
}
