import { reminderStates, type ReminderState } from '@integrity-desk/protocol/vocabulary';
import type { DeadlineKind, ReminderStep } from './events.ts';

/** A reminder recorded for a report (a `DeadlineReminderDue` event's deadline, step, due date). */
export interface ReminderMark {
  readonly deadline: DeadlineKind;
  readonly step: ReminderStep;
  readonly dueAt: string;
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
  for (const [deadline, dueAt] of openDeadlines(row))
    for (const mark of row.reminders ?? []) {
      if (mark.deadline !== deadline || mark.dueAt !== dueAt) continue;
      if (mark.step === 'escalation') return 'overdue';
      state = 'due';
    }
  return state;
}
