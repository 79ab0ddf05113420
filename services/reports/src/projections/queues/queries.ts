import type Database from 'better-sqlite3';
import { priorities, sectors, type Priority, type Sector } from '../../report/events.ts';
import { prepared } from '../statements.ts';
import { fromStoredRow, storedRowColumns, type StoredRow } from './projection.ts';
import type { QueueRow } from './row.ts';

/** Who is asking and when: queues only ever show reports of the caller's channels. */
export interface QueueContext {
  /** Channels the caller is a recipient of. Reports of other channels are never listed. */
  readonly channelIds: readonly string[];
  readonly investigatorId: string;
  readonly now: Date;
  /** "Feedback due soon" window (default 14 days). */
  readonly soonDays?: number;
}

export interface QueuePage {
  readonly limit?: number;
  readonly offset?: number;
}

/** A queue row as the desk lists it: the open flag stays internal, the deadline has its API name. */
export type QueueItem = Omit<QueueRow, 'isOpen' | 'ackDueAt'> & {
  readonly acknowledgementDueAt: string;
};

export const queueNames = [
  'inbox',
  'needs_triage',
  'mine',
  'awaiting_whistleblower',
  'feedback_due_soon',
  'feedback_overdue',
  'closed',
] as const;
export type QueueName = (typeof queueNames)[number];

type Params = (string | number)[];
interface QueueSql {
  readonly from?: string;
  readonly channelColumn?: string;
  readonly reportColumn?: string;
  /** Extra columns the inner page query passes out, and the outer order over them. */
  readonly select?: string;
  /** The parameters of `select`, which come first. */
  readonly selectParams?: (ctx: QueueContext) => Params;
  readonly outerOrder?: string;
  readonly where: string;
  readonly order: string;
  readonly params: (ctx: QueueContext) => Params;
}

/**
 * The caller reaches the report through its own channel, not only through a referral: the
 * report's own deadlines are theirs (cases/row.ts referralSeenBy). One parameter: the caller's
 * channels as JSON.
 */
const viaOwn = `(q.channel_id IN (SELECT value FROM json_each(?)) AND (NOT EXISTS
   (SELECT 1 FROM report_reach r WHERE r.report_id = q.report_id) OR EXISTS
   (SELECT 1 FROM report_reach r WHERE r.report_id = q.report_id AND r.channel_id = q.channel_id)))`;

/**
 * The accepted referrals that bring the caller to the report (to a channel of theirs that may
 * open it), as `rr`, with a condition. One parameter: the caller's channels as JSON.
 */
const theirReferrals = (select: string, cond: string) =>
  `(SELECT ${select} FROM report_referrals rr JOIN report_reach r
     ON r.report_id = rr.report_id AND r.channel_id = rr.to_channel_id
   WHERE rr.report_id = q.report_id AND rr.status = 'accepted'
     AND rr.to_channel_id IN (SELECT value FROM json_each(?)) AND ${cond})`;

/**
 * A queue over a deadline that is the caller's: the report's own when they reach it through its
 * channel, else their referral's (SECURITY.md, Protocol step 11: a target works the case with
 * its own deadlines). `own` is over the report's row, `referred` over the referral's deadline
 * (SQL over `q` and the caller's channels, per parameter list given).
 */
function perCaller(
  own: string,
  referred: string,
  due: { own: string; referred: string },
  params: (ctx: QueueContext) => { own: Params; referred: Params },
): QueueSql {
  const callers = (ctx: QueueContext) => JSON.stringify(ctx.channelIds);
  return {
    // Ordered by the caller's deadline: the report's, or their referral's.
    select: `CASE WHEN ${viaOwn} THEN ${due.own} ELSE coalesce(${due.referred}, ${due.own}) END AS due_key`,
    // viaOwn's and the referred key's parameters: each the caller's channels.
    selectParams: (ctx) =>
      Array.from({ length: 1 + (due.referred.match(/\?/g) ?? []).length }, () => callers(ctx)),
    order: 'due_key, q.report_id',
    outerOrder: 'q.due_key, q.report_id',
    where: `((${own} AND ${viaOwn}) OR (q.is_open = 1 AND q.report_id IN
      (SELECT r.report_id FROM report_reach r WHERE r.channel_id IN (SELECT value FROM json_each(?)))
      AND NOT ${viaOwn} AND ${referred}))`,
    params: (ctx) => {
      const p = params(ctx);
      return [...p.own, callers(ctx), callers(ctx), callers(ctx), ...p.referred];
    },
  };
}

/**
 * The caller's earliest feedback deadline among their referrals they acknowledged and have not
 * given feedback on yet (one parameter).
 */
const referralFeedbackDue = theirReferrals(
  'min(rr.feedback_due_at)',
  'rr.acknowledged_at IS NOT NULL AND rr.feedback_given_at IS NULL',
);

