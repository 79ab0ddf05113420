import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import { priorities, reportEventTypes } from '../../report/events.ts';
import type { ReferralReach } from '../../report/access.ts';
import type { Change, FoldProjection, Write } from '../projection.ts';
import { prepared } from '../statements.ts';
import {
  counterKeyOf,
  countersOf,
  evolveQueueRow,
  isReferred,
  mineOrderOf,
  reachOf,
  type QueueRow,
} from './row.ts';

/**
 * The triage queues: one row per report with what routing and deadlines need (plain fields
 * only), its assignees, and per-channel counters of the queues whose membership does not depend
 * on the clock. The fold is in ./row.ts; queries are in ./queries.ts.
 *
 * The "mine" queue reads report_assignees alone through one index, in queue order, so it never
 * looks up every assigned report to sort them: each assignment row carries the report's
 * channel, whether it is open, and its order key (feedback deadline, nulls last, then the
 * acknowledgement deadline; ISO strings compare in time order).
 *
 * Referrals (SECURITY.md, Protocol step 11): report_queue_referrals keeps what the fold must
 * remember of each (its target, whether it hands the case over, its status), and report_reach
 * lists the channels that may open a report whose accepted referral took it beyond its own
 * channel (reachOf): a report with such rows is listed for those channels only, any other for
 * its own channel (queries.ts). Its counters are kept under counterKeyOf (row.ts).
 */
export const reportQueueDdl = `
CREATE TABLE IF NOT EXISTS report_queue (
  report_id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  status TEXT NOT NULL,
  is_open INTEGER NOT NULL,
  outcome TEXT,
  received_at TEXT NOT NULL,
  ack_due_at TEXT NOT NULL,
  acknowledged_at TEXT,
  feedback_due_at TEXT,
  feedback_given_at TEXT,
  priority TEXT,
  priority_rank INTEGER,
  sector TEXT,
  region TEXT,
  awaiting TEXT,
  last_activity_at TEXT NOT NULL,
  closed_at TEXT,
  revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS report_queue_status ON report_queue (status, ack_due_at, channel_id);
CREATE INDEX IF NOT EXISTS report_queue_status_channel ON report_queue (status, channel_id);
CREATE INDEX IF NOT EXISTS report_queue_triage ON report_queue (is_open, priority, received_at, channel_id);
CREATE INDEX IF NOT EXISTS report_queue_awaiting ON report_queue (awaiting, is_open, last_activity_at, channel_id);
CREATE INDEX IF NOT EXISTS report_queue_feedback ON report_queue (is_open, feedback_given_at, feedback_due_at, channel_id);
CREATE INDEX IF NOT EXISTS report_queue_closed ON report_queue (status, closed_at, channel_id);
CREATE INDEX IF NOT EXISTS report_queue_sector ON report_queue (is_open, sector, received_at, channel_id);
CREATE TABLE IF NOT EXISTS report_assignees (
  report_id TEXT NOT NULL,
  investigator_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  is_open INTEGER NOT NULL,
  mine_order TEXT NOT NULL,
  PRIMARY KEY (report_id, investigator_id)
);
CREATE INDEX IF NOT EXISTS report_assignees_mine
  ON report_assignees (investigator_id, is_open, mine_order, report_id, channel_id);
CREATE TABLE IF NOT EXISTS report_queue_referrals (
  report_id TEXT NOT NULL,
  referral_id TEXT NOT NULL,
  to_channel_id TEXT NOT NULL,
  hand_over INTEGER NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (report_id, referral_id)
);
CREATE TABLE IF NOT EXISTS report_reach (
  report_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  PRIMARY KEY (report_id, channel_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_reach_channel ON report_reach (channel_id, report_id);
CREATE TABLE IF NOT EXISTS report_queue_counts (
  channel_id TEXT NOT NULL,
  counter TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (channel_id, counter)
) WITHOUT ROWID;
`;

const handled = new Set<string>(reportEventTypes);
const rank = (p: string) => priorities.indexOf(p as (typeof priorities)[number]);

