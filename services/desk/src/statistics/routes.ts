import { parseRequest } from '@integrity-desk/http';
import {
  channelsOfRecipient,
  DEFAULT_THRESHOLD,
  latestSnapshot,
  listChannels,
  liveStatistics,
  readStatisticsRows,
  snapshotOf,
  statisticsPublishedSchema,
  statisticsStream,
} from '@integrity-desk/reports';
import { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { requireAdmin, requireCaller } from '../context.ts';

const thresholdSchema = z.object({
  threshold: z.coerce.number().int().min(2).max(100).optional(),
});

/**
 * Statistics. Staff see the indicators live for the channels they receive (an administrator for
 * every channel); the public sees only what an administrator publishes: a snapshot of ended
 * quarters with small cells suppressed (services/reports/src/statistics), appended as
 * `StatisticsPublished` and served by intake.
 */
export function statisticsRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;

  router.get('/api/statistics', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const channels =
      caller.role === 'administrator'
        ? undefined
        : channelsOfRecipient(deps.readModels, caller.investigatorId);
    const rows = readStatisticsRows(deps.readModels, channels);
    const live = liveStatistics(rows, deps.clock.now());
    const channelNames = Object.fromEntries(
      listChannels(deps.readModels)
        .filter((c) => c.channelId in live.byChannel)
        .map((c) => [c.channelId, c.name]),
    );
    res.json({ channelNames, ...live });
  });

  /** What publishing now would publish, recorded nowhere: the administrator looks first. */
  router.get('/api/statistics/draft', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const { threshold } = parseRequest(thresholdSchema, req.query);
    const draft = snapshotOf(readStatisticsRows(deps.readModels), {
      now: deps.clock.now(),
      threshold: threshold ?? DEFAULT_THRESHOLD,
      snapshotId: deps.ids.uuid(),
      by: caller.investigatorId,
    });
    res.json(draft.data);
  });

  router.get('/api/statistics/published', async (req, res) => {
    await requireCaller(ctx, req, res);
    res.json({ snapshot: (await latestSnapshot(deps.store)) ?? null });
  });

  router.post('/api/statistics/published', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const { threshold } = parseRequest(thresholdSchema.strict(), req.body ?? {});
    const event = statisticsPublishedSchema.parse(
      snapshotOf(readStatisticsRows(deps.readModels), {
        now: deps.clock.now(),
        threshold: threshold ?? DEFAULT_THRESHOLD,
        snapshotId: deps.ids.uuid(),
        by: caller.investigatorId,
      }),
    );
    await deps.store.append(statisticsStream, [
      { id: event.data.snapshotId, type: event.type, data: event.data },
    ]);
    res.status(201).json(event.data);
  });

  return router;
}
