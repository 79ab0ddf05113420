import {
  caseSortKeys,
  caseViews,
  priorities,
  queueNames,
  reminderStates,
  sectors,
  type CaseFilter,
  type CaseListContext,
  type CaseQuery,
} from '@integrity-desk/reports';
import { idSchema } from '@integrity-desk/protocol';
import { z } from 'zod';

const statuses = ['submitted', 'acknowledged', 'in_review', 'investigating', 'closed'] as const;
/** `a,b,c` in a query string, each one of `values`. */
const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));
const plainText = z.string().trim().min(1).max(64);

/**
 * The case list's query string: a saved view (a queue) and/or filters that narrow it, a sort and
 * a page. Unknown parameters are refused (a typo must not silently list everything).
 */
export const caseQuerySchema = z
  .object({
    view: z.enum(queueNames).optional(),
    status: listOf(statuses).optional(),
    priority: listOf([...priorities, 'none']).optional(),
    sector: listOf([...sectors, 'none']).optional(),
    region: plainText.optional(),
    assignee: z.union([z.literal('me'), z.literal('none'), idSchema]).optional(),
    label: plainText.optional(),
    open: z.enum(['true', 'false']).optional(),
    awaiting: z.enum(['whistleblower', 'investigator']).optional(),
    feedback: z.enum(['due_soon', 'overdue']).optional(),
    reminder: z.enum(reminderStates).optional(),
    q: z.string().trim().max(100).optional(),
    sort: z.enum(caseSortKeys).optional(),
    dir: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type CaseQueryParams = z.infer<typeof caseQuerySchema>;

/** The parsed query as the index takes it: the view's filter and sort, then what was given. */
export function toCaseQuery(p: CaseQueryParams, ctx: CaseListContext): CaseQuery {
  const view = p.view === undefined ? undefined : caseViews(ctx)[p.view];
  const given: CaseFilter = {
    ...(p.status && { status: p.status }),
    ...(p.priority && { priority: p.priority }),
    ...(p.sector && { sector: p.sector }),
    ...(p.region !== undefined && { region: p.region }),
    ...(p.assignee !== undefined && {
      assignee: p.assignee === 'me' ? ctx.investigatorId : p.assignee,
    }),
    ...(p.label !== undefined && { label: p.label }),
    ...(p.open !== undefined && { open: p.open === 'true' }),
    ...(p.awaiting && { awaiting: p.awaiting }),
    ...(p.feedback && { feedback: p.feedback }),
    ...(p.reminder && { reminder: p.reminder }),
    ...(p.q && { q: p.q }),
  };
  const sort = view?.sort ?? { key: 'received', direction: 'desc' };
  return {
    filter: { ...view?.filter, ...given },
    sort: { key: p.sort ?? sort.key, direction: p.dir ?? (p.sort ? 'asc' : sort.direction) },
    limit: p.limit,
    offset: p.offset,
  };
}
