import { publishedStatisticsSchema, type PublishedCell } from '@integrity-desk/protocol';
import { z } from 'zod';

/**
 * Published statistics: one stream, `statistics`, one `StatisticsPublished` per snapshot an
 * administrator publishes. Only what is in these events is ever shown to the public (intake's
 * GET /api/v1/statistics serves the latest); live numbers never leave the desk. Every field is
 * plain by design: aggregate counts after small-cell suppression (`null`: suppressed), the
 * quarters they cover (ended ones only), the channels by id, the threshold, who published, when.
 */
export const statisticsStream = 'statistics';

export const statisticsPublishedSchema = z.object({
  type: z.literal('StatisticsPublished'),
  data: z.object({
    snapshotId: z.uuid(),
    by: z.string().min(1).max(128),
    ...publishedStatisticsSchema.shape,
  }),
});

export const statisticsEventSchema = z.discriminatedUnion('type', [statisticsPublishedSchema]);
export type { PublishedCell };
export type StatisticsPublished = z.infer<typeof statisticsPublishedSchema>;
