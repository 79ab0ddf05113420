// The statistics' wire types (issue 14), one source for the desk, intake and the front end: what
// a published snapshot holds (public, GET /api/v1/statistics) and the live indicators staff see
// (desk, GET /api/statistics). How they are computed: services/reports/src/statistics.
import { z } from 'zod';
import { statisticsMeasures, type StatisticsMeasure } from './vocabulary.ts';

export { statisticsMeasures, type StatisticsMeasure };

export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/);
/** A count, or null: suppressed (small, or hidden so that a small one cannot be subtracted). */
const count = z.number().int().min(0).nullable();

export const publishedCellSchema = z.object({
  quarter: quarterSchema,
  /** A channel id, or `*` for the total over channels. */
  channelId: z.string().min(1).max(128),
  /** A sector, `unspecified`, or `*` for the total over sectors. */
  sector: z.string().min(1).max(64),
  counts: z.object(
    Object.fromEntries(statisticsMeasures.map((m) => [m, count])) as Record<
      StatisticsMeasure,
      typeof count
    >,
  ),
});
export type PublishedCell = z.infer<typeof publishedCellSchema>;

/** What the public sees: the latest snapshot, without who published it. */
export const publishedStatisticsSchema = z.object({
  publishedAt: z.iso.datetime(),
  threshold: z.number().int().min(2).max(100),
  quarters: z.array(quarterSchema).max(400),
  cells: z.array(publishedCellSchema).max(100_000),
});
export type PublishedStatistics = z.infer<typeof publishedStatisticsSchema>;

const indicatorsShape = {
  received: z.number().int(),
  acknowledgedInTime: z.number().int(),
  acknowledgementDue: z.number().int(),
  feedbackInTime: z.number().int(),
  feedbackDue: z.number().int(),
  medianDaysToAcknowledge: z.number().nullable(),
  medianDaysToFeedback: z.number().nullable(),
  acknowledgementOverdue: z.number().int(),
  feedbackOverdue: z.number().int(),
};
export const indicatorsSchema = z.object(indicatorsShape);
export type Indicators = z.infer<typeof indicatorsSchema>;

export const liveStatisticsSchema = z.object({
  /** Names of the channels in `byChannel` (staff know them; the ids are what events carry). */
  channelNames: z.record(z.string(), z.string()),
  overall: indicatorsSchema,
  byChannel: z.record(z.string(), indicatorsSchema),
  byQuarter: z.array(z.object({ quarter: quarterSchema, ...indicatorsShape })),
});
export type LiveStatistics = z.infer<typeof liveStatisticsSchema>;
