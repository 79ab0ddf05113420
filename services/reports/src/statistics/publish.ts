import { suppress } from './suppress.ts';
import { ALL, cellId, measures, tabulate, type StatisticsRow } from './tabulate.ts';
import type { PublishedCell, StatisticsPublished } from './events.ts';

/** Counts below this are never published (the and the usual statistical default). */
export const DEFAULT_THRESHOLD = 5;

/**
 * The snapshot an administrator publishes, pure: ended quarters only, every count from 1 to
 * `threshold - 1` suppressed, and complementary cells suppressed so no sum gives one back.
 */
export function snapshotOf(
  rows: readonly StatisticsRow[],
  options: { now: Date; threshold: number; snapshotId: string; by: string },
): StatisticsPublished {
  const table = tabulate(rows, options.now);
  const published = suppress(table.counts, table.groups, options.threshold);
  const keys = new Map<string, { quarter: string; channelId: string; sector: string }>();
  for (const id of table.counts.keys()) {
    const [quarter, channelId, sector] = id.split('|') as [string, string, string];
    keys.set(`${quarter}|${channelId}|${sector}`, { quarter, channelId, sector });
  }
  const order = (k: { channelId: string; sector: string }) =>
    `${k.channelId === ALL ? '0' : '1'}${k.channelId}|${k.sector === ALL ? '0' : '1'}${k.sector}`;
  const cells: PublishedCell[] = [...keys.values()]
    .sort((a, b) => a.quarter.localeCompare(b.quarter) || order(a).localeCompare(order(b)))
    .map((k) => ({
      ...k,
      counts: Object.fromEntries(
        measures.map((m) => {
          const v = published.get(cellId(k, m)) ?? 0;
          return [m, v === 'suppressed' ? null : v];
        }),
      ) as PublishedCell['counts'],
    }));
  return {
    type: 'StatisticsPublished',
    data: {
      snapshotId: options.snapshotId,
      by: options.by,
      publishedAt: options.now.toISOString(),
      threshold: options.threshold,
      quarters: [...table.quarters],
      cells,
    },
  };
}