/** The caller's next deadline among their referrals (cases/row.ts nextDeadlineSeenBy). */
const referralNextDue = theirReferrals(
  `min(CASE WHEN rr.acknowledged_at IS NULL THEN rr.ack_due_at
    WHEN rr.feedback_given_at IS NULL THEN rr.feedback_due_at END)`,
  '1',
);

/**
 * A handed-over report its source never acknowledged: that acknowledgement is the target's
 * (cases/row.ts owesReportAcknowledgement).
 */
const owesReportAcknowledgement = `(q.status = 'submitted' AND NOT EXISTS
  (SELECT 1 FROM report_reach r WHERE r.report_id = q.report_id AND r.channel_id = q.channel_id))`;

/**
 * The next deadline of a caller who has the report through referrals (cases/row.ts
 * nextDeadlineSeenBy): their referrals', and a handed-over report's acknowledgement still owed.
 */
const callerNextDue = `CASE WHEN ${owesReportAcknowledgement}
  THEN min(q.ack_due_at, coalesce(${referralNextDue}, q.ack_due_at)) ELSE ${referralNextDue} END`;

const DAY = 86_400_000;
const nowIso = (ctx: QueueContext) => ctx.now.toISOString();
const soonIso = (ctx: QueueContext) =>
  new Date(ctx.now.getTime() + (ctx.soonDays ?? 14) * DAY).toISOString();

/** Each queue as data: a filter and an order, so list and count can never disagree. */
const queues: Record<QueueName, QueueSql> = {
  // An acknowledgement the caller owes, most urgent deadline first (Art. 9(1)(b)): the
  // report's, or for a caller a referral brought in, that referral's.
  inbox: perCaller(
    `q.status = 'submitted'`,
    `(EXISTS ${theirReferrals('1', 'rr.acknowledged_at IS NULL')} OR ${owesReportAcknowledgement})`,
    {
      own: 'q.ack_due_at',
      referred: callerNextDue,
    },
    (ctx) => ({ own: [], referred: [JSON.stringify(ctx.channelIds)] }),
  ),
  needs_triage: {
    where: 'q.is_open = 1 AND q.priority IS NULL',
    order: 'q.received_at, q.report_id',
    params: () => [],
  },
  mine: {
    // CROSS JOIN fixes the loop order: the caller's assignments first, in index order.
    from: 'report_assignees a CROSS JOIN report_queue q ON q.report_id = a.report_id',
    channelColumn: 'a.channel_id',
    reportColumn: 'a.report_id',
    where: 'a.investigator_id = ? AND a.is_open = 1',
    order: 'a.mine_order, a.report_id',
    select: 'a.mine_order AS mine_order',
    outerOrder: 'q.mine_order, q.report_id',
    params: (ctx) => [ctx.investigatorId],
  },
  awaiting_whistleblower: {
    where: `q.awaiting = 'whistleblower' AND q.is_open = 1`,
    order: 'q.last_activity_at, q.report_id',
    params: () => [],
  },
  feedback_due_soon: perCaller(
    'q.is_open = 1 AND q.feedback_given_at IS NULL AND q.feedback_due_at >= ? AND q.feedback_due_at < ?',
    `${referralFeedbackDue} >= ? AND ${referralFeedbackDue} < ?`,
    { own: 'q.feedback_due_at', referred: callerNextDue },
    (ctx) => {
      const callers = JSON.stringify(ctx.channelIds);
      return {
        own: [nowIso(ctx), soonIso(ctx)],
        referred: [callers, nowIso(ctx), callers, soonIso(ctx)],
      };
    },
  ),
  feedback_overdue: perCaller(
    'q.is_open = 1 AND q.feedback_given_at IS NULL AND q.feedback_due_at < ?',
    `${referralFeedbackDue} < ?`,
    { own: 'q.feedback_due_at', referred: callerNextDue },
    (ctx) => ({ own: [nowIso(ctx)], referred: [JSON.stringify(ctx.channelIds), nowIso(ctx)] }),
  ),
  closed: {
    where: `q.status = 'closed'`,
    order: 'q.closed_at DESC, q.report_id',
    params: () => [],
  },
};

/**
 * The caller's reports: those of their channels, except one a referral handed over, and those an
 * accepted referral let one of their channels open (report_reach, projection.ts). Two
 * parameters, both the caller's channels as JSON.
 */
const channelFilterOn = (column = 'q.channel_id', report = 'q.report_id') =>
  `((${column} IN (SELECT value FROM json_each(?)) AND NOT EXISTS
     (SELECT 1 FROM report_reach r WHERE r.report_id = ${report}))
   OR EXISTS (SELECT 1 FROM report_reach r WHERE r.report_id = ${report}
     AND r.channel_id IN (SELECT value FROM json_each(?))))`;
