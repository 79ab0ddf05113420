import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Deadline reminders (issue 14): one stream per report, `reminders-<reportId>`, with at most one
 * `DeadlineReminderDue` per deadline (acknowledgement, feedback, and each accepted referral's
 * acknowledgement and feedback by its target channel: `referral_acknowledgement` and
 * `referral_feedback` with its `referralId`) and
 * step (the reminder before it, the escalation once it is missed). The event id is derived from
 * exactly those (report, deadline, referral if any, step), so a
 * restart, a second desk process or the next run appends the same event again, which the store
 * treats as a no-op: nobody is reminded twice. A purge tombstones the stream with the report's
 * own and drops its rows from the audit log.
 *
 * Plain fields only: which report, which deadline and step, when it is due, who is to be told
 * (investigator ids) and as what (assignees, the channel's recipients, administrators). Nothing
 * of the report's content; the report id is already plain on every report event.
 */
export const remindersStream = (reportId: string) => `reminders-${reportId}`;

export const deadlineKinds = [
  'acknowledgement',
  'feedback',
  'referral_acknowledgement',
  'referral_feedback',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
export const reminderSteps = ['reminder', 'escalation'] as const;
export type ReminderStep = (typeof reminderSteps)[number];
export const audiences = ['assignees', 'recipients', 'administrators'] as const;
export type Audience = (typeof audiences)[number];

const id = z.string().min(1).max(128);

export const deadlineReminderDueSchema = z.object({
  type: z.literal('DeadlineReminderDue'),
  data: z.object({
    reportId: id,
    deadline: z.enum(deadlineKinds),
    step: z.enum(reminderSteps),
    dueAt: z.iso.datetime(),
    audience: z.enum(audiences),
    notify: z.array(id).max(1_000),
    /** Which referral's deadline (`referral_*` kinds only; older events lack it). */
    referralId: id.optional(),
  }),
});

export const reminderEventSchema = z.discriminatedUnion('type', [deadlineReminderDueSchema]);
export type ReminderEvent = z.infer<typeof reminderEventSchema>;
export type DeadlineReminderDue = ReminderEvent['data'];

/**
 * The one id of this report's reminder for this deadline (and referral) and step (UUID-shaped
 * SHA-256 prefix). Without a referral the input is what it always was, so the ids of the
 * report's own deadlines never change.
 */
export function reminderEventId(
  reportId: string,
  deadline: DeadlineKind,
  step: ReminderStep,
  referralId?: string,
) {
  const which = referralId === undefined ? deadline : `${deadline}\0${referralId}`;
  const hex = createHash('sha256')
    .update(`integrity-desk/reminder\0${reportId}\0${which}\0${step}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
