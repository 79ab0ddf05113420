import { parseRequest } from '@integrity-desk/http';
import type { CaseListExportFilter } from '@integrity-desk/reports';
import type { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { requireCaller } from '../context.ts';
import { caseQuerySchema, type CaseQueryParams } from './query-schema.ts';

/**
 * The export's body: the list's filter exactly as GET /api/cases took it (the same names and
 * values, without the page), and how many rows the browser put in the file.
 */
const exportSchema = z
  .object({
    filter: caseQuerySchema.omit({ limit: true, offset: true }),
    rows: z.number().int().min(0).max(1_000_000),
  })
  .strict();

/** The filter as the event keeps it: plain fields, the search text reduced to "there was one". */
export function exportFilter(p: Omit<CaseQueryParams, 'limit' | 'offset'>): CaseListExportFilter {
  return {
    ...(p.view && { view: p.view }),
    ...(p.status && { status: p.status }),
    ...(p.priority && { priority: p.priority }),
    ...(p.sector && { sector: p.sector }),
    ...(p.region !== undefined && { region: p.region }),
    ...(p.assignee !== undefined && { assignee: p.assignee }),
    ...(p.label !== undefined && { label: p.label }),
    ...(p.open !== undefined && { open: p.open === 'true' }),
    ...(p.awaiting && { awaiting: p.awaiting }),
    ...(p.feedback && { feedback: p.feedback }),
    ...(p.reminder && { reminder: p.reminder }),
    searched: Boolean(p.q),
    ...(p.sort && { sort: p.sort }),
    ...(p.dir && { dir: p.dir }),
  };
}

/**
 * POST /api/cases/exports: the case list CSV export, recorded before the browser offers the
 * file. The page reads every page of the list and builds the CSV itself (nothing of it is sent
 * here), then asks this; without the durable `CaseListExported` on `exports-<caller>` it offers
 * no file. No If-Match: it appends to the caller's own export record, never to a report or an
 * account whose revision a command names.
 */
export function caseListExportRoute(ctx: DeskContext, router: Router): void {
  router.post('/api/cases/exports', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const { filter, rows } = parseRequest(exportSchema, req.body ?? {});
    await ctx.access.recordCaseListExport(
      { investigatorId: caller.investigatorId, rows, filter: exportFilter(filter) },
      ctx.deps.ids.uuid(),
    );
    res.status(204).end();
  });
}
