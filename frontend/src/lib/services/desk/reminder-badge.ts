import type { ReminderState } from '@integrity-desk/protocol/vocabulary';

/**
 * Which deadline a reminder badge speaks of: the report's own (false), a referral's
 * acknowledgement by its target (true), or, once the target acknowledged it, the referral's
 * feedback deadline ('feedback').
 */
export type ReminderBadgeOf = boolean | 'feedback';

/** The badge's words (a `desk.reminder.*` key), said in words, not colour only. */
export function reminderBadgeKey(state: ReminderState, of: ReminderBadgeOf): string {
  const suffix = state === 'due' ? 'Due' : 'Overdue';
  if (of === 'feedback') return `desk.reminder.referralFeedback${suffix}`;
  return of ? `desk.reminder.referral${suffix}` : `desk.reminder.${state}`;
}

/**
 * What a referred caller's badge is of: a referral's acknowledgement until they acknowledged it,
 * then its feedback deadline; the report's own deadline for a caller of the report's channel.
 */
export const referralBadgeOf = (referred: boolean, acknowledged: boolean): ReminderBadgeOf =>
  referred ? (acknowledged ? 'feedback' : true) : false;
