import { errorClass } from '@integrity-desk/http';
import type { EventStore } from '@integrity-desk/eventstore';
import { startNotifier } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { smtpMailer } from './smtp.ts';

/**
 * Starts the e-mail notifier where SMTP is configured; without it, nothing is sent and nothing
 * fails. Its state (who chose what, who has work waiting, when each was last written to, which
 * messages went out) is one SQLite file under DATA_DIR that every desk process on that DATA_DIR
 * shares, so each message is sent by one of them once (services/reports/src/notifications).
 * A failure is logged by error class only.
 */
export function startEmailNotifications(
  config: Config,
  deps: {
    store: EventStore;
    readModels: Database.Database;
    log: (line: string) => void;
    /** Counts a failed send (the operator's notification_failures_total). */
    onFailure?: () => void;
  },
): { stop(): Promise<void> } | undefined {
  const settings = config.notifications;
  if (!settings) {
    deps.log('notifications: SMTP_HOST is not set, no e-mail is sent');
    return undefined;
  }
  const password =
    settings.smtp.passwordFile === undefined
      ? undefined
      : readFileSync(settings.smtp.passwordFile, 'utf8').trim();
  const mailer = smtpMailer({ ...settings.smtp, password });
  const state = new Database(settings.stateFile);
  state.pragma('journal_mode = WAL');
  const notifier = startNotifier({
    store: deps.store,
    readModels: deps.readModels,
    state,
    mailer,
    clock: { now: () => new Date() },
    subject: settings.subject,
    dailyHour: settings.dailyHour,
    intervalMs: settings.runMs,
    onError: (error) => {
      deps.onFailure?.();
      deps.log(notifierFailureLine(error));
    },
  });
  deps.log(`notifications: e-mail through ${settings.smtp.host}:${settings.smtp.port}`);
  return {
    async stop() {
      await notifier.stop();
      mailer.close();
      state.close();
    },
  };
}

/** The one line a failed notification logs: its error class, nothing of the message or address. */
export const notifierFailureLine = (error: unknown) =>
  `notifications: a message could not be sent, retried (${errorClass(error)})`;
