import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import { prepared } from '../projections/statements.ts';
import type { Recipient } from './decide.ts';
import { FALLBACK_MODE, type NotificationEvent, type NotificationMode } from './events.ts';
import { workOf, type WorkDirectory } from './work.ts';

/**
 * The notifier's state (DATA_DIR/notifications.sqlite): who chose what, who has work waiting
 * since which log position, when each was last written to, how far the log was read, and one
 * row per message sent or being sent, keyed by its derived id. Every desk process on one
 * DATA_DIR opens this same file, so it is also where they agree: a log page is applied by one
 * process only (the checkpoint is re-read inside the write transaction), and a message is sent
 * by the one process that claimed its id (./notifier.ts).
 */
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
);
CREATE TABLE IF NOT EXISTS notifier_sends (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('sending', 'sent')),
  holder TEXT NOT NULL,
  until INTEGER,
  at TEXT NOT NULL
);`;

/** A recipient as the state lists them, with the log position of their first waiting work. */
export interface StoredRecipient extends Recipient {
  readonly pendingPosition: number | null;
}

export type Claim = 'claimed' | 'sent' | 'busy';

/** Sent-records older than this are dropped: no message is decided again after so long. */
const KEEP_SENT_MS = 35 * 86_400_000;

export function notifierState(state: Database.Database, directory: WorkDirectory) {
  state.exec(ddl);
  // State files made before OpenPGP keys, or before positions, were kept.
  const columns = state.prepare('PRAGMA table_info(notifier_people)').all() as { name: string }[];
  for (const [name, type] of [
    ['pgp_key', 'TEXT'],
    ['pending_position', 'INTEGER'],
  ] as const)
    if (!columns.some((c) => c.name === name))
      state.exec(`ALTER TABLE notifier_people ADD COLUMN ${name} ${type}`);

  const checkpoint = () =>
    (
      prepared(state, 'SELECT position FROM notifier_checkpoint').get() as
        { position: number | bigint } | undefined
    )?.position;

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
          `UPDATE notifier_people SET pending_since = coalesce(pending_since, ?),
           pending_position = coalesce(pending_position, ?) WHERE investigator_id = ?`,
        ).run(now.toISOString(), event.position, investigatorId);
    }
  }

  return {
    /** Whether the log was ever read (the first read notifies nobody of history). */
    started: () => checkpoint() !== undefined,
    checkpoint,

    /**
     * Applies one page of the log read after `from`, in one write transaction that first re-reads
     * the checkpoint: events another process applied meanwhile are skipped, never applied twice
     * (twice would mark work waiting again after its message went out).
     */
    applyPage(page: readonly RecordedEvent[], live: boolean, now: Date) {
      state
        .transaction(() => {
          const done = checkpoint();
          let last: bigint | undefined;
          for (const event of page) {
            if (done !== undefined && event.position <= BigInt(done)) continue;
            apply(event, live, now);
            last = event.position;
          }
          if (last !== undefined)
            prepared(
              state,
              'INSERT INTO notifier_checkpoint VALUES (0, ?) ON CONFLICT (k) DO UPDATE SET position = excluded.position',
            ).run(last);
        })
        .immediate();
    },

    markStarted() {
      prepared(state, 'INSERT OR IGNORE INTO notifier_checkpoint VALUES (0, 0)').run();
    },

    recipients(): StoredRecipient[] {
      const fallback = ((
        prepared(state, 'SELECT mode FROM notifier_default').get() as { mode: string } | undefined
      )?.mode ?? FALLBACK_MODE) as NotificationMode;
      return (
        prepared(
          state,
          `SELECT investigator_id AS investigatorId, email, mode, pgp_key AS pgpKey,
                  pending_since AS pendingSince, pending_position AS pendingPosition,
                  last_sent_at AS lastSentAt
           FROM notifier_people WHERE email IS NOT NULL ORDER BY investigator_id`,
        ).all() as (Omit<StoredRecipient, 'mode'> & { mode: NotificationMode | null })[]
      ).map((p) => ({ ...p, mode: p.mode ?? fallback }));
    },

    /**
     * Claims message `id` for `holder` until `now + leaseMs`, atomically across processes:
     * `claimed` (send it), `sent` (someone did: do nothing), `busy` (someone is sending it). A
     * claim left by a process that died before it could say how the send went is taken over once
     * its lease ran out.
     */
    claim(id: string, holder: string, now: Date, leaseMs: number): Claim {
      return state
        .transaction((): Claim => {
          const row = prepared(state, 'SELECT state, until FROM notifier_sends WHERE id = ?').get(
            id,
          ) as { state: 'sending' | 'sent'; until: number | null } | undefined;
          if (row?.state === 'sent') return 'sent';
          if (row && (row.until ?? 0) > now.getTime()) return 'busy';
          prepared(
            state,
            `INSERT INTO notifier_sends (id, state, holder, until, at) VALUES (?, 'sending', ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, until = excluded.until`,
          ).run(id, holder, now.getTime() + leaseMs, now.toISOString());
          return 'claimed';
        })
        .immediate();
    },

    /** The message went out: recorded as sent, and its recipient as told, in one transaction. */
    sent(id: string, investigatorId: string, now: Date) {
      state
        .transaction(() => {
          prepared(
            state,
            `UPDATE notifier_sends SET state = 'sent', until = NULL, at = ? WHERE id = ?`,
          ).run(now.toISOString(), id);
          prepared(
            state,
            `UPDATE notifier_people SET pending_since = NULL, pending_position = NULL,
             last_sent_at = ? WHERE investigator_id = ?`,
          ).run(now.toISOString(), investigatorId);
        })
        .immediate();
    },

    /**
     * Someone sent `person`'s message already: the work it was about is no longer waiting (a
     * no-op when their record says so already; later work, with a later position, stays).
     */
    alreadySent(person: StoredRecipient) {
      if (person.pendingPosition === null) return;
      prepared(
        state,
        `UPDATE notifier_people SET pending_since = NULL, pending_position = NULL
         WHERE investigator_id = ? AND pending_position = ?`,
      ).run(person.investigatorId, person.pendingPosition);
    },

    /** The send failed: the claim goes, so the next run (of any process) tries again. */
    release(id: string, holder: string) {
      prepared(
        state,
        `DELETE FROM notifier_sends WHERE id = ? AND state = 'sending' AND holder = ?`,
      ).run(id, holder);
    },

    prune(now: Date) {
      prepared(state, `DELETE FROM notifier_sends WHERE state = 'sent' AND at < ?`).run(
        new Date(now.getTime() - KEEP_SENT_MS).toISOString(),
      );
    },
  };
}
