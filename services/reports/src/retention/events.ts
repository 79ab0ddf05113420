import { createHash } from 'node:crypto';
import { z } from 'zod';
import { reportPurgedSchema } from '../report/events.ts';

/**
 * The record a purge leaves behind. `report-<id>` is tombstoned (its rows deleted), so what must
 * outlive it is written to its own stream, `purge-<id>`, which nothing ever deletes:
 * - `ReportPurged` (the same fields as the report stream's: id, who, when), written before
 *   anything is erased, so every projection runner drops the report's rows even one that never
 *   read the report stream before its tombstone hid it;
 * - `ReportErased`, written once the blobs are erased and the report stream is tombstoned. A
 *   `ReportPurged` without it is a purge to finish (crash-safe retention job).
 * Nothing else: no channel, no status, no sizes, no content.
 */
export const purgeStream = (reportId: string) => `purge-${reportId}`;

export const reportErasedSchema = z.object({
  type: z.literal('ReportErased'),
  data: z.object({ reportId: z.string().min(1).max(128), erasedAt: z.iso.datetime() }),
});

export const purgeEventSchema = z.discriminatedUnion('type', [
  reportPurgedSchema,
  reportErasedSchema,
]);
export type PurgeEvent = z.infer<typeof purgeEventSchema>;

/**
 * Event ids of the purge record, the same for every attempt at one report's purge: a retried
 * append is then a no-op, whichever process retries it.
 */
export function purgeEventId(kind: PurgeEvent['type'], reportId: string): string {
  const hex = createHash('sha256')
    .update(`integrity-desk/purge/${kind}\0${reportId}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