const channelParams = (ctx: QueueContext) => {
  const channels = JSON.stringify(ctx.channelIds);
  return [channels, channels];
};

const columns = storedRowColumns;

const toItem = (r: StoredRow): QueueItem => {
  const { isOpen: _isOpen, ackDueAt, ...rest } = fromStoredRow(r);
  return { ...rest, acknowledgementDueAt: ackDueAt };
};

const clampLimit = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 50, 200));

function list(db: Database.Database, q: QueueSql, ctx: QueueContext, page: QueuePage): QueueItem[] {
  // The page is chosen first (inner query), so the per-row assignee lookup runs for at most
  // `limit` rows instead of for every row the sort had to consider.
  const sql = `SELECT ${columns} FROM (SELECT q.*${q.select ? `, ${q.select}` : ''} FROM ${q.from ?? 'report_queue q'}
    WHERE ${q.where} AND ${channelFilterOn(q.channelColumn, q.reportColumn)} ORDER BY ${q.order} LIMIT ? OFFSET ?) q
    ORDER BY ${q.outerOrder ?? q.order}`;
  const rows = prepared(db, sql).all(
    ...(q.selectParams?.(ctx) ?? []),
    ...q.params(ctx),
    ...channelParams(ctx),
    clampLimit(page.limit),
    Math.max(0, page.offset ?? 0),
  ) as StoredRow[];
  return rows.map((r) => datesSeenBy(db, ctx, toItem(r)));
}

/**
 * A queue item as its caller sees it: for one who has the report only through an accepted
 * referral (not through its own channel), that referral's deadlines, counted from acceptance,
 * and when they met them (SECURITY.md, Protocol step 11: the target works the case with its own
 * deadlines; cases/row.ts referralSeenBy); else the report's own.
 */
function datesSeenBy(db: Database.Database, ctx: QueueContext, item: QueueItem): QueueItem {
  const reach = channelsThatMayOpen(db, item.reportId);
  if (reach.includes(item.channelId) && ctx.channelIds.includes(item.channelId)) return item;
  const theirs = JSON.stringify(ctx.channelIds.filter((c) => reach.includes(c)));
  const referral = prepared(
    db,
    `SELECT ack_due_at AS acknowledgementDueAt, acknowledged_at AS acknowledgedAt,
            feedback_due_at AS feedbackDueAt, feedback_given_at AS feedbackGivenAt
       FROM report_referrals
      WHERE report_id = ? AND status = 'accepted' AND to_channel_id IN (SELECT value FROM json_each(?))
      ORDER BY accepted_at, referral_id LIMIT 1`,
  ).get(item.reportId, theirs) as
    | Pick<
        QueueItem,
        'acknowledgementDueAt' | 'acknowledgedAt' | 'feedbackDueAt' | 'feedbackGivenAt'
      >
    | undefined;
  return referral ? { ...item, ...referral } : item;
}

/**
 * Queues that depend on the clock are counted from their index and stop at COUNT_CAP, so a count
 * never costs more than reading that many index entries however large the backlog grows; such a
 * count is listed in `capped` and the desk shows it as "1000+". Counter-kept counts are exact.
 */
export const COUNT_CAP = 1000;

