// A case's deadlines as badges: days left, and how urgent that is. Pure: `now` comes in.
import type { DeskCase } from '@integrity-desk/protocol';

export type DeadlineTone = 'met' | 'overdue' | 'soon' | 'later';

export interface DeadlineBadge {
  kind: 'acknowledge' | 'feedback';
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
 * feedback (met once the case is closed).
 */
export function caseDeadlines(file: DeskCase, now: Date): DeadlineBadge[] {
  const badges = [
    deadlineBadge('acknowledge', file.acknowledgementDueAt, now, file.acknowledgedAt !== null),
  ];
  if (file.feedbackDueAt)
    badges.push(deadlineBadge('feedback', file.feedbackDueAt, now, file.status === 'closed'));
  return badges;
}
