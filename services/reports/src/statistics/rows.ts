import type Database from 'better-sqlite3';
import type { StatisticsRow } from './tabulate.ts';

/**
 * The plain fields statistics are computed from, read off the queue projection: every report
 * still held (a purged report is gone from it, and so from later numbers), optionally only those
 * of some channels.
 */
export function readStatisticsRows(
  db: Database.Database,
  channelIds?: readonly string[],
): StatisticsRow[] {
  const where =
    channelIds === undefined ? '' : `WHERE channel_id IN (${channelIds.map(() => '?').join(',')})`;
  if (channelIds !== undefined && channelIds.length === 0) return [];
  return db
    .prepare(
      `SELECT channel_id AS channelId, sector, received_at AS receivedAt, ack_due_at AS ackDueAt,
              acknowledged_at AS acknowledgedAt, feedback_due_at AS feedbackDueAt,
              feedback_given_at AS feedbackGivenAt, outcome
       FROM report_queue ${where}`,
    )
    .all(...(channelIds ?? [])) as StatisticsRow[];
}
