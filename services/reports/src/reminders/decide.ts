import { caretakersOf } from '../report/access.ts';
import type { DeadlineReminderDue } from './events.ts';
import { openDeadlines, openReferralDeadlines, type ReferralDeadlineFields } from './state.ts';

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
  /**
   * A referral handed the case over (its own channel may no longer open it): the target is
   * reminded of the report's acknowledgement still owed, not of the report's feedback deadline
   * (the target's is its referral's). Absent: not handed over.
   */
  readonly handedOver?: boolean;
}

/**
 * An accepted referral of an open report with a deadline of its target channel still to meet:
 * the referrals projection's plain fields (SECURITY.md, Protocol step 11).
 */
export interface ReferralDeadlineRow extends ReferralDeadlineFields {
  readonly reportId: string;
  readonly toChannelId: string;
  /** Investigator ids assigned to the report (only the target's are told). */
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
  return rows.flatMap((row) =>
    openDeadlines(row)
      .filter(([deadline]) => !(row.handedOver && deadline === 'feedback'))
      .flatMap(([deadline, dueAt]) =>
        stepsDue({ reportId: row.reportId, deadline, dueAt }, row, people, now, leadMs),
      ),
  );
}

/**
 * The same rule for each referral's deadlines by its target channel (Protocol step 11): its
 * acknowledgement until the target acknowledged it (`referral_acknowledgement`), its feedback
 * until given (`referral_feedback`: the target owns that deadline, kept access or handed over).
 * The reminder goes to the report's assignees who are the target's recipients, else all of the
 * target's recipients (never the source's: a hand-over took their access), from `leadMs` before
 * the target's own deadline, and the escalation to the administrators once it has passed. The
 * rows are the referrals of open reports with a deadline still to meet
 * (readReferralDeadlineRows): once it is met, or the report closed, nothing more is due.
 */
export function dueReferralReminders(
  rows: readonly ReferralDeadlineRow[],
  people: ReminderPeople,
  now: Date,
  leadMs: number = DEFAULT_REMINDER_LEAD_MS,
): DeadlineReminderDue[] {
  return rows.flatMap((row) =>
    openReferralDeadlines(row).flatMap(([deadline, dueAt]) =>
      stepsDue(
        { reportId: row.reportId, deadline, dueAt, referralId: row.referralId },
        { assignees: row.assignees, channelIds: [row.toChannelId] },
        people,
        now,
        leadMs,
      ),
    ),
  );
}

type Which = Pick<DeadlineReminderDue, 'reportId' | 'deadline' | 'dueAt' | 'referralId'>;

/** One deadline's reminder from `leadMs` before it, and its escalation once it has passed. */
function stepsDue(
  which: Which,
  who: { readonly assignees: readonly string[]; readonly channelIds: readonly string[] },
  people: ReminderPeople,
  now: Date,
  leadMs: number,
): DeadlineReminderDue[] {
  const at = now.getTime();
  const dueMs = Date.parse(which.dueAt);
  if (at < dueMs - leadMs) return [];
  const notify = caretakersOf(who.assignees, who.channelIds, people.recipientsOf);
  const assigned = who.assignees.some((a) => notify.includes(a));
  // Fields in the order events always had them, the referral (if any) last.
  const { reportId, deadline, dueAt, referralId } = which;
  const event = (
    step: DeadlineReminderDue['step'],
    audience: DeadlineReminderDue['audience'],
    to: readonly string[],
  ) => ({
    reportId,
    deadline,
    step,
    dueAt,
    audience,
    notify: [...to],
    ...(referralId !== undefined && { referralId }),
  });
  const due = [event('reminder', assigned ? 'assignees' : 'recipients', notify)];
  if (at >= dueMs)
    due.push(event('escalation', 'administrators', [...people.administrators].sort()));
  return due;
}
