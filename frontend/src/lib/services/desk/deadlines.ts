// A case's deadlines as badges: days left, and how urgent that is. Pure: `now` comes in.
import type { DeskCase } from '@integrity-desk/protocol';

export type DeadlineTone = 'met' | 'overdue' | 'soon' | 'later';

export interface DeadlineBadge {
  kind: 'acknowledge' | 'feedback' | 'referralAcknowledge' | 'referralFeedback';
  dueAt: string;
  /** Whole days until the deadline, started days counted (negative: days late, likewise). */
  daysLeft: number;
  tone: DeadlineTone;
}

const DAY = 24 * 60 * 60 * 1000;
/** Within this many days a deadline shows as close (the Directive's acknowledgement is 7). */
const SOON_DAYS = 3;

/** 5 hours left is 1 day left; 5 hours late is 1 day late (-1). */
export function daysLeft(dueAt: string, now: Date): number {
  const days = (Date.parse(dueAt) - now.getTime()) / DAY;
  return days >= 0 ? Math.ceil(days) : Math.floor(days);
}

export function deadlineBadge(
  kind: DeadlineBadge['kind'],
  dueAt: string,
  now: Date,
  met: boolean,
): DeadlineBadge {
  const left = daysLeft(dueAt, now);
  const tone: DeadlineTone = met
    ? 'met'
    : left < 0
      ? 'overdue'
      : left <= SOON_DAYS
        ? 'soon'
        : 'later';
  return { kind, dueAt, daysLeft: left, tone };
}

/**
 * The case's deadlines: acknowledgement (met once acknowledged) and, once acknowledged,
 * feedback (met once the case is closed). A reader who has the case through a referral sees
 * the referral's instead, its target's own (SECURITY.md, Protocol step 11); after a hand-over
 * also the report's acknowledgement while it is still owed: the target now gives it.
 */
export function caseDeadlines(file: DeskCase, now: Date): DeadlineBadge[] {
  const via = file.referredIn;
  if (via) {
    const badges = [];
    if (via.handOver && file.acknowledgedAt === null)
      badges.push(deadlineBadge('acknowledge', file.acknowledgementDueAt, now, false));
    badges.push(
      deadlineBadge(
        'referralAcknowledge',
        via.acknowledgementDueAt,
        now,
        via.acknowledgedAt !== null,
      ),
    );
    if (via.acknowledgedAt !== null)
      badges.push(
        deadlineBadge('referralFeedback', via.feedbackDueAt, now, file.status === 'closed'),
      );
    return badges;
  }
  const badges = [
    deadlineBadge('acknowledge', file.acknowledgementDueAt, now, file.acknowledgedAt !== null),
  ];
  if (file.feedbackDueAt)
    badges.push(deadlineBadge('feedback', file.feedbackDueAt, now, file.status === 'closed'));
  return badges;
}

/**
 * Whether the reader may acknowledge the report to the whistleblower: not yet acknowledged, and
 * not a reader who has it through a referral its source kept (the source's duty; the desk
 * refuses it too). After a hand-over the target may.
 */
export const mayAcknowledgeReport = (file: DeskCase): boolean =>
  file.status === 'submitted' && (!file.referredIn || file.referredIn.handOver);
