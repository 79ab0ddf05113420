import type { ReminderState } from '../../reminders/state.ts';
import type { Priority, Sector } from '../../report/events.ts';
import type { QueueName } from '../queues/queries.ts';

/** Columns the case list sorts by. */
export const caseSortKeys = [
  'received',
  'status',
  'priority',
  'sector',
  'region',
  'nextDeadline',
  'lastActivity',
  'closed',
] as const;
export type CaseSortKey = (typeof caseSortKeys)[number];

/** A filter over plain fields; every given part must hold (lists: any of their values). */
export interface CaseFilter {
  readonly status?: readonly string[];
  /** `none`: not triaged yet. */
  readonly priority?: readonly (Priority | 'none')[];
  readonly sector?: readonly (Sector | 'none')[];
  readonly region?: string;
  /** An investigator id, or `none` for unassigned cases. */
  readonly assignee?: string;
  readonly label?: string;
  readonly open?: boolean;
  readonly awaiting?: 'whistleblower' | 'investigator';
  /**
   * An acknowledgement the caller owes (inboxSeenBy): the report's, or for a caller a referral
   * brought in, that referral's.
   */
  readonly inbox?: true;
  /**
   * Feedback not given yet and due within the soon window, or past due (as the queues): the
   * caller's own deadline, a referral's for one it brought in (feedbackDueSeenBy).
   */
  readonly feedback?: 'due_soon' | 'overdue';
  /** The open deadline's reminder recorded (`due`) or its escalation (`overdue`). */
  readonly reminder?: ReminderState;
  /** Case-insensitive substring of the plain fields and labels. */
  readonly q?: string;
}

export interface CaseSort {
  readonly key: CaseSortKey;
  readonly direction: 'asc' | 'desc';
}

export interface CaseQuery {
  readonly filter: CaseFilter;
  readonly sort: CaseSort;
  readonly limit: number;
  readonly offset: number;
}

/** Who asks: only cases of their channels are ever seen, and "mine" means them. */
export interface CaseListContext {
  readonly channelIds: readonly string[];
  readonly investigatorId: string;
  readonly now: Date;
  /** "Feedback due soon" window (default 14 days, as the queues). */
  readonly soonDays?: number;
}

/**
 * Saved views: each queue of the desk as a filter and a sort of the case list, so the list can
 * stand in for the queues (a test compares them with the queue projection's answers).
 */
export function caseViews(
  ctx: CaseListContext,
): Record<QueueName, { filter: CaseFilter; sort: CaseSort }> {
  const asc = (key: CaseSortKey): CaseSort => ({ key, direction: 'asc' });
  return {
    inbox: { filter: { inbox: true }, sort: asc('nextDeadline') },
    needs_triage: { filter: { open: true, priority: ['none'] }, sort: asc('received') },
    mine: { filter: { open: true, assignee: ctx.investigatorId }, sort: asc('nextDeadline') },
    awaiting_whistleblower: {
      filter: { open: true, awaiting: 'whistleblower' },
      sort: asc('lastActivity'),
    },
    feedback_due_soon: { filter: { feedback: 'due_soon' }, sort: asc('nextDeadline') },
    feedback_overdue: { filter: { feedback: 'overdue' }, sort: asc('nextDeadline') },
    closed: { filter: { status: ['closed'] }, sort: { key: 'closed', direction: 'desc' } },
  };
}
