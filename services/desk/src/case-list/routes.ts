import { parseRequest } from '@integrity-desk/http';
import { channelsOfRecipient, type CaseListContext } from '@integrity-desk/reports';
import { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { readChannel, requireCaller } from '../context.ts';
import { caseFeedRoute } from './events.ts';
import { caseListExportRoute } from './export-route.ts';
import { caseQuerySchema, toCaseQuery } from './query-schema.ts';

/** The caller's view of the list: exactly the channels the queues show them. */
export function caseListContext(ctx: DeskContext, investigatorId: string): CaseListContext {
  return {
    channelIds: channelsOfRecipient(ctx.deps.readModels, investigatorId),
    investigatorId,
    now: ctx.deps.clock.now(),
  };
}

/**
 * GET /api/cases: every case one of the caller's channels may open (its own, or one a referral
 * took it to: `referredFrom` and its name then say from where), filtered, sorted and paged, with
 * the exact total and every saved view's count. Plain fields only.
 */
export function caseListRoutes(ctx: DeskContext): Router {
  const router = Router();
  caseFeedRoute(ctx, router, ctx.deps.config.caseFeed);
  caseListExportRoute(ctx, router);
  router.get('/api/cases', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const params = parseRequest(caseQuerySchema, req.query);
    const lc = caseListContext(ctx, caller.investigatorId);
    const index = ctx.caseList.refresh();
    const page = index.query(toCaseQuery(params, lc), lc);
    // A case reached through a referral names the channel it came from ("Referred by ...").
    const names = new Map<string, string | null>();
    for (const { referredFrom: from } of page.items)
      if (from !== null && !names.has(from)) {
        const { state } = await readChannel(ctx, from);
        names.set(from, state.status === 'none' ? null : state.name);
      }
    const items = page.items.map((item) => ({
      ...item,
      referredFromName: item.referredFrom === null ? null : (names.get(item.referredFrom) ?? null),
    }));
    res.json({ ...page, items, counts: index.viewCounts(lc), position: index.position });
  });

  /**
   * GET /api/cases/work: what the desk's header shows, THAT there is work and how much (new
   * reports, reminders and escalations recorded, cases whose whistleblower wrote last with how
   * many times they wrote, for the browser's unread markers), of the caller's channels only:
   * nothing the case list does not show them already. The header reads it again on each
   * "counts" event of /api/cases/events.
   */
  router.get('/api/cases/work', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    parseRequest(z.object({}).strict(), req.query);
    const lc = caseListContext(ctx, caller.investigatorId);
    const index = ctx.caseList.refresh();
    res.json({ ...index.work(lc), position: index.position });
  });
  return router;
}
