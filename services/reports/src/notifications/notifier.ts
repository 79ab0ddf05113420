import type { EventStore, RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import { prepared } from '../projections/statements.ts';
import { startPeriodic, systemTimers, type Timers } from '../shared/timers.ts';
import { dueNotifications, type Recipient } from './decide.ts';
import { FALLBACK_MODE, type NotificationEvent, type NotificationMode } from './events.ts';
import { notificationFor, type Notification } from './message.ts';
import { workOf, type WorkDirectory } from './work.ts';

/** Sends one e-mail; rejects when it could not be handed to the mail server. */
export interface Mailer {
  send(message: Notification & { readonly date: Date }): Promise<void>;
}

const ddl = `
CREATE TABLE IF NOT EXISTS notifier_checkpoint (k INTEGER PRIMARY KEY CHECK (k = 0), position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS notifier_default (k INTEGER PRIMARY KEY CHECK (k = 0), mode TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notifier_people (
  investigator_id TEXT PRIMARY KEY,
  email TEXT,
  pgp_key TEXT,
  mode TEXT,
  pending_since TEXT,
  last_sent_at TEXT
);`;

export interface NotifierRun {
  readonly sent: number;
  readonly failed: number;
}

/**
 * The notifier: at start and every `intervalMs`, reads the events appended since its checkpoint
 * (its own tables in `state`), notes who has work waiting (./work.ts) and who chose what, and
 * sends the messages due (./decide.ts) through `mailer`, each one of two fixed texts. On its very
 * first run it only reads the log to its end (settings), so history notifies nobody. A failed
 * send goes to `onError` (the caller logs its class) and is retried at the next run; nothing here
 * is on a command's path, so a slow or broken mail server never delays casework.
 *
 * Its state is per process: run it in one desk process (the one given SMTP settings).
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
}) {
  const { state } = options;
  state.exec(ddl);
  // State files made before OpenPGP keys were kept.
  const columns = state.prepare('PRAGMA table_info(notifier_people)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'pgp_key'))
    state.exec('ALTER TABLE notifier_people ADD COLUMN pgp_key TEXT');
  const directory = readModelDirectory(options.readModels);

  const checkpoint = () =>
    (
      prepared(state, 'SELECT position FROM notifier_checkpoint').get() as
        { position: number | bigint } | undefined
    )?.position;
  const defaultMode = () =>
    ((prepared(state, 'SELECT mode FROM notifier_default').get() as { mode: string } | undefined)
      ?.mode ?? FALLBACK_MODE) as NotificationMode;

  function apply(event: RecordedEvent, live: boolean, now: Date) {
    if (event.type === 'NotificationSettingsChanged') {
      const d = (event as unknown as NotificationEvent & { type: 'NotificationSettingsChanged' })
        .data;
      prepared(
        state,
        `INSERT INTO notifier_people (investigator_id, email, mode, pgp_key) VALUES (?, ?, ?, ?)
         ON CONFLICT (investigator_id) DO UPDATE
         SET email = excluded.email, mode = excluded.mode, pgp_key = excluded.pgp_key`,
      ).run(d.investigatorId, d.email, d.mode, d.pgpKey ?? null);
    } else if (event.type === 'NotificationDefaultChanged') {
      prepared(
        state,
        'INSERT INTO notifier_default VALUES (0, ?) ON CONFLICT (k) DO UPDATE SET mode = excluded.mode',
      ).run((event.data as { mode: string }).mode);
    } else if (event.type === 'InvestigatorDeactivated') {
      prepared(state, 'DELETE FROM notifier_people WHERE investigator_id = ?').run(
        (event.data as { investigatorId: string }).investigatorId,
      );
    } else if (live) {
      for (const investigatorId of workOf(event, directory))
        prepared(
          state,
          `UPDATE notifier_people SET pending_since = coalesce(pending_since, ?) WHERE investigator_id = ?`,
        ).run(now.toISOString(), investigatorId);
    }
  }

  async function readNewEvents(now: Date) {
    const from = checkpoint();
    const live = from !== undefined;
    let after = from === undefined ? undefined : BigInt(from);
    for (;;) {
      const page = await options.store.readAll({
        ...(after !== undefined && { after }),
        maxCount: 1_000,
      });
      if (page.length === 0) break;
      state.transaction(() => {
        for (const event of page) apply(event, live, now);
        after = page[page.length - 1]!.position;
        prepared(
          state,
          'INSERT INTO notifier_checkpoint VALUES (0, ?) ON CONFLICT (k) DO UPDATE SET position = excluded.position',
        ).run(after);
      })();
    }
    if (after === undefined)
      prepared(state, 'INSERT OR IGNORE INTO notifier_checkpoint VALUES (0, 0)').run();
  }

  async function once(stopping: () => boolean): Promise<NotifierRun> {
    const now = options.clock.now();
    await readNewEvents(now);
    const fallback = defaultMode();
    const people = (
      prepared(
        state,
        `SELECT investigator_id AS investigatorId, email, mode, pgp_key AS pgpKey,
                pending_since AS pendingSince,
                last_sent_at AS lastSentAt
         FROM notifier_people WHERE email IS NOT NULL ORDER BY investigator_id`,
      ).all() as (Omit<Recipient, 'mode'> & { mode: NotificationMode | null })[]
    ).map((p) => ({ ...p, mode: p.mode ?? fallback }));
    let sent = 0;
    let failed = 0;
    // The Date header says the hour, not the minute.
    const date = new Date(now.getTime() - (now.getTime() % 3_600_000));
    for (const person of dueNotifications(people, now, options.dailyHour)) {
      if (stopping()) break;
      try {
        await options.mailer.send({
          ...notificationFor(person.email, person.mode, options.subject),
          ...(person.pgpKey !== null && { pgpKey: person.pgpKey }),
          date,
        });
        prepared(
          state,
          'UPDATE notifier_people SET pending_since = NULL, last_sent_at = ? WHERE investigator_id = ?',
        ).run(now.toISOString(), person.investigatorId);
        sent += 1;
      } catch (error) {
        failed += 1;
        options.onError(error);
      }
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
      if (assignees.length > 0) return assignees;
      const row = prepared(db, 'SELECT channel_id AS c FROM report_queue WHERE report_id = ?').get(
        reportId,
      ) as { c: string } | undefined;
      return row ? recipientsOf(row.c) : [];
    },
  };
}
