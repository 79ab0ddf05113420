import type { RecordedEvent } from '@integrity-desk/eventstore';
import { answered, channelsWithAccessOf, type ReferralReach } from '../../report/access.ts';
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
  /**
   * Referrals to other channels, in the order proposed, with what decides access (a proposal's
   * `handOver` is remembered here: ReferralAccepted does not repeat it). Absent while there are
   * none, so rows of reports never referred are stored as they were before referrals.
   */
  readonly referrals?: readonly ReferralReach[];
}

/** The channels whose recipients may open the report now (one rule: report/access.ts). */
export const reachOf = (row: QueueRow): readonly string[] =>
  channelsWithAccessOf(row.channelId, row.referrals ?? []);

/** Whether a referral took the report beyond its own channel alone. */
export const isReferred = (row: QueueRow): boolean => {
  const reach = reachOf(row);
  return reach.length !== 1 || reach[0] !== row.channelId;
};

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
    case 'ReferralProposed': {
      const { referralId, toChannelId, handOver } = event.data;
      const proposal = { referralId, toChannelId, handOver, status: 'proposed' as const };
      return { ...row, referrals: [...(row.referrals ?? []), proposal], revision };
    }
    case 'ReferralAccepted':
      return referralAnswered(row, event.data.referralId, 'accepted', revision);
    case 'ReferralDeclined':
      return referralAnswered(row, event.data.referralId, 'declined', revision);
    case 'ReferralWithdrawn':
      return referralAnswered(row, event.data.referralId, 'withdrawn', revision);
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

const referralAnswered = (
  row: QueueRow,
  referralId: string,
  status: ReferralReach['status'],
  revision: number,
): QueueRow => ({ ...row, referrals: answered(row.referrals ?? [], referralId, status), revision });

/**
 * The counters' key of a row: the one channel that may open it (its own, or the target it was
 * handed over to), or, when a referral let several channels in, the JSON array of them all, so a
 * caller who is a recipient of two of them counts the report once (queries.ts, queueCounts).
 */
export function counterKeyOf(row: QueueRow): string {
  const reach = reachOf(row);
  return reach.length === 1 ? (reach[0] as string) : JSON.stringify(reach);
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
  // A referred report's inbox depends on who asks (queries.ts): counted by query instead.
  if (row.status === 'submitted' && !isReferred(row)) out.push('inbox:unreferred');
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
