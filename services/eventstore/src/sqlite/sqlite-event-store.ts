import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkExpectation, planAppend, type StreamHead } from '../port/append-plan.ts';
import { catchUpSubscription, Commits } from '../port/catch-up.ts';
import { coarseTime } from '../port/coarse-time.ts';
import {
  EventStoreError,
  StoreClosedError,
  StreamDeletedError,
  StreamNotFoundError,
} from '../port/errors.ts';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Json,
  ReadStreamOptions,
  RecordedEvent,
} from '../port/types.ts';
import { GroupCommit, type Outcome } from './group-commit.ts';
import { schema } from './schema.ts';

export interface SqliteEventStoreOptions {
  /** Path of the database file; parent folders are created. */
  readonly file: string;
  readonly now?: () => number;
  /** How often to look for commits made by another process (ms). */
  readonly pollMs?: number;
}

interface AppendJob {
  streamId: string;
  events: readonly EventToAppend[];
  expected: ExpectedRevision;
}

// Rows come back as plain numbers (positions stay far below 2^53) and become bigints here:
// cheaper than asking the driver for bigints on the hot read path.
type Row = [number, string, number, string, string, string, string, number];

const columns = 'position, stream_id, revision, id, type, data, metadata, created';

function toEvent(r: Row): RecordedEvent {
  return {
    position: BigInt(r[0]),
    streamId: r[1],
    revision: BigInt(r[2]),
    id: r[3],
    type: r[4],
    data: JSON.parse(r[5]) as Json,
    metadata: r[6] === '{}' ? {} : (JSON.parse(r[6]) as Json),
    created: r[7],
  };
}

/**
 * The embedded default. Durability: WAL with synchronous=FULL, so a commit is on disk before
 * an append's promise resolves; appends are group-committed, many per fsync.
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  const now = options.now ?? Date.now;
  mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Checkpoint the WAL into the main file every ~80 MB instead of every 4 MB: a checkpoint
  // costs an extra fsync of the database file, and under group commit a batch dirties many pages.
  db.pragma('wal_autocheckpoint = 20000');
  // Purged reports must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  db.exec(schema);
  db.defaultSafeIntegers(true);

  const q = {
    lastRevision: db.prepare('SELECT max(revision) FROM events WHERE stream_id = ?').pluck(),
    deletedHead: db.prepare(
      'SELECT last_revision, tombstoned FROM deleted_streams WHERE stream_id = ?',
    ),
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
    forwards: db
      .prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw()
      .safeIntegers(false),
    backwards: db
      .prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw()
      .safeIntegers(false),
    all: db
      .prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw()
      .safeIntegers(false),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  };

  const readHead = (streamId: string): StreamHead => {
    const live = q.lastRevision.get(streamId) as bigint | null;
    if (live !== null) return { lastRevision: live, deleted: false, tombstoned: false };
    const gone = q.deletedHead.get(streamId) as
      { last_revision: bigint; tombstoned: bigint } | undefined;
    if (!gone) return { lastRevision: undefined, deleted: false, tombstoned: false };
    // A deleted stream that was recreated has live events again and is answered above; its
    // revisions continue after the deleted ones.
    return {
      lastRevision: gone.last_revision < 0n ? undefined : gone.last_revision,
      deleted: true,
      tombstoned: gone.tombstoned === 1n,
    };
  };

  // Runs inside the group's transaction. Everything that can fail for this caller alone
  // (expectation, duplicate ids) is checked before the first write, so a failed append has
  // written nothing and needs no savepoint; a failure after that is an I/O error, which fails
  // the whole group's transaction and every caller in it (nothing is acknowledged).
  const appendOne = (job: AppendJob): AppendResult => {
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
    const created = coarseTime(now());
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
        created,
      );
      position = BigInt(info.lastInsertRowid);
      revision += 1n;
    }
    return { nextExpectedRevision: revision - 1n, position };
  };

  // One transaction for the whole group: one fsync for every append in it.
  const appendBatch = db.transaction((jobs: AppendJob[]): Array<Outcome<AppendResult>> =>
    jobs.map((job) => {
      try {
        return { ok: true, value: appendOne(job) };
      } catch (error) {
        if (error instanceof EventStoreError) return { ok: false, error };
        throw error;
      }
    }),
  );

  const commits = new Commits();
  // BEGIN IMMEDIATE: take the write lock before reading stream heads, so another process
  // writing the same file cannot slip in between our read and our write.
  const group = new GroupCommit<AppendJob, AppendResult>(
    (jobs) => appendBatch.immediate(jobs),
    () => {
      lastDataVersion = q.dataVersion.get() as bigint;
      commits.fire();
    },
  );

  // Another process may append to the same file (e.g. a maintenance script): notice its
  // commits so live subscriptions here still see them.
  let lastDataVersion = q.dataVersion.get() as bigint;
  const poll = setInterval(() => {
    const v = q.dataVersion.get() as bigint;
    if (v !== lastDataVersion) {
      lastDataVersion = v;
      commits.fire();
    }
  }, options.pollMs ?? 250);
  poll.unref();

  let closed = false;
  const guard = () => {
    if (closed) throw new StoreClosedError();
  };

  const readLog = (after: bigint | undefined, maxCount: number): RecordedEvent[] =>
    (q.all.all(after ?? 0n, maxCount) as Row[]).map(toEvent);

  const remove = (streamId: string, expected: ExpectedRevision, tombstone: boolean) => {
    db.transaction(() => {
      const head = readHead(streamId);
      checkExpectation(streamId, expected, head);
      if (!tombstone && (head.lastRevision === undefined || head.deleted))
        throw new StreamNotFoundError(streamId);
      // Rows are really deleted: purging a report must remove its ciphertext from the file.
      q.deleteEvents.run(streamId);
      q.markDeleted.run(streamId, head.lastRevision ?? -1n, tombstone ? 1 : 0);
    }).immediate();
    commits.fire();
  };

  return {
    append(streamId, events, opts = {}) {
      if (closed) return Promise.reject(new StoreClosedError());
      return group.submit({ streamId, events, expected: opts.expectedRevision ?? 'any' });
    },

    async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      guard();
      const head = readHead(streamId);
      if (head.tombstoned) throw new StreamDeletedError(streamId);
      if (head.lastRevision === undefined || head.deleted) throw new StreamNotFoundError(streamId);
      const direction = opts.direction ?? 'forwards';
      const max = BigInt(
        Math.min(opts.maxCount ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      );
      const from = opts.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
      if (direction === 'forwards') {
        const start = from === 'start' ? 0n : from === 'end' ? head.lastRevision + 1n : from;
        return (q.forwards.all(streamId, start, max) as Row[]).map(toEvent);
      }
      const start = from === 'end' ? head.lastRevision : from === 'start' ? 0n : from;
      return (q.backwards.all(streamId, start, max) as Row[]).map(toEvent);
    },

    async readAll(opts = {}) {
      guard();
      return readLog(opts.after, opts.maxCount ?? Number.MAX_SAFE_INTEGER);
    },

    subscribeToAll(opts = {}) {
      guard();
      return catchUpSubscription(readLog, commits, opts, () => !closed);
    },

    async deleteStream(streamId, opts = {}) {
      guard();
      remove(streamId, opts.expectedRevision ?? 'any', false);
    },

    async tombstoneStream(streamId, opts = {}) {
      guard();
      remove(streamId, opts.expectedRevision ?? 'any', true);
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      // Let queued appends finish: acknowledged means durable, and queued means promised.
      await new Promise<void>((r) => setImmediate(r));
      commits.fire();
      db.close();
    },
  };
}
