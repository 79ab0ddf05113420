export * from './events.ts';
export { dailySlot, dueNotifications, type Recipient } from './decide.ts';
export { NOTIFICATION_TEXTS, notificationFor, type Notification } from './message.ts';
export { readModelDirectory, startNotifier, type Mailer, type NotifierRun } from './notifier.ts';
export { workOf, type WorkDirectory } from './work.ts';
