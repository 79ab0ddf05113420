import type { NotificationMode } from './events.ts';

/** An e-mail the desk sends: always one of two fixed texts, nothing of the work itself. */
export interface Notification {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Encrypt `text` to this armored OpenPGP public key before it leaves (the mailer does). */
  readonly pgpKey?: string;
}

/**
 * The only two texts a notification ever has. They name no channel, report, content or time:
 * the message says THAT there is work, or (daily mode) only that the day's message is here,
 * the same text whether or not anything arrived.
 */
export const NOTIFICATION_TEXTS = {
  work: 'There is work waiting for you on the desk. Sign in to see it.\n',
  daily: 'This is your daily message from the desk. Sign in to see whether anything is waiting.\n',
} as const;

export function notificationFor(to: string, mode: NotificationMode, subject: string): Notification {
  return {
    to,
    subject,
    text: mode === 'daily' ? NOTIFICATION_TEXTS.daily : NOTIFICATION_TEXTS.work,
  };
}
