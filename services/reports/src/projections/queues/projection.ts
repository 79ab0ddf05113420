import type { RecordedEvent } from '@integrity-desk/eventstore';
import {
  acknowledgementDueAt,
  priorities,
  reportEventTypes,
  type ReportEvent,
  type ReportEventOf,
  type ReportEventType,
} from '../../report/events.ts';
import type { Projection, Write } from '../projection.ts';

/**
 * The triage queues: one row per report with what routing and deadlines need (plain fields
 * only), plus its assignees. Queries are in ./queries.ts.
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
`;

const handled = new Set<string>(reportEventTypes);

/**
 * The "mine" queue reads report_assignees alone through one index, in queue order, so it never
 * looks up every assigned report to sort them: each assignment row carries the report's
 * channel, whether it is open, and its order key (feedback deadline, nulls last, then the
 * acknowledgement deadline; ISO strings compare in time order).
 */
const mineOrder = `COALESCE(q.feedback_due_at, '9999') || '|' || q.ack_due_at`;
const syncAssignees = (reportId: string): Write => ({
  sql: `UPDATE report_assignees SET is_open = q.is_open, mine_order = ${mineOrder}
        FROM report_queue q WHERE q.report_id = report_assignees.report_id AND report_assignees.report_id = ?`,
  params: [reportId],
});
const rank = (p: string) => priorities.indexOf(p as (typeof priorities)[number]);

const update = (
  set: string,
  params: Write['params'],
  e: RecordedEvent,
  reportId: string,
): Write => ({
  sql: `UPDATE report_queue SET ${set}, revision = ? WHERE report_id = ?`,
  // Numbers, not bigints: better-sqlite3 binds them about twice as fast (revisions stay < 2^53).
  params: [...params, Number(e.revision), reportId],
});

type Data<T extends ReportEventType> = ReportEventOf<T>['data'];

export function reportQueueWrites(e: RecordedEvent): readonly Write[] {
  // Events were validated by zod when appended; the log is trusted here so a rebuild stays fast.
  const event = { type: e.type, data: e.data } as ReportEvent;
  switch (event.type) {
    case 'ReportSubmitted': {
      const d: Data<'ReportSubmitted'> = event.data;
      return [
        {
          sql: `INSERT INTO report_queue (report_id, channel_id, status, is_open, received_at, ack_due_at, last_activity_at, revision)
                VALUES (?, ?, 'submitted', 1, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING`,
          params: [
            d.reportId,
            d.channelId,
            d.receivedAt,
            acknowledgementDueAt(d),
            d.receivedAt,
            e.revision,
          ],
        },
      ];
    }
    case 'ReportAcknowledged': {
      const d = event.data;
      return [
        update(
          `status = 'acknowledged', acknowledged_at = ?, feedback_due_at = ?`,
          [d.acknowledgedAt, d.feedbackDueAt],
          e,
          d.reportId,
        ),
        syncAssignees(d.reportId),
      ];
    }
    case 'ReportTriaged': {
      const d = event.data;
      return [
        update(
          'priority = ?, priority_rank = ?, sector = ?, region = ?',
          [d.priority, rank(d.priority), d.sector, d.region],
          e,
          d.reportId,
        ),
      ];
    }
    case 'ReportAssigned':
      return [
        {
          sql: `INSERT OR IGNORE INTO report_assignees (report_id, investigator_id, channel_id, is_open, mine_order)
                SELECT q.report_id, ?, q.channel_id, q.is_open, ${mineOrder} FROM report_queue q WHERE q.report_id = ?`,
          params: [event.data.investigatorId, event.data.reportId],
        },
        update('revision = revision', [], e, event.data.reportId),
      ];
    case 'ReportUnassigned':
      return [
        {
          sql: 'DELETE FROM report_assignees WHERE report_id = ? AND investigator_id = ?',
          params: [event.data.reportId, event.data.investigatorId],
        },
        update('revision = revision', [], e, event.data.reportId),
      ];
    case 'ReportStatusChanged':
      return [update('status = ?', [event.data.to], e, event.data.reportId)];
    case 'MessagePosted': {
      const d = event.data;
      if (d.author === 'whistleblower')
        return [
          update(`awaiting = 'investigator', last_activity_at = ?`, [d.postedAt], e, d.reportId),
        ];
      // A reply after acknowledgement is the feedback Art. 9(1)(f) asks for.
      return [
        update(
          `awaiting = 'whistleblower', last_activity_at = ?,
           feedback_given_at = COALESCE(feedback_given_at, CASE WHEN status = 'submitted' THEN NULL ELSE ? END)`,
          [d.postedAt, d.postedAt],
          e,
          d.reportId,
        ),
      ];
    }
    case 'EvidenceAdded':
      return [update('last_activity_at = ?', [event.data.addedAt], e, event.data.reportId)];
    case 'InternalNoteAdded':
      return [update('revision = revision', [], e, event.data.reportId)];
    case 'ReportClosed':
      return [
        update(
          `status = 'closed', is_open = 0, outcome = ?, closed_at = ?`,
          [event.data.outcome, event.data.closedAt],
          e,
          event.data.reportId,
        ),
        syncAssignees(event.data.reportId),
      ];
    case 'ReportReferred':
      return [
        update(
          `status = 'closed', is_open = 0, outcome = 'referred_elsewhere', closed_at = ?`,
          [event.data.referredAt],
          e,
          event.data.reportId,
        ),
        syncAssignees(event.data.reportId),
      ];
    case 'ReportReopened':
      return [
        update(
          `status = 'in_review', is_open = 1, outcome = NULL, closed_at = NULL`,
          [],
          e,
          event.data.reportId,
        ),
        syncAssignees(event.data.reportId),
      ];
    case 'ReportPurged':
      return [
        { sql: 'DELETE FROM report_assignees WHERE report_id = ?', params: [event.data.reportId] },
        { sql: 'DELETE FROM report_queue WHERE report_id = ?', params: [event.data.reportId] },
      ];
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const reportQueueProjection: Projection = {
  name: 'report-queue',
  version: 3,
  ddl: reportQueueDdl,
  canHandle: (e) => e.streamId.startsWith('report-') && handled.has(e.type),
  evolve: reportQueueWrites,
};
