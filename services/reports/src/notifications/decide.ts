import type { NotificationMode } from './events.ts';

/** One investigator as the notifier knows them. */
export interface Recipient {
  readonly investigatorId: string;
  readonly email: string;
  /** Armored OpenPGP public key; null: plain text. */
  readonly pgpKey: string | null;
  readonly mode: NotificationMode;
  /** When work arrived that they were not told of yet; null: nothing waiting. */
  readonly pendingSince: string | null;
  /** When they were last sent a message; null: never. */
  readonly lastSentAt: string | null;
}

const DAY = 86_400_000;

/** The start of today's daily slot (`hour` UTC) at or before `now`. */
export function dailySlot(now: Date, hour: number): Date {
  const slot = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  return new Date(slot <= now.getTime() ? slot : slot - DAY);
}

/**
 * Whom to write to at `now`, pure. `immediate`: whoever has work waiting. `digest`: whoever had
 * work waiting at the last daily slot and was not written to since. `daily`: everyone not written
 * to since the last daily slot, work or not (the message then hides when reports arrive).
 */
export function dueNotifications<R extends Recipient>(
  recipients: readonly R[],
  now: Date,
  dailyHour: number,
): R[] {
  const slot = dailySlot(now, dailyHour).getTime();
  const notSinceSlot = (r: Recipient) => r.lastSentAt === null || Date.parse(r.lastSentAt) < slot;
  return recipients.filter((r) => {
    switch (r.mode) {
      case 'immediate':
        return r.pendingSince !== null;
      case 'digest':
        // Work noticed before the last slot: work that arrives later waits for the next one.
        return r.pendingSince !== null && Date.parse(r.pendingSince) < slot && notSinceSlot(r);
      case 'daily':
        return notSinceSlot(r);
    }
  });
}
