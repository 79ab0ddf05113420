import { z } from 'zod';

/**
 * The record of an investigator exporting the case list as CSV (issue 15): who, when (`hour`,
 * and the store's minute-coarse commit time in the audit log), how many rows, and the filter
 * that chose them. Nothing of any report: the CSV holds only the list's plain fields and is
 * built in the browser, never sent here.
 *
 * Its own stream per investigator, `exports-<investigatorId>`, not `access-<reportId>` (an
 * export names no single report, and a purge must not remove the record of a list that held
 * other cases too) nor `investigator-<id>` (that account's revision guards its own commands; an
 * export must not make a concurrent password change or role change fail with 412). Per
 * investigator rather than one desk-wide stream so no single stream grows with every export of
 * every account; the audit log (`GET /api/audit?actor=`) reads them all in one place anyway.
 * One event per export (a fresh id each time): a second copy is a second record.
 */
export const exportsStream = (investigatorId: string) => `exports-${investigatorId}`;

const id = z.string().min(1).max(128);
const values = z.array(z.string().min(1).max(32)).min(1).max(16);
const text = z.string().min(1).max(64);

/**
 * The filter as plain fields, as the list's query named them. The free search text is NOT kept,
 * only that there was one (`searched`): an investigator may type a person's name there, and the
 * event log keeps everything forever. Region and label are the plain values reports carry
 * (triage, the channel's labels).
 */
export const caseListExportFilterSchema = z
  .object({
    view: text.optional(),
    status: values.optional(),
    priority: values.optional(),
    sector: values.optional(),
    region: text.optional(),
    assignee: id.optional(),
    label: text.optional(),
    open: z.boolean().optional(),
    awaiting: text.optional(),
    feedback: text.optional(),
    /** The reminder badge filtered on (`due`, `overdue`). */
    reminder: text.optional(),
    searched: z.boolean(),
    sort: text.optional(),
    dir: z.enum(['asc', 'desc']).optional(),
  })
  .strict();
export type CaseListExportFilter = z.infer<typeof caseListExportFilterSchema>;

export const caseListExportedSchema = z.object({
  type: z.literal('CaseListExported'),
  data: z.object({
    investigatorId: id,
    rows: z.number().int().min(0).max(1_000_000),
    filter: caseListExportFilterSchema,
    hour: z.iso.datetime(),
  }),
});

export const exportEventSchema = z.discriminatedUnion('type', [caseListExportedSchema]);
export type ExportEvent = z.infer<typeof exportEventSchema>;
