import { notificationModes, type NotificationMode } from '@integrity-desk/protocol/vocabulary';
import { z } from 'zod';

/**
 * Notification settings (issue 14, "Notifications that say nothing"). An investigator's own
 * choice on `notifications-<investigatorId>`; the deployment's default, set by an administrator,
 * on `notification-defaults`. Both are staff data, not whistleblower data.
 *
 * `email` is the one personal datum here: the address the desk writes to, kept plain because the
 * server must read it to send. `null`: no e-mail. `mode`: `immediate` (a message soon after work
 * arrives), `digest` (one a day, only when something arrived), `daily` (one a day whatever
 * happened, so the mail provider cannot tell when reports arrive); `null`: the default.
 * `pgpKey`: the investigator's OpenPGP public key; with it the text is encrypted to that key.
 */
export const notificationsStream = (investigatorId: string) => `notifications-${investigatorId}`;
export const notificationDefaultsStream = 'notification-defaults';

export { notificationModes, type NotificationMode };
/** Without an administrator's choice: one message a day, only when there is work. */
export const FALLBACK_MODE: NotificationMode = 'digest';

const id = z.string().min(1).max(128);
const at = z.iso.datetime();

export const notificationSettingsChangedSchema = z.object({
  type: z.literal('NotificationSettingsChanged'),
  data: z.object({
    investigatorId: id,
    email: z.email().max(254).nullable(),
    mode: z.enum(notificationModes).nullable(),
    /** An OpenPGP public key (armored): messages are then encrypted to it. Public by nature. */
    pgpKey: z
      .string()
      .min(1)
      .max(64_000)
      .regex(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/)
      .optional(),
    changedAt: at,
  }),
});

export const notificationDefaultChangedSchema = z.object({
  type: z.literal('NotificationDefaultChanged'),
  data: z.object({ mode: z.enum(notificationModes), by: id, changedAt: at }),
});

export const notificationEventSchema = z.discriminatedUnion('type', [
  notificationSettingsChangedSchema,
  notificationDefaultChangedSchema,
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;
export type NotificationSettings = z.infer<typeof notificationSettingsChangedSchema>['data'];
