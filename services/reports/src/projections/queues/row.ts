import type { RecordedEvent } from '@integrity-desk/eventstore';
import { type Outcome, type Priority, type ReportEvent, type Sector } from '../../report/events.ts';

/**
 * One report as the queues see it: plain routing and deadline fields only, and its assignees
 * (sorted). The pure fold below is the whole of the queue projection's logic; ./projection.ts
 * only stores it.
 */
export interface QueueRow {
  readonly reportId: string;
  readonly channelId: string;
  readonly status: string;
  readonly isOpen: boolean;
  readonly outcome: Outcome | null;
  readonly receivedAt: string;
  readonly ackDueAt: string;
  readonly acknowledgedAt: string | null;
  readonly feedbackDueAt: string | null;
  readonly feedbackGivenAt: string | null;
  readonly priority: Priority | null;
  readonly sector: Sector | null;
  readonly region: string | null;
  readonly awaiting: 'whistleblower' | 'investigator' | null;
  readonly lastActivityAt: string;
  readonly closedAt: string | null;
  readonly revision: number;
  readonly assignees: readonly string[];
}

const closed = (row: QueueRow, outcome: Outcome, at: string, revision: number): QueueRow => ({
  ...row,
  status: 'closed',
  isOpen: false,
  outcome,
  closedAt: at,
  revision,
});

/** Pure: the row after one event (`undefined`: no row, before submission or after a purge). */
export function evolveQueueRow(row: QueueRow | undefined, e: RecordedEvent): QueueRow | undefined {
  // Events were validated by zod when appended; the log is trusted here so a rebuild stays fast.
  const event = { type: e.type, data: e.data } as ReportEvent;
  // Revisions stay far below 2^53: numbers bind about twice as fast as bigints.
  const revision = Number(e.revision);
  if (event.type === 'ReportSubmitted') {
    const d = event.data;
    return (
      row ?? {
        reportId: d.reportId,
        channelId: d.channelId,
        status: 'submitted',
        isOpen: true,
        outcome: null,
        receivedAt: d.receivedAt,
        ackDueAt: d.acknowledgementDueAt,
        acknowledgedAt: null,
        feedbackDueAt: null,
        feedbackGivenAt: null,
        priority: null,
        sector: null,
        region: null,
        awaiting: null,
        lastActivityAt: d.receivedAt,
        closedAt: null,
        revision,
        assignees: [],
      }
    );
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'ReportAcknowledged':
      return {
        ...row,
        status: 'acknowledged',
        acknowledgedAt: event.data.acknowledgedAt,
        feedbackDueAt: event.data.feedbackDueAt,
        revision,
      };
    case 'ReportTriaged': {
      const d = event.data;
      return { ...row, priority: d.priority, sector: d.sector, region: d.region, revision };
    }
    case 'ReportAssigned': {
      const id = event.data.investigatorId;
      const assignees = row.assignees.includes(id) ? row.assignees : [...row.assignees, id].sort();
      return { ...row, assignees, revision };
    }
    case 'ReportUnassigned': {
      const id = event.data.investigatorId;
      return { ...row, assignees: row.assignees.filter((a) => a !== id), revision };
    }
    case 'ReportStatusChanged':
      return { ...row, status: event.data.to, revision };
    case 'MessagePosted': {
      const d = event.data;
      if (d.author === 'whistleblower')
        return { ...row, awaiting: 'investigator', lastActivityAt: d.postedAt, revision };
      // A reply after acknowledgement is the feedback Art. 9(1)(f) asks for.
      const feedbackGivenAt =
        row.feedbackGivenAt ?? (row.status === 'submitted' ? null : d.postedAt);
      return {
        ...row,
        awaiting: 'whistleblower',
        lastActivityAt: d.postedAt,
        feedbackGivenAt,
        revision,
      };
    }
    case 'EvidenceAdded':
      return { ...row, lastActivityAt: event.data.addedAt, revision };
    case 'ReportClosed':
      return closed(row, event.data.outcome, event.data.closedAt, revision);
    case 'ReportReferred':
      return closed(row, 'referred_elsewhere', event.data.referredAt, revision);
    case 'ReportReopened':
      return { ...row, status: 'in_review', isOpen: true, outcome: null, closedAt: null, revision };
    case 'ReportPurged':
      return undefined;
    default:
      // Internal notes, key shares and any event added later change nothing the queues route
      // on (status, deadlines, triage, assignees, who is awaited, activity): they move only the
      // revision. An event that changes one of those is a case above; the decider's evolve,
      // not this fold, is where every event must be named.
      return { ...row, revision };
  }
}

/**
 * The counters a row adds to (per channel), so counting a queue reads a few counter rows
 * instead of the queue. Queues whose membership depends on the clock (feedback due soon,
 * overdue) cannot be counted ahead of time and are counted from their index.
 */
export function countersOf(row: QueueRow | undefined): string[] {
  if (!row) return [];
  const out: string[] = [];
  if (row.status === 'submitted') out.push('inbox');
  if (row.status === 'closed') out.push('closed');
  if (row.isOpen) {
    if (row.priority === null) out.push('needs_triage');
    if (row.awaiting === 'whistleblower') out.push('awaiting_whistleblower');
    if (row.priority !== null) out.push(`priority:${row.priority}`);
    if (row.sector !== null) out.push(`sector:${row.sector}`);
    for (const a of row.assignees) out.push(`mine:${a}`);
  }
  return out;
}

/** The "mine" queue's order key: feedback deadline (nulls last), then acknowledgement deadline. */
export const mineOrderOf = (row: QueueRow) => `${row.feedbackDueAt ?? '9999'}|${row.ackDueAt}`;
