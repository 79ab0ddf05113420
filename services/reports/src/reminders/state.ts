import { reminderStates, type ReminderState } from '@integrity-desk/protocol/vocabulary';
import type { DeadlineKind, ReminderStep } from './events.ts';

/**
 * A reminder recorded for a report (a `DeadlineReminderDue` event's deadline, step, due date,
 * and the referral whose deadline it is, for `referral_acknowledgement` and `referral_feedback`).
 */
export interface ReminderMark {
  readonly deadline: DeadlineKind;
  readonly step: ReminderStep;
  readonly dueAt: string;
  readonly referralId?: string;
}

/**
 * What a case shows of its reminders: `due` once the reminder of its open deadline was recorded
 * (the deadline is near), `overdue` once its escalation was (missed, the administrators told);
 * null otherwise. Only the open deadline counts, and only the reminders recorded for its due
 * date: a deadline met, or moved, takes its badge with it. No date arithmetic here: the reminder
 * job decided when each was due (./decide.ts), from the due dates the report's events carry.
 */
export { reminderStates, type ReminderState };

/** A report's deadlines as the queue projection keeps them. */
export interface DeadlineFields {
  readonly isOpen?: boolean;
  readonly ackDueAt: string;
  readonly acknowledgedAt: string | null;
  readonly feedbackDueAt: string | null;
  readonly feedbackGivenAt: string | null;
}

/** The deadlines still to meet, with their due dates: the decider's rule and the badges'. */
export function openDeadlines(row: DeadlineFields): [DeadlineKind, string][] {
  if (row.isOpen === false) return [];
  const open: [DeadlineKind, string][] = [];
  if (row.acknowledgedAt === null) open.push(['acknowledgement', row.ackDueAt]);
  if (row.feedbackGivenAt === null && row.feedbackDueAt !== null)
    open.push(['feedback', row.feedbackDueAt]);
  return open;
}

export function reminderStateOf(
  row: DeadlineFields & { readonly reminders?: readonly ReminderMark[] },
): ReminderState | null {
  let state: ReminderState | null = null;
  for (const [deadline, dueAt] of openDeadlines(row)) {
    const s = markedState(row.reminders, (m) => m.deadline === deadline && m.dueAt === dueAt);
    if (s === 'overdue') return s;
    state ??= s;
  }
  return state;
}

/** A referral's deadlines, as its target channel must meet them. */
export interface ReferralDeadlineFields {
  readonly referralId: string;
  readonly ackDueAt: string;
  /** When the target acknowledged it (absent or null: not yet). */
  readonly acknowledgedAt?: string | null;
  /** The target's own feedback deadline (absent: none known). */
  readonly feedbackDueAt?: string;
  /** When feedback was given for it (absent or null: not yet). */
  readonly feedbackGivenAt?: string | null;
}

/**
 * A referral's deadlines still to meet by its target, with their due dates: its acknowledgement
 * until acknowledged, its feedback until given. The decider's rule and the badges'.
 */
export function openReferralDeadlines(referral: ReferralDeadlineFields): [DeadlineKind, string][] {
  const open: [DeadlineKind, string][] = [];
  if (!referral.acknowledgedAt) open.push(['referral_acknowledgement', referral.ackDueAt]);
  if (!referral.feedbackGivenAt && referral.feedbackDueAt !== undefined)
    open.push(['referral_feedback', referral.feedbackDueAt]);
  return open;
}

/**
 * The same badge for a referral's deadlines by its target (Protocol step 11): `due` once the
 * reminder of an open one (acknowledgement, feedback) was recorded, `overdue` once its
 * escalation was, while the report is open; null otherwise.
 */
export function referralReminderStateOf(
  row: { readonly isOpen?: boolean; readonly reminders?: readonly ReminderMark[] },
  referral: ReferralDeadlineFields,
): ReminderState | null {
  if (row.isOpen === false) return null;
  let state: ReminderState | null = null;
  for (const [deadline, dueAt] of openReferralDeadlines(referral)) {
    const s = markedState(
      row.reminders,
      (m) => m.deadline === deadline && m.referralId === referral.referralId && m.dueAt === dueAt,
    );
    if (s === 'overdue') return s;
    state ??= s;
  }
  return state;
}

function markedState(
  marks: readonly ReminderMark[] | undefined,
  of: (m: ReminderMark) => boolean,
): ReminderState | null {
  let state: ReminderState | null = null;
  for (const mark of marks ?? []) {
    if (!of(mark)) continue;
    if (mark.step === 'escalation') return 'overdue';
    state = 'due';
  }
  return state;
}
