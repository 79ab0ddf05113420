import type { Indicators, LiveStatistics } from '@integrity-desk/protocol';
import { quarterOf } from './quarter.ts';
import type { StatisticsRow } from './tabulate.ts';

const DAY = 86_400_000;

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
};
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/** The indicators of `rows` as of `now`, pure. A deadline still running counts nowhere yet. */
export function indicatorsOf(rows: readonly StatisticsRow[], now: Date): Indicators {
  const at = now.toISOString();
  let acknowledgedInTime = 0;
  let acknowledgementDue = 0;
  let feedbackInTime = 0;
  let feedbackDue = 0;
  let acknowledgementOverdue = 0;
  let feedbackOverdue = 0;
  const toAck: number[] = [];
  const toFeedback: number[] = [];
  for (const r of rows) {
    if (r.acknowledgedAt !== null) toAck.push(days(r.receivedAt, r.acknowledgedAt));
    if (r.feedbackGivenAt !== null) toFeedback.push(days(r.receivedAt, r.feedbackGivenAt));
    const ackInTime = r.acknowledgedAt !== null && r.acknowledgedAt <= r.ackDueAt;
    if (ackInTime || r.ackDueAt <= at) acknowledgementDue++;
    if (ackInTime) acknowledgedInTime++;
    else if (r.acknowledgedAt === null && r.ackDueAt <= at) acknowledgementOverdue++;
    if (r.feedbackDueAt === null) continue;
    const fbInTime = r.feedbackGivenAt !== null && r.feedbackGivenAt <= r.feedbackDueAt;
    if (fbInTime || r.feedbackDueAt <= at) feedbackDue++;
    if (fbInTime) feedbackInTime++;
    else if (r.feedbackGivenAt === null && r.feedbackDueAt <= at) feedbackOverdue++;
  }
  return {
    received: rows.length,
    acknowledgedInTime,
    acknowledgementDue,
    feedbackInTime,
    feedbackDue,
    medianDaysToAcknowledge: median(toAck),
    medianDaysToFeedback: median(toFeedback),
    acknowledgementOverdue,
    feedbackOverdue,
  };
}

/** Overall, per channel and per quarter received (for the desk's charts), pure. */
export function liveStatistics(
  rows: readonly StatisticsRow[],
  now: Date,
): Omit<LiveStatistics, 'channelNames'> {
  const group = (key: (r: StatisticsRow) => string) => {
    const out = new Map<string, StatisticsRow[]>();
    for (const r of rows) {
      const k = key(r);
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
    return out;
  };
  const byChannel: Record<string, Indicators> = {};
  for (const [channelId, rs] of group((r) => r.channelId))
    byChannel[channelId] = indicatorsOf(rs, now);
  const byQuarter = [...group((r) => quarterOf(r.receivedAt))]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, rs]) => ({ quarter, ...indicatorsOf(rs, now) }));
  return { overall: indicatorsOf(rows, now), byChannel, byQuarter };
}