/** report_queue's columns and how each comes from a row (the fold's state). */
const columns: readonly [string, (r: QueueRow) => string | number | null][] = [
  ['report_id', (r) => r.reportId],
  ['channel_id', (r) => r.channelId],
  ['status', (r) => r.status],
  ['is_open', (r) => (r.isOpen ? 1 : 0)],
  ['outcome', (r) => r.outcome],
  ['received_at', (r) => r.receivedAt],
  ['ack_due_at', (r) => r.ackDueAt],
  ['acknowledged_at', (r) => r.acknowledgedAt],
  ['feedback_due_at', (r) => r.feedbackDueAt],
  ['feedback_given_at', (r) => r.feedbackGivenAt],
  ['priority', (r) => r.priority],
  ['priority_rank', (r) => (r.priority === null ? null : rank(r.priority))],
  ['sector', (r) => r.sector],
  ['region', (r) => r.region],
  ['awaiting', (r) => r.awaiting],
  ['last_activity_at', (r) => r.lastActivityAt],
  ['closed_at', (r) => r.closedAt],
  ['revision', (r) => r.revision],
];
const insertRow = `INSERT INTO report_queue (${columns.map((c) => c[0]).join(', ')})
  VALUES (${columns.map(() => '?').join(', ')})`;
const insertAssignee =
  'INSERT INTO report_assignees (report_id, investigator_id, channel_id, is_open, mine_order) VALUES (?, ?, ?, ?, ?)';
const addToCounter = `INSERT INTO report_queue_counts (channel_id, counter, n) VALUES (?, ?, ?)
  ON CONFLICT (channel_id, counter) DO UPDATE SET n = n + excluded.n`;

const insertReferral = `INSERT INTO report_queue_referrals
  (report_id, referral_id, to_channel_id, hand_over, status) VALUES (?, ?, ?, ?, ?)`;
const insertReach = 'INSERT INTO report_reach (report_id, channel_id) VALUES (?, ?)';
const byReport = (table: string, reportId: string): Write => ({
  sql: `DELETE FROM ${table} WHERE report_id = ?`,
  params: [reportId],
});

/** The referral and reach rows, rewritten when they changed (referrals are few per report). */
function referralWrites(before: QueueRow | undefined, after: QueueRow, out: Write[]) {
  const [was, now] = [before?.referrals ?? [], after.referrals ?? []];
  if (JSON.stringify(was) !== JSON.stringify(now)) {
    if (was.length > 0) out.push(byReport('report_queue_referrals', after.reportId));
    for (const r of now)
      out.push({
        sql: insertReferral,
        params: [after.reportId, r.referralId, r.toChannelId, r.handOver ? 1 : 0, r.status],
      });
  }
  const reach = (row: QueueRow | undefined) => (row && isReferred(row) ? reachOf(row) : []);
  const [wasReach, nowReach] = [reach(before), reach(after)];
  if (JSON.stringify(wasReach) === JSON.stringify(nowReach)) return;
  if (wasReach.length > 0) out.push(byReport('report_reach', after.reportId));
  for (const c of nowReach) out.push({ sql: insertReach, params: [after.reportId, c] });
}

function rowWrites(before: QueueRow | undefined, after: QueueRow | undefined, out: Write[]) {
  if (!after) {
    if (!before) return;
    for (const table of [
      'report_assignees',
      'report_queue_referrals',
      'report_reach',
      'report_queue',
    ])
      out.push(byReport(table, before.reportId));
    return;
  }
  referralWrites(before, after, out);
  const open = after.isOpen ? 1 : 0;
  const order = mineOrderOf(after);
  const added = (id: string) => ({
    sql: insertAssignee,
    params: [after.reportId, id, after.channelId, open, order],
  });
  if (!before) {
    out.push({ sql: insertRow, params: columns.map(([, value]) => value(after)) });
    for (const id of after.assignees) out.push(added(id));
    return;
  }
  // Only the columns that changed: an UPDATE rewrites just the indexes over them.
  const set: string[] = [];
  const params: (string | number | null)[] = [];
  for (const [column, value] of columns) {
    const v = value(after);
    if (v === value(before)) continue;
    set.push(`${column} = ?`);
    params.push(v);
  }
  if (set.length > 0)
    out.push({
      sql: `UPDATE report_queue SET ${set.join(', ')} WHERE report_id = ?`,
      params: [...params, after.reportId],
    });
  for (const id of before.assignees)
    if (!after.assignees.includes(id))
      out.push({
        sql: 'DELETE FROM report_assignees WHERE report_id = ? AND investigator_id = ?',
        params: [after.reportId, id],
      });
  if (before.isOpen !== after.isOpen || mineOrderOf(before) !== order)
    out.push({
      sql: 'UPDATE report_assignees SET is_open = ?, mine_order = ? WHERE report_id = ?',
      params: [open, order, after.reportId],
    });
  for (const id of after.assignees) if (!before.assignees.includes(id)) out.push(added(id));
}

