import {
  outcomes,
  statisticsMeasures,
  type Outcome,
  type StatisticsMeasure,
} from '@integrity-desk/protocol';
import { hasEnded, quarterOf, type Quarter } from './quarter.ts';

/** What statistics are computed from: the plain fields of one report's queue row. */
export interface StatisticsRow {
  readonly channelId: string;
  readonly sector: string | null;
  readonly receivedAt: string;
  readonly ackDueAt: string;
  readonly acknowledgedAt: string | null;
  readonly feedbackDueAt: string | null;
  readonly feedbackGivenAt: string | null;
  readonly outcome: string | null;
}

/** The counts published per cell. */
export const measures = statisticsMeasures;
export type Measure = StatisticsMeasure;

/** Sector `null` is written as this in keys and tables. */
export const UNSPECIFIED = 'unspecified';

/**
 * A cell of the published table. `channelId` and `sector` are `*` in totals: per channel and
 * quarter over every sector, per quarter over every channel.
 */
export interface CellKey {
  readonly quarter: string;
  readonly channelId: string;
  readonly sector: string;
}
export const ALL = '*';
export const cellId = (k: CellKey, m: Measure) => `${k.quarter}|${k.channelId}|${k.sector}|${m}`;

/** Sums that hold between published cells: `total` = the sum of `parts`. */
export interface AdditiveGroup {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface Table {
  readonly quarters: readonly Quarter[];
  readonly counts: ReadonlyMap<string, number>;
  readonly groups: readonly AdditiveGroup[];
}

const inTime = (done: string | null, due: string | null) =>
  done !== null && due !== null && done <= due;

/** The measures one report adds to: every cell of it counts 0 or 1. */
function contributions(r: StatisticsRow): Measure[] {
  const out: Measure[] = ['received'];
  if (inTime(r.acknowledgedAt, r.ackDueAt)) out.push('acknowledgedInTime');
  if (inTime(r.feedbackGivenAt, r.feedbackDueAt)) out.push('feedbackInTime');
  if (r.outcome !== null && (outcomes as readonly string[]).includes(r.outcome))
    out.push(`outcome:${r.outcome as Outcome}`);
  return out;
}

/**
 * Counts per (quarter received, channel, sector) and the totals per (quarter, channel) and per
 * quarter, over the quarters that had ended by `now` (a quarter still running would be live
 * numbers: two snapshots a week apart would date the reports in between). Pure.
 */
export function tabulate(rows: readonly StatisticsRow[], now: Date): Table {
  const counts = new Map<string, number>();
  const channelsOf = new Map<Quarter, Set<string>>();
  const sectorsOf = new Map<string, Set<string>>();
  const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const r of rows) {
    const quarter = quarterOf(r.receivedAt);
    if (!hasEnded(quarter, now)) continue;
    const sector = r.sector ?? UNSPECIFIED;
    if (!channelsOf.has(quarter)) channelsOf.set(quarter, new Set());
    channelsOf.get(quarter)?.add(r.channelId);
    const cq = `${quarter}|${r.channelId}`;
    if (!sectorsOf.has(cq)) sectorsOf.set(cq, new Set());
    sectorsOf.get(cq)?.add(sector);
    for (const m of contributions(r)) {
      add(cellId({ quarter, channelId: r.channelId, sector }, m));
      add(cellId({ quarter, channelId: r.channelId, sector: ALL }, m));
      add(cellId({ quarter, channelId: ALL, sector: ALL }, m));
    }
  }
  const quarters = [...channelsOf.keys()].sort();
  const groups: AdditiveGroup[] = [];
  for (const quarter of quarters) {
    const channels = [...(channelsOf.get(quarter) ?? [])].sort();
    for (const m of measures) {
      groups.push({
        total: cellId({ quarter, channelId: ALL, sector: ALL }, m),
        parts: channels.map((channelId) => cellId({ quarter, channelId, sector: ALL }, m)),
      });
      for (const channelId of channels)
        groups.push({
          total: cellId({ quarter, channelId, sector: ALL }, m),
          parts: [...(sectorsOf.get(`${quarter}|${channelId}`) ?? [])]
            .sort()
            .map((sector) => cellId({ quarter, channelId, sector }, m)),
        });
    }
  }
  // Every cell a group names is in the table, 0 where nothing was counted.
  for (const g of groups)
    for (const id of [g.total, ...g.parts]) counts.set(id, counts.get(id) ?? 0);
  return { quarters, counts, groups };
}
