import type { EventStore } from '@integrity-desk/eventstore';
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { channelsThatMayOpen } from '../projections/queues/queries.ts';
import { prepared } from '../projections/statements.ts';
import { caretakersOf } from '../report/access.ts';
import { startPeriodic, systemTimers, type Timers } from '../shared/timers.ts';
import { dailySlot, dueNotifications } from './decide.ts';
import { notificationFor, type Notification } from './message.ts';
import { notifierState, type StoredRecipient } from './state.ts';
import type { WorkDirectory } from './work.ts';

/** Sends one e-mail; rejects when it could not be handed to the mail server. */
export interface Mailer {
  send(message: Notification & { readonly date: Date }): Promise<void>;
}

export interface NotifierRun {
  readonly sent: number;
  readonly failed: number;
}

/** How long a claimed message stays another process's to send (nodemailer gives up sooner). */
export const SEND_LEASE_MS = 10 * 60_000;

/**
 * The one id of a message: to whom, about which waiting work (the log position of the first
 * event that gave it) or, in daily mode, which day's slot. Every process derives the same id for
 * the same message, so the claim in the shared state (./state.ts) lets only one send it.
 */
export function messageId(person: StoredRecipient, slot: Date): string {
  const about =
    person.mode === 'daily'
      ? `daily\0${slot.toISOString()}`
      : `work\0${person.pendingPosition ?? person.pendingSince ?? ''}`;
  return createHash('sha256')
    .update(`integrity-desk/notification\0${person.investigatorId}\0${about}`)
    .digest('base64url');
}

/**
 * The notifier: at start and every `intervalMs`, reads the events appended since its checkpoint
 * (its own tables in `state`), notes who has work waiting (./work.ts) and who chose what, and
 * sends the messages due (./decide.ts) through `mailer`, each one of two fixed texts. On its very
 * first run it only reads the log to its end (settings), so history notifies nobody. A failed
 * send goes to `onError` (the caller logs its class) and is retried at the next run; nothing here
 * is on a command's path, so a slow or broken mail server never delays casework.
 *
 * Any number of desk processes may run it on one state file (DATA_DIR/notifications.sqlite):
 * each message is claimed by its derived id before it is sent and recorded as sent after, in
 * that file, so a second process, a restart or the next run never sends it again. The one gap
 * SMTP leaves: a process killed after the server took a message and before the record (a few
 * milliseconds) leaves a claim that another takes over when its lease ends, and sends again.
 */
export function startNotifier(options: {
  readonly store: EventStore;
  readonly readModels: Database.Database;
  readonly state: Database.Database;
  readonly mailer: Mailer;
  readonly clock: { now(): Date };
  readonly subject: string;
  /** The UTC hour of the daily message and digest. */
  readonly dailyHour: number;
  readonly intervalMs: number;
  readonly timers?: Timers;
  readonly onError: (error: unknown) => void;
  /** How long a claim holds before another process may take the message over. */
  readonly leaseMs?: number;
}) {
  const state = notifierState(options.state, readModelDirectory(options.readModels));
  const holder = randomUUID();
  const leaseMs = options.leaseMs ?? SEND_LEASE_MS;

  async function readNewEvents(now: Date) {
    const from = state.checkpoint();
    const live = from !== undefined;
    let after = from === undefined ? undefined : BigInt(from);
    for (;;) {
      const page = await options.store.readAll({
        ...(after !== undefined && { after }),
        maxCount: 1_000,
      });
      if (page.length === 0) break;
      state.applyPage(page, live, now);
      after = page[page.length - 1]!.position;
    }
    if (!live) state.markStarted();
  }

  async function once(stopping: () => boolean): Promise<NotifierRun> {
    const now = options.clock.now();
    await readNewEvents(now);
    state.prune(now);
    let sent = 0;
    let failed = 0;
    // The Date header says the hour, not the minute.
    const date = new Date(now.getTime() - (now.getTime() % 3_600_000));
    const slot = dailySlot(now, options.dailyHour);
    const due = dueNotifications(state.recipients(), now, options.dailyHour);
    for (const person of due) {
      if (stopping()) break;
      const id = messageId(person, slot);
      const claim = state.claim(id, holder, now, leaseMs);
      if (claim === 'sent' && person.mode !== 'daily') state.alreadySent(person);
      if (claim !== 'claimed') continue;
      try {
        await options.mailer.send({
          ...notificationFor(person.email, person.mode, options.subject),
          ...(person.pgpKey !== null && { pgpKey: person.pgpKey }),
          date,
        });
      } catch (error) {
        state.release(id, holder);
        failed += 1;
        options.onError(error);
        continue;
      }
      state.sent(id, person.investigatorId, now);
      sent += 1;
    }
    return { sent, failed };
  }

  const none: NotifierRun = { sent: 0, failed: 0 };
  return startPeriodic(
    (stopping) =>
      once(stopping).catch((error: unknown) => {
        options.onError(error);
        return none;
      }),
    { intervalMs: options.intervalMs, timers: options.timers ?? systemTimers, idle: none },
  );
}

/** Recipients and assignees as the read models list them. */
export function readModelDirectory(db: Database.Database): WorkDirectory {
  const recipientsOf = (channelId: string) =>
    (
      prepared(
        db,
        'SELECT investigator_id AS id FROM staff_channel_recipients WHERE channel_id = ?',
      ).all(channelId) as { id: string }[]
    ).map((r) => r.id);
  return {
    recipientsOf,
    caretakersOf(reportId) {
      const assignees = (
        prepared(db, 'SELECT investigator_id AS id FROM report_assignees WHERE report_id = ?').all(
          reportId,
        ) as { id: string }[]
      ).map((r) => r.id);
      return caretakersOf(assignees, channelsThatMayOpen(db, reportId), recipientsOf);
    },
  };
}
