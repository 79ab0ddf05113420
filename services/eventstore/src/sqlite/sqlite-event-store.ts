import { catchUpSubscription, Commits } from '../port/catch-up.ts';
import { coarseTime } from '../port/coarse-time.ts';
import {
  ErasurePendingError,
  StoreClosedError,
  StoreFailedError,
  StreamDeletedError,
  StreamNotFoundError,
} from '../port/errors.ts';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  Json,
  ReadStreamOptions,
  RecordedEvent,
} from '../port/types.ts';
import {
  defaultCheckpointTiming,
  startCheckpointer,
  type Checkpointer,
  type CheckpointTiming,
} from './checkpointer.ts';
import { GroupCommit } from './group-commit.ts';
import { AUTOCHECKPOINT_PAGES, openDatabase } from './open-database.ts';
import { streamHeadReader } from './stream-head.ts';
import { openWalSync, type Fsync } from './wal-sync.ts';
import { createWriter, type WriteJob, type WriteResult } from './writer.ts';

export interface SqliteEventStoreOptions {
  /** Path of the database file; parent folders are created. */
  readonly file: string;
  readonly now?: () => number;
  /** How often to look for commits made by another process (ms). */
  readonly pollMs?: number;
  /** Replaces fs.fsync of the WAL: for tests that hold a sync back or make it fail. */
  readonly fsync?: Fsync;
  /** The checkpoint thread's pauses and the WAL's size limit (tests). */
  readonly checkpointTiming?: Partial<CheckpointTiming>;
  /** Told how many appends each group-committed transaction carried (metrics). */
  readonly onBatch?: (appends: number) => void;
}

// Rows come back as plain numbers (positions stay far below 2^53) and become bigints here:
// cheaper than asking the driver for bigints on the hot read path.
type Row = [number, string, number, string, string, string, string, number];

/** How long a tombstone waits for the erasure of its stream's bytes before it says pending (ms). */
const ERASE_WITHIN_MS = 10_000;

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
 * The embedded default. Durability: an append's promise resolves only once its commit is on
 * disk. Appends are group-committed on a write connection (WAL, synchronous=NORMAL: the commit
 * writes, it does not wait for the disk); the WAL is then fsynced on libuv's thread pool while the
 * event loop goes on, and a WAL checkpoint thread copies it into the database file. Reads use a
 * second connection. The log as a whole (readAll, subscriptions: what projections are built
 * from) is served only up to the last durable position, so no read model kept elsewhere can get
 * ahead of the log after a power loss; single-stream reads see a commit a few milliseconds
 * before it is durable, and nothing is acknowledged before it is.
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
      .prepare(
        `SELECT ${columns} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      )
      .raw(),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    // Highest position ever assigned (AUTOINCREMENT): never lowered by a purge.
    lastPosition: db
      .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
      .pluck()
      .safeIntegers(true),
  };

  const commits = new Commits();
  // Writes use their own connection, group-committed: every append issued while the event loop
  // was busy, or while the previous group's fsync ran, is written in the next transaction.
  const writeDb = openDatabase(options.file);
  const timing = { ...defaultCheckpointTiming, ...options.checkpointTiming };
  writeDb.pragma('synchronous = NORMAL');
  writeDb.pragma('wal_autocheckpoint = 0');
  // When the WAL restarts, its file is cut back to the limit, so its size says how much of it
  // is in use once it outgrows that.
  writeDb.pragma(`journal_size_limit = ${timing.limitBytes}`);
  const wal = openWalSync(options.file, options.fsync);
  const readLastPosition = () => (q.lastPosition.get() as bigint | undefined) ?? 0n;
  // Everything in the file at open is treated as durable: openWalSync fsynced the WAL once.
  let durable = readLastPosition();
  /** fsyncs the WAL, then serves the log up to what was committed before the fsync began. */
  const makeDurable = async () => {
    const upTo = readLastPosition();
    if (wal.size() > timing.limitBytes) checkpointer?.catchUp();
    await wal.sync();
    if (upTo > durable) durable = upTo;
  };
  const writes = createWriter(writeDb);
  const writer = new GroupCommit<WriteJob, WriteResult>(
    writes.runBatch,
    makeDurable,
    () => commits.fire(),
    (cause) => new StoreFailedError(cause),
    () => checkpointer?.hold(),
    undefined,
    options.onBatch,
  );

  // The checkpoint thread starts with the first write: a store that is only read needs none.
  // Should it fail, the write connection checkpoints again itself (on the event loop).
  let checkpointer: Checkpointer | undefined;
  const startCheckpointing = () => {
    checkpointer ??= startCheckpointer(
      options.file,
      () => {
        if (!closed) writeDb.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      },
      timing,
    );
  };

  // Another process may append to the same file (e.g. a maintenance script): notice its
  // commits, make sure they are on disk, and let live subscriptions here see them (the sync's
  // afterDurable fires the commit signal). Through the group commit, so a failed sync fails this
  // store too: an fsync that failed once may report success the next time.
  let lastDataVersion = q.dataVersion.get() as number;
  let polling = false;
  const poll = setInterval(() => {
    const v = q.dataVersion.get() as number;
    if (v === lastDataVersion || polling || closed) return;
    lastDataVersion = v;
    polling = true;
    writer.flush().then(
      () => (polling = false),
      () => (polling = false),
    );
  }, options.pollMs ?? 250);
  poll.unref();

  let closed = false;
  const guard = () => {
    if (closed) throw new StoreClosedError();
  };

  const readLog = (after: bigint | undefined, maxCount: number): RecordedEvent[] =>
    (q.all.all(after ?? 0n, durable, maxCount) as Row[]).map(toEvent);

  const submit = (job: WriteJob) => {
    startCheckpointing();
    return writer.submit(job);
  };

  /**
   * A tombstone resolves once the stream's bytes are gone from the file and the WAL: the copy
   * that erases them is retried while other connections are in the way (the checkpoint thread,
   * another process's reader). Past `ERASE_WITHIN_MS` it throws, and the purge that asked stays
   * pending until a later attempt (the retention job) finds nothing owed.
   */
  const erased = async () => {
    const deadline = Date.now() + ERASE_WITHIN_MS;
    for (let pause = 2; !writes.eraseNow(); pause = Math.min(pause * 2, 100)) {
      if (closed || Date.now() > deadline) throw new ErasurePendingError();
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };

  const remove = async (streamId: string, expected: ExpectedRevision, tombstone: boolean) => {
    guard();
    try {
      await submit({ kind: 'remove', streamId, expected, tombstone });
    } finally {
      // Also when the stream was tombstoned already: a purge tried again must find it erased.
      if (tombstone && writes.erasureOwed()) await erased();
    }
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
      return (await submit(job)) as AppendResult;
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
      await checkpointer?.stop();
      wal.close();
      writeDb.close();
      commits.fire();
      db.close();
    },
  };
}
