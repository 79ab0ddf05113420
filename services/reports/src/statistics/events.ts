import { z } from 'zod';
import { measures } from './tabulate.ts';

/**
 * Published statistics: one stream, `statistics`, one `StatisticsPublished` per snapshot an
 * administrator publishes. Only what is in these events is ever shown to the public (intake's
 * GET /api/v1/statistics serves the latest); live numbers never leave the desk. Every field is
 * plain by design: aggregate counts after small-cell suppression (`null`: suppressed), the
 * quarters they cover (ended ones only), the channels by id, the threshold, who published, when.
 */
export const statisticsStream = 'statistics';

const count = z.number().int().min(0).nullable();
export const publishedCellSchema = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  /** A channel id, or `*` for the total over channels. */
  channelId: z.string().min(1).max(128),
  /** A sector, `unspecified`, or `*` for the total over sectors. */
  sector: z.string().min(1).max(64),
  counts: z.object(
    Object.fromEntries(measures.map((m) => [m, count])) as Record<
      (typeof measures)[number],
      typeof count
    >,
  ),
});
export type PublishedCell = z.infer<typeof publishedCellSchema>;

export const statisticsPublishedSchema = z.object({
  type: z.literal('StatisticsPublished'),
  data: z.object({
    snapshotId: z.uuid(),
    by: z.string().min(1).max(128),
    publishedAt: z.iso.datetime(),
    threshold: z.number().int().min(2).max(100),
    quarters: z.array(z.string().regex(/^\d{4}-Q[1-4]$/)).max(400),
    cells: z.array(publishedCellSchema).max(100_000),
  }),
});

export const statisticsEventSchema = z.discriminatedUnion('type', [statisticsPublishedSchema]);
export type StatisticsPublished = z.infer<typeof statisticsPublishedSchema>;
