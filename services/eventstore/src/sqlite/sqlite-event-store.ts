import { catchUpSubscription, Commits } from '../port/catch-up.ts';
import { coarseTime } from '../port/coarse-time.ts';
import { StoreClosedError, StreamDeletedError, StreamNotFoundError } from '../port/errors.ts';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  Json,
  ReadStreamOptions,
  RecordedEvent,
} from '../port/types.ts';
import { openDatabase } from './open-database.ts';
import { streamHeadReader } from './stream-head.ts';
import { GroupCommit } from './group-commit.ts';
import { createWriter, type WriteJob, type WriteResult } from './writer.ts';

export interface SqliteEventStoreOptions {
  /** Path of the database file; parent folders are created. */
  readonly file: string;
  readonly now?: () => number;
  /** How often to look for commits made by another process (ms). */
  readonly pollMs?: number;
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
 * an append's promise resolves. Appends are group-committed on a write connection; reads use a
 * second connection, which sees every commit that has been acknowledged.
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(options.file);
  const readHead = streamHeadReader(db);
  const q = {
    forwards: db
      .prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(),
    backwards: db
      .prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(),
    all: db
      .prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  };

  const commits = new Commits();
  // Writes use their own connection, group-committed: every append issued while the event loop
  // was busy (including during the previous commit's fsync, since better-sqlite3 is synchronous)
  // is written in the next transaction, one fsync for all of them.
  const writeDb = openDatabase(options.file);
  const writer = new GroupCommit<WriteJob, WriteResult>(createWriter(writeDb).runBatch, () =>
    commits.fire(),
  );

  // Another process may append to the same file (e.g. a maintenance script): notice its
  // commits so live subscriptions here still see them.
  let lastDataVersion = q.dataVersion.get() as number;
  const poll = setInterval(() => {
    const v = q.dataVersion.get() as number;
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

  const remove = async (streamId: string, expected: ExpectedRevision, tombstone: boolean) => {
    guard();
    await writer.submit({ kind: 'remove', streamId, expected, tombstone });
  };

  return {
    async append(streamId, events, opts = {}) {
      guard();
      const created = coarseTime(now());
      const job = {
        kind: 'append',
        streamId,
        events,
        expected: opts.expectedRevision ?? 'any',
        created,
      } as const;
      return (await writer.submit(job)) as AppendResult;
    },

    async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      guard();
      const head = readHead(streamId);
      if (head.tombstoned) throw new StreamDeletedError(streamId);
      if (head.lastRevision === undefined || head.deleted) throw new StreamNotFoundError(streamId);
      const direction = opts.direction ?? 'forwards';
      const max = Math.min(opts.maxCount ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
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

    deleteStream: (streamId, opts = {}) => remove(streamId, opts.expectedRevision ?? 'any', false),

    tombstoneStream: (streamId, opts = {}) =>
      remove(streamId, opts.expectedRevision ?? 'any', true),

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      // Appends already submitted are promised: let the group commit drain before closing.
      await writer.drained();
      writeDb.close();
      commits.fire();
      db.close();
    },
  };
}
