import type Database from 'better-sqlite3';
import { checkExpectation, planAppend } from '../port/append-plan.ts';
import { EventStoreError, StreamNotFoundError } from '../port/errors.ts';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port/types.ts';
import type { Outcome } from './group-commit.ts';
import { BUSY_TIMEOUT_MS } from './open-database.ts';
import { streamHeadReader } from './stream-head.ts';

/** How long one erasure attempt waits for readers of an older snapshot (ms). */
const ERASE_BUSY_MS = 50;

export type WriteJob =
  | {
      kind: 'append';
      streamId: string;
      events: readonly EventToAppend[];
      expected: ExpectedRevision;
      /** Coarse commit time, chosen by the caller's clock. */
      created: number;
    }
  | { kind: 'remove'; streamId: string; expected: ExpectedRevision; tombstone: boolean };

export type WriteResult = AppendResult | null;

/**
 * Every write to the event log. `runBatch` writes a group of jobs in ONE transaction (one
 * fsync). Everything that can fail for one caller alone (expectation, duplicate ids, missing
 * stream) is checked before that job's first write, so a failed job has written nothing and
 * the rest of the group still commits. Any other failure (I/O) aborts the whole group and
 * nobody in it is acknowledged.
 */
export function createWriter(db: Database.Database): {
  runBatch: (jobs: WriteJob[]) => Array<Outcome<WriteResult>>;
  /** A tombstone's old page images may still be in the WAL or the file: `eraseNow` is owed. */
  erasureOwed: () => boolean;
  /** Tries the owed copy-and-truncate once; true when nothing is owed any more. */
  eraseNow: () => boolean;
} {
  db.defaultSafeIntegers(true);
  const readHead = streamHeadReader(db);
  const q = {
    find: db.prepare('SELECT stream_id, revision FROM events WHERE id = ?'),
    idsAt: db
      .prepare(
        'SELECT id FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      )
      .pluck(),
    eventAt: db.prepare('SELECT position FROM events WHERE stream_id = ? AND revision = ?').pluck(),
    insert: db.prepare(
      'INSERT INTO events (stream_id, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    markDeleted: db.prepare(
      `INSERT INTO deleted_streams (stream_id, last_revision, tombstoned) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, tombstoned = excluded.tombstoned`,
    ),
    deleteEvents: db.prepare('DELETE FROM events WHERE stream_id = ?'),
  };

  const append = (job: Extract<WriteJob, { kind: 'append' }>): AppendResult => {
    const plan = planAppend(
      job.streamId,
      job.events,
      job.expected,
      readHead(job.streamId),
      (id) => {
        const row = q.find.get(id) as { stream_id: string; revision: bigint } | undefined;
        return row && { streamId: row.stream_id, revision: row.revision };
      },
      (sid, from, count) => q.idsAt.all(sid, from, count) as string[],
    );
    if (plan.kind === 'idempotent') {
      const position = q.eventAt.get(job.streamId, plan.lastRevision) as bigint;
      return { nextExpectedRevision: plan.lastRevision, position };
    }
    let revision = plan.firstRevision;
    let position = 0n;
    for (const e of job.events) {
      const info = q.insert.run(
        job.streamId,
        revision,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata ?? {}),
        job.created,
      );
      position = BigInt(info.lastInsertRowid);
      revision += 1n;
    }
    return { nextExpectedRevision: revision - 1n, position };
  };

  const remove = (job: Extract<WriteJob, { kind: 'remove' }>): null => {
    const head = readHead(job.streamId);
    checkExpectation(job.streamId, job.expected, head);
    if (!job.tombstone && (head.lastRevision === undefined || head.deleted)) {
      throw new StreamNotFoundError(job.streamId);
    }
    // Rows are really deleted: purging a report must remove its ciphertext from the file.
    q.deleteEvents.run(job.streamId);
    q.markDeleted.run(job.streamId, head.lastRevision ?? -1n, job.tombstone ? 1 : 0);
    return null;
  };

  const batch = db.transaction((jobs: WriteJob[]): Array<Outcome<WriteResult>> =>
    jobs.map((job) => {
      try {
        return { ok: true, value: job.kind === 'append' ? append(job) : remove(job) };
      } catch (error) {
        if (error instanceof EventStoreError) return { ok: false, error };
        throw error;
      }
    }),
  );

  /**
   * Copies the whole WAL into the file and empties it. False when another connection was in the
   * way: a reader of an older snapshot (waited for briefly, never long enough to stall the event
   * loop), or a checkpoint running elsewhere (the checkpoint thread, another process), which
   * SQLite reports as busy at once and without an error.
   */
  const truncateWal = (): boolean => {
    db.pragma(`busy_timeout = ${ERASE_BUSY_MS}`);
    try {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number | bigint }[];
      return Number(result?.busy ?? 1) === 0;
    } finally {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  };

  let truncateOwed = false;
  const eraseNow = (): boolean => {
    try {
      if (truncateOwed && truncateWal()) truncateOwed = false;
    } catch {
      // The copy failed (a database file that cannot grow on a full disk): still owed.
    }
    return !truncateOwed;
  };

  // BEGIN IMMEDIATE: take the write lock before reading stream heads, so another process
  // writing the same file cannot slip in between our read and our write.
  return {
    runBatch: (jobs) => {
      const outcomes = batch.immediate(jobs);
      // secure_delete zeroed a tombstoned stream's rows in the pages the delete wrote, but the
      // WAL still holds those pages as they were, and so does the main file until the next
      // checkpoint: copy the zeroed pages back and truncate the WAL now. A tombstone (a purge)
      // is rare; this costs one checkpoint each. When it cannot complete now, it stays owed and
      // is tried again after every batch and by the tombstone's caller (sqlite-event-store).
      // The batch is committed whatever happens here: its callers must hear so.
      if (jobs.some((j, i) => j.kind === 'remove' && j.tombstone && outcomes[i]?.ok))
        truncateOwed = true;
      eraseNow();
      return outcomes;
    },
    erasureOwed: () => truncateOwed,
    eraseNow,
  };
}
