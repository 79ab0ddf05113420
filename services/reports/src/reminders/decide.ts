import { caretakersOf } from '../report/access.ts';
import type { DeadlineReminderDue } from './events.ts';
import { openDeadlines } from './state.ts';

/** What the decider needs of one open report: the queue projection's plain fields. */
export interface DeadlineRow {
  readonly reportId: string;
  /** The channels that may open it (channelsWithAccess): its own, or a referral's target. */
  readonly channelIds: readonly string[];
  readonly ackDueAt: string;
  readonly acknowledgedAt: string | null;
  readonly feedbackDueAt: string | null;
  readonly feedbackGivenAt: string | null;
  /** Investigator ids assigned to the report (none who may open it: the recipients are told). */
  readonly assignees: readonly string[];
}

export interface ReminderPeople {
  /** A channel's current recipients, by channel id. */
  readonly recipientsOf: (channelId: string) => readonly string[];
  /** Active administrators (an escalation goes to them). */
  readonly administrators: readonly string[];
}

export const DEFAULT_REMINDER_LEAD_MS = 2 * 24 * 3_600_000;

/**
 * Which reminders are due at `now`, pure: for each deadline still open (acknowledgement not
 * given, feedback not given), a reminder to the assignees who may open it (or else the
 * recipients of the channels that may: caretakersOf) from `leadMs` before it, and an escalation to the administrators once it
 * has passed. A reminder the job missed (the desk was down) is still due after the deadline:
 * the assignees learn of it as well. Every answer is an event to append with its derived id,
 * so deciding the same reminder again is harmless.
 */
export function dueReminders(
  rows: readonly DeadlineRow[],
  people: ReminderPeople,
  now: Date,
  leadMs: number = DEFAULT_REMINDER_LEAD_MS,
): DeadlineReminderDue[] {
  const due: DeadlineReminderDue[] = [];
  const at = now.getTime();
  for (const row of rows) {
    for (const [deadline, dueAt] of openDeadlines(row)) {
      const dueMs = Date.parse(dueAt);
      if (at < dueMs - leadMs) continue;
      const notify = caretakersOf(row.assignees, row.channelIds, people.recipientsOf);
      const assigned = row.assignees.some((a) => notify.includes(a));
      due.push({
        reportId: row.reportId,
        deadline,
        step: 'reminder',
        dueAt,
        audience: assigned ? 'assignees' : 'recipients',
        notify: [...notify],
      });
      if (at >= dueMs)
        due.push({
          reportId: row.reportId,
          deadline,
          step: 'escalation',
          dueAt,
          audience: 'administrators',
          notify: [...people.administrators].sort(),
        });
    }
  }
  return due;
}
