export * from './events.ts';
export {
  DEFAULT_REMINDER_LEAD_MS,
  dueReferralReminders,
  dueReminders,
  type DeadlineRow,
  type ReferralDeadlineRow,
} from './decide.ts';
export { readDeadlineRows, readReferralDeadlineRows, readReminderPeople } from './rows.ts';
export { runRemindersOnce, startReminderJob, type ReminderJob } from './job.ts';
export {
  openDeadlines,
  openReferralDeadlines,
  referralReminderStateOf,
  reminderStateOf,
  reminderStates,
  type ReferralDeadlineFields,
  type ReminderMark,
  type ReminderState,
} from './state.ts';
