export * from './events.ts';
export { DEFAULT_REMINDER_LEAD_MS, dueReminders, type DeadlineRow } from './decide.ts';
export { readDeadlineRows, readReminderPeople } from './rows.ts';
export { startReminderJob, type ReminderJob } from './job.ts';
export {
  openDeadlines,
  reminderStateOf,
  reminderStates,
  type ReminderMark,
  type ReminderState,
} from './state.ts';