/** Pure: the writes for one batch's changes, counters summed over the batch. */
export function reportQueueWrites(changes: readonly Change<QueueRow>[]): Write[] {
  const out: Write[] = [];
  const deltas = new Map<string, { channelId: string; counter: string; n: number }>();
  const add = (row: QueueRow | undefined, n: number) => {
    if (!row) return;
    const channelId = counterKeyOf(row);
    for (const counter of countersOf(row)) {
      const key = `${channelId} ${counter}`;
      const d = deltas.get(key);
      if (d) d.n += n;
      else deltas.set(key, { channelId, counter, n });
    }
  };
  for (const { before, after } of changes) {
    rowWrites(before, after, out);
    add(before, -1);
    add(after, 1);
  }
  for (const d of deltas.values())
    if (d.n !== 0) out.push({ sql: addToCounter, params: [d.channelId, d.counter, d.n] });
  return out;
}

/** A report_queue row as SQLite returns it, with its assignees as a JSON array. */
export interface StoredRow {
  report_id: string;
  channel_id: string;
  status: string;
  is_open: number;
  outcome: QueueRow['outcome'];
  received_at: string;
  ack_due_at: string;
  acknowledged_at: string | null;
  feedback_due_at: string | null;
  feedback_given_at: string | null;
  priority: QueueRow['priority'];
  sector: QueueRow['sector'];
  region: string | null;
  awaiting: QueueRow['awaiting'];
  last_activity_at: string;
  closed_at: string | null;
  revision: number | bigint;
  assignees: string;
}

/** The select list of a StoredRow from `report_queue q`: its columns and its sorted assignees. */
export const storedRowColumns = `q.*, (SELECT json_group_array(investigator_id) FROM
  (SELECT investigator_id FROM report_assignees WHERE report_id = q.report_id ORDER BY investigator_id)) AS assignees`;

export function fromStoredRow(r: StoredRow): QueueRow {
  return {
    reportId: r.report_id,
    channelId: r.channel_id,
    status: r.status,
    isOpen: r.is_open === 1,
    outcome: r.outcome,
    receivedAt: r.received_at,
    ackDueAt: r.ack_due_at,
    acknowledgedAt: r.acknowledged_at,
    feedbackDueAt: r.feedback_due_at,
    feedbackGivenAt: r.feedback_given_at,
    priority: r.priority,
    sector: r.sector,
    region: r.region,
    awaiting: r.awaiting,
    lastActivityAt: r.last_activity_at,
    closedAt: r.closed_at,
    revision: Number(r.revision),
    assignees: JSON.parse(r.assignees) as string[],
  };
}

/** The current rows of these reports with their referrals (two queries for the whole batch). */
export function loadQueueRows(
  db: Database.Database,
  reportIds: readonly string[],
): Map<string, QueueRow> {
  const ids = JSON.stringify(reportIds);
  const rows = prepared(
    db,
    `SELECT ${storedRowColumns}
     FROM report_queue q WHERE q.report_id IN (SELECT value FROM json_each(?))`,
  ).all(ids) as StoredRow[];
  const referrals = new Map<string, ReferralReach[]>();
  const stored = prepared(
    db,
    `SELECT report_id, referral_id, to_channel_id, hand_over, status FROM report_queue_referrals
     WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  ).all(ids) as {
    report_id: string;
    referral_id: string;
    to_channel_id: string;
    hand_over: number;
    status: ReferralReach['status'];
  }[];
  for (const r of stored) {
    const list = referrals.get(r.report_id) ?? [];
    list.push({
      referralId: r.referral_id,
      toChannelId: r.to_channel_id,
      handOver: r.hand_over === 1,
      status: r.status,
    });
    referrals.set(r.report_id, list);
  }
  const out = new Map<string, QueueRow>();
  for (const r of rows) {
    const list = referrals.get(r.report_id);
    out.set(r.report_id, { ...fromStoredRow(r), ...(list && { referrals: list }) });
  }
  return out;
}

/**
 * What a projection of one row per report handles, and its key: the report's events, and the
 * purge record (`purge-<id>`) too: a runner that reads the log after the report stream was
 * tombstoned never sees that stream's ReportPurged, and must still drop the row.
 */
export const perReport = {
  canHandle: (e: RecordedEvent) =>
    (e.streamId.startsWith('report-') && handled.has(e.type)) ||
    (e.type === 'ReportPurged' && e.streamId.startsWith('purge-')),
  key: (e: RecordedEvent) => (e.data as { reportId: string }).reportId,
};

export const reportQueueProjection: FoldProjection<QueueRow> = {
  kind: 'fold',
  name: 'report-queue',
  // 5: referrals folded in (report_queue_referrals, report_reach, counters per reach).
  // 6: the inbox counter of reports no referral took elsewhere.
  version: 6,
  ddl: reportQueueDdl,
  ...perReport,
  evolve: evolveQueueRow,
  load: loadQueueRows,
  writes: reportQueueWrites,
};
