import type { ReminderState } from '@integrity-desk/protocol/vocabulary';

/**
 * Which deadline a reminder badge speaks of: the report's own (false), a referral's
 * acknowledgement by its target (true), or, once the target acknowledged it, the referral's
 * feedback deadline ('feedback').
 */
export type ReminderBadgeOf = boolean | 'feedback';

/** The badge's words (a `desk.reminder.*` key), said in words, not colour only. */
export function reminderBadgeKey(state: ReminderState, of: ReminderBadgeOf): ReminderBadgeKey {
  const due = state === 'due';
  if (of === 'feedback')
    return due ? 'desk.reminder.referralFeedbackDue' : 'desk.reminder.referralFeedbackOverdue';
  if (of) return due ? 'desk.reminder.referralDue' : 'desk.reminder.referralOverdue';
  return due ? 'desk.reminder.due' : 'desk.reminder.overdue';
}

export type ReminderBadgeKey = `desk.reminder.${
  | 'due'
  | 'overdue'
  | 'referralDue'
  | 'referralOverdue'
  | 'referralFeedbackDue'
  | 'referralFeedbackOverdue'}`;

/**
 * What a referred caller's badge is of: a referral's acknowledgement until they acknowledged it,
 * then its feedback deadline; the report's own deadline for a caller of the report's channel.
 */
export const referralBadgeOf = (referred: boolean, acknowledged: boolean): ReminderBadgeOf =>
  referred ? (acknowledged ? 'feedback' : true) : false;