/** Up to COUNT_CAP, and whether there are more. */
function count(
  db: Database.Database,
  q: QueueSql,
  ctx: QueueContext,
): { n: number; more: boolean } {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${q.from ?? 'report_queue q'}
    WHERE ${q.where} AND ${channelFilterOn(q.channelColumn, q.reportColumn)} LIMIT ${COUNT_CAP + 1})`;
  const row = prepared(db, sql).get(...q.params(ctx), ...channelParams(ctx)) as {
    n: number | bigint;
  };
  const n = Number(row.n);
  return { n: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
}

export function listQueue(
  db: Database.Database,
  name: QueueName,
  ctx: QueueContext,
  page: QueuePage = {},
): QueueItem[] {
  return list(db, queues[name], ctx, page);
}

/** The open reports with one triage value, a priority or a sector, the oldest first. */
export function listByTriage(
  db: Database.Database,
  by: { readonly priority: Priority } | { readonly sector: Sector },
  ctx: QueueContext,
  page: QueuePage = {},
): QueueItem[] {
  const [column, value] = 'priority' in by ? ['priority', by.priority] : ['sector', by.sector];
  return list(
    db,
    {
      where: `q.is_open = 1 AND q.${column} = ?`,
      order: 'q.received_at, q.report_id',
      params: () => [value],
    },
    ctx,
    page,
  );
}

export interface QueueCounts {
  readonly queues: Record<QueueName, number>;
  readonly byPriority: Record<string, number>;
  readonly bySector: Record<string, number>;
  /** Queues whose count stopped at COUNT_CAP: there are at least that many ("1000+"). */
  readonly capped: QueueName[];
}

/** Queues that depend on the clock: counted from their index, since no counter can know them. */
const timedQueues = ['feedback_due_soon', 'feedback_overdue'] as const;

/**
 * Counts of every queue for the caller's channels (a report several of them may open, through a
 * referral, is counted under all of them together: once). All but the clock-dependent two are read
 * from the counters the projection keeps (a few rows per channel), so this costs about the
 * same at a hundred reports or a million.
 */
export function queueCounts(db: Database.Database, ctx: QueueContext): QueueCounts {
  const rows = prepared(
    db,
    `SELECT counter, sum(n) AS n FROM report_queue_counts
     WHERE (channel_id IN (SELECT value FROM json_each(?)) OR (channel_id LIKE '[%'
       AND EXISTS (SELECT 1 FROM json_each(channel_id) c
         WHERE c.value IN (SELECT value FROM json_each(?)))))
       AND (counter NOT LIKE 'mine:%' OR counter = ?)
     GROUP BY counter`,
  ).all(...channelParams(ctx), `mine:${ctx.investigatorId}`) as {
    counter: string;
    n: number | bigint;
  }[];
  const counters = new Map(rows.map((r) => [r.counter, Number(r.n)]));
  const counted = (counter: string) => counters.get(counter) ?? 0;
  const capped: QueueName[] = [];
  const queueCount = (name: QueueName) => {
    if (name === 'inbox') return counted('inbox:unreferred') + referredInbox(db, ctx);
    if (!(timedQueues as readonly string[]).includes(name))
      return counted(name === 'mine' ? `mine:${ctx.investigatorId}` : name);
    const { n, more } = count(db, queues[name], ctx);
    if (more) capped.push(name);
    return n;
  };
  return {
    queues: Object.fromEntries(queueNames.map((n) => [n, queueCount(n)])) as Record<
      QueueName,
      number
    >,
    byPriority: Object.fromEntries(priorities.map((p) => [p, counted(`priority:${p}`)])),
    bySector: Object.fromEntries(sectors.map((s) => [s, counted(`sector:${s}`)])),
    capped,
  };
}

/**
 * The caller's inbox among the reports a referral took beyond their own channel (report_reach:
 * few), whose inbox depends on who asks; every other report's is a counter.
 */
function referredInbox(db: Database.Database, ctx: QueueContext): number {
  const q = queues.inbox;
  const row = prepared(
    db,
    `SELECT count(*) AS n FROM report_queue q WHERE q.report_id IN
       (SELECT r.report_id FROM report_reach r WHERE r.channel_id IN (SELECT value FROM json_each(?)))
       AND ${q.where}`,
  ).get(JSON.stringify(ctx.channelIds), ...q.params(ctx)) as { n: number | bigint };
  return Number(row.n);
}

/** One report's queue row, or undefined (unknown or purged). Authorization is the caller's. */
export function findQueueItem(db: Database.Database, reportId: string): QueueItem | undefined {
  const row = prepared(db, `SELECT ${columns} FROM report_queue q WHERE q.report_id = ?`).get(
    reportId,
  ) as StoredRow | undefined;
  return row && toItem(row);
}

/** Queues counted by the projection, for the operator's metrics: no investigator's own. */
const sharedQueues = ['inbox', 'needs_triage', 'awaiting_whistleblower', 'closed'] as const;

/**
 * Reports in each clock-free shared queue, every channel together (the operator's metrics): read
 * from the counters only, so it costs a few rows whatever the number of reports.
 */
export function queueTotals(db: Database.Database): Record<(typeof sharedQueues)[number], number> {
  const rows = prepared(
    db,
    `SELECT counter, sum(n) AS n FROM report_queue_counts
     WHERE counter IN (SELECT value FROM json_each(?)) GROUP BY counter`,
  ).all(JSON.stringify(sharedQueues)) as { counter: string; n: number | bigint }[];
  const counted = new Map(rows.map((r) => [r.counter, Number(r.n)]));
  return Object.fromEntries(sharedQueues.map((q) => [q, counted.get(q) ?? 0])) as Record<
    (typeof sharedQueues)[number],
    number
  >;
}

/**
 * The channels that may open a report, as the queue projection has it (reachOf): its reach rows
 * when a referral took it beyond its own channel, else its own channel; none when unknown.
 */
export function channelsThatMayOpen(db: Database.Database, reportId: string): readonly string[] {
  const reach = prepared(
    db,
    'SELECT channel_id AS c FROM report_reach WHERE report_id = ? ORDER BY channel_id',
  ).all(reportId) as { c: string }[];
  if (reach.length > 0) return reach.map((r) => r.c);
  const row = prepared(db, 'SELECT channel_id AS c FROM report_queue WHERE report_id = ?').get(
    reportId,
  ) as { c: string } | undefined;
  return row ? [row.c] : [];
}
