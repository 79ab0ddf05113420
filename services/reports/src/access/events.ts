import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The record of who read a case: an investigator opening a report, and downloading one of its
 * evidence files. Its own stream, `access-<reportId>`, not the report's: a read must not move the
 * report's revision (every command carries it in If-Match, so a colleague reading the case would
 * make the next action fail with 412). A purge tombstones it with the report stream and drops its
 * rows from the audit log, so nothing of a purged report's readers remains but the purge record.
 *
 * At most one event per (kind, investigator, report, evidence file, hour): the event id is
 * derived from exactly those, so a second read within the hour (a refresh, another desk process,
 * a restart) appends the same event again, which the store treats as a no-op. `hour` is the
 * hour of the first read; the audit log shows the store's minute-coarse commit time of it.
 *
 * A case file export (the whole case decrypted into a PDF in the investigator's browser) is
 * recorded every time, not once per hour: it is a copy of the case leaving the desk, and the
 * desk records it before the browser offers the file (the PDF itself never reaches the server).
 */
export const accessStream = (reportId: string) => `access-${reportId}`;

const id = z.string().min(1).max(128);
const hour = z.iso.datetime();

export const caseOpenedSchema = z.object({
  type: z.literal('CaseOpened'),
  data: z.object({ reportId: id, investigatorId: id, hour }),
});

export const evidenceDownloadedSchema = z.object({
  type: z.literal('EvidenceDownloaded'),
  data: z.object({ reportId: id, investigatorId: id, evidenceId: id, hour }),
});

export const caseFileExportedSchema = z.object({
  type: z.literal('CaseFileExported'),
  data: z.object({ reportId: id, investigatorId: id, hour }),
});

export const accessEventSchema = z.discriminatedUnion('type', [
  caseOpenedSchema,
  evidenceDownloadedSchema,
  caseFileExportedSchema,
]);
export type AccessEvent = z.infer<typeof accessEventSchema>;

const HOUR = 3_600_000;
/** The start of the hour `now` falls in, as an ISO string. */
export const hourOf = (now: Date) => new Date(now.getTime() - (now.getTime() % HOUR)).toISOString();

/** The one id of this read in this hour (a UUID-shaped SHA-256 prefix, as purge records use). */
export function accessEventId(event: AccessEvent): string {
  const d = event.data as Record<string, string>;
  const fields = [event.type, d['reportId'], d['investigatorId'], d['evidenceId'] ?? '', d['hour']];
  const hex = createHash('sha256')
    .update(`integrity-desk/access\0${fields.join('\0')}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
