import type { EventStore, RecordedEvent, Subscription } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import {
  createdObjects,
  withoutIndexes,
  type FoldProjection,
  type Projection,
  type Write,
} from './projection.ts';
import { upcasters } from '../upcasting/upcasters.ts';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** better-sqlite3 database holding the read models (disposable: rebuilt from the log). */
  readonly db: Database.Database;
  readonly projections: readonly Projection[];
  /** Events read per transaction while catching up (default 10,000). */
  readonly batchSize?: number;
  /**
   * Told about each failure of the live loop (a full disk, a store that cannot be read): the
   * runner tries again after a pause that doubles from `retry.firstMs` up to `retry.maxMs`,
   * from its checkpoints, until it has caught up.
   */
  readonly onError?: (error: unknown, retryInMs: number) => void;
  /** Told when the runner follows the log again after one or more failures. */
  readonly onRecovered?: () => void;
  /** Pauses between attempts after a failure (default 100 ms doubling up to 30 s). */
  readonly retry?: { readonly firstMs?: number; readonly maxMs?: number };
}

export interface ProjectionRunner {
  /** Catches up from the stored checkpoints, then follows the log live. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Drops and rebuilds every read model from the start of the log, up to its current end. */
  rebuild(): Promise<void>;
  /** Resolves once every projection has passed this global position. */
  waitFor(position: bigint): Promise<void>;
  /** Lowest checkpoint over all projections (0n before any event). */
  position(): bigint;
  /** Whether the live loop failed and waits to try again (not following the log meanwhile). */
  failing(): boolean;
}

/** Rows per merged INSERT: 100 rows of a few columns stays far below SQLite's 32,766 parameters. */
const MERGE_ROWS = 100;

const mergedSqls = new Map<string, string | undefined>();
/** `INSERT ... VALUES (?, ?)` -> the same with MERGE_ROWS tuples (undefined if not of that shape). */
function mergedSql(sql: string): string | undefined {
  if (!mergedSqls.has(sql)) {
    const m = /^(.*\bVALUES\s*)(\([?,\s]+\))\s*$/is.exec(sql);
    mergedSqls.set(sql, m ? `${m[1]}${Array(MERGE_ROWS).fill(m[2]).join(', ')}` : undefined);
  }
  return mergedSqls.get(sql);
}

/** Events after which deleted read-model rows must leave the WAL too (see apply). */
const erases = (e: RecordedEvent) => e.type === 'ReportPurged' || e.type === 'ReportErased';

/**
 * WAL pages (64 MiB at 4 KiB) after which SQLite checkpoints while a rebuild catches up, instead
 * of its default 1,000. A rebuild's batch rewrites most pages of the tables keyed by random ids
 * (the queue's report ids, the locators, the evidence references), so at 1,000 pages every commit
 * was checkpointed: each version of those pages copied into the file and the file fsynced. With
 * 64 MiB the versions of a page in several batches are copied once per checkpoint.
 */
const REBUILD_AUTOCHECKPOINT_PAGES = 16_384;

const checkpointDdl = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL
)`;

/**
 * Applies projections to the log. Each batch of events is applied in ONE SQLite transaction
 * together with the checkpoint of every projection, so a crash leaves each read model exactly
 * at its checkpoint and a replay changes nothing.
 */
export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { store, db, projections } = options;
  const batchSize = options.batchSize ?? 10_000;
  db.exec(checkpointDdl);
  const readCheckpoint = db.prepare<[string], { version: number; position: number | bigint }>(
    'SELECT version, position FROM projection_checkpoints WHERE name = ?',
  );
  const writeCheckpoint = db.prepare(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
  );
  const statements = new Map<string, Database.Statement>();
  const exec = (sql: string, params: Write['params']) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    s.run(...params);
  };
  // Mergeable one-row INSERTs wait here until a write with other sql (or the end of the
  // projection's part of the batch) and then run MERGE_ROWS rows per statement, in order.
  let pending: Write[] = [];
  const flush = () => {
    const rows = pending;
    pending = [];
    let i = 0;
    const first = rows[0];
    const merged = first && mergedSql(first.sql);
    if (merged)
      for (; rows.length - i >= MERGE_ROWS; i += MERGE_ROWS)
        exec(
          merged,
          rows.slice(i, i + MERGE_ROWS).flatMap((w) => w.params),
        );
    for (; i < rows.length; i++) exec((rows[i] as Write).sql, (rows[i] as Write).params);
  };
  const run = (w: Write) => {
    if (pending.length > 0 && (!w.mergeable || w.sql !== pending[0]?.sql)) flush();
    if (w.mergeable) pending.push(w);
    else exec(w.sql, w.params);
  };

  const positions = new Map<string, bigint>();

  // Indexes are created after a rebuild has caught up: maintaining seven indexes row by row
  // costs several times more than building them once at the end.
  const deferredIndexes = new Set<Projection>();
  const reset = (p: Projection) => {
    db.transaction(() => {
      const { tables, indexes } = createdObjects(p.ddl);
      for (const i of indexes) db.exec(`DROP INDEX IF EXISTS ${i}`);
      for (const t of tables) db.exec(`DROP TABLE IF EXISTS ${t}`);
      db.exec(withoutIndexes(p.ddl));
      writeCheckpoint.run(p.name, p.version, 0);
    })();
    deferredIndexes.add(p);
    statements.clear();
    positions.set(p.name, 0n);
  };

  // A projection seen for the first time, or whose version changed, starts from scratch.
  const load = () => {
    for (const p of projections) {
      const row = readCheckpoint.get(p.name);
      if (!row || row.version !== p.version) reset(p);
      else {
        db.exec(p.ddl);
        positions.set(p.name, BigInt(row.position));
      }
    }
  };

  const minPosition = () => {
    let min: bigint | undefined;
    for (const p of projections) {
      const at = positions.get(p.name) ?? 0n;
      if (min === undefined || at < min) min = at;
    }
    return min ?? 0n;
  };

  const waiters: { position: bigint; resolve: () => void }[] = [];
  const wake = () => {
    const at = minPosition();
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i] as (typeof waiters)[number];
      if (w.position <= at) {
        waiters.splice(i, 1);
        w.resolve();
      }
    }
  };

  const fold = (p: FoldProjection<unknown>, events: readonly RecordedEvent[], from: bigint) => {
    const mine: RecordedEvent[] = [];
    const keys = new Set<string>();
    for (const e of events) {
      if (e.position <= from || !p.canHandle(e)) continue;
      mine.push(e);
      keys.add(p.key(e));
    }
    if (mine.length === 0) return;
    const ordered = [...keys];
    const before = p.load(db, ordered);
    const states = new Map<string, unknown>(before);
    for (const e of mine) {
      const key = p.key(e);
      states.set(key, p.evolve(states.get(key), e));
    }
    const changes = ordered.map((key) => ({
      key,
      before: before.get(key),
      after: states.get(key),
    }));
    for (const w of p.writes(changes)) run(w);
  };

  const applyBatch = db.transaction((events: readonly RecordedEvent[]) => {
    const last = events.at(-1);
    // Nothing left over from a batch that failed half way.
    pending = [];
    if (!last) return;
    for (const p of projections) {
      const from = positions.get(p.name) ?? 0n;
      if (p.kind === 'fold') fold(p, events, from);
      else
        for (const e of events) {
          if (e.position <= from || !p.canHandle(e)) continue;
          for (const w of p.evolve(e)) run(w);
        }
      flush();
      if (last.position > from) writeCheckpoint.run(p.name, p.version, last.position);
    }
  });
  let truncateOwed = false;
  const truncate = () => {
    // Busy (another process's connection checkpointing or reading an older snapshot) is an
    // answer, not an error: the copy is still owed.
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number | bigint }[];
    truncateOwed = Number(result?.busy ?? 1) !== 0;
  };
  const apply = (stored: readonly RecordedEvent[]) => {
    // Every projection reads events in today's shape (services/reports/src/upcasting).
    const events = stored.map(upcasters.upcast);
    const last = events.at(-1);
    if (!last) return;
    const erasing = events.some(erases);
    if (!erasing) applyBatch(events);
    else {
      // A purge deletes a report's rows: zero them, and the pages they free, in the file; then
      // copy the zeroed pages back and empty the WAL, which still holds the pages as they were,
      // now rather than at the next automatic checkpoint. Purges are rare: one checkpoint each.
      const mode = db.pragma('secure_delete', { simple: true }) as number;
      db.pragma('secure_delete = ON');
      try {
        applyBatch(events);
      } finally {
        db.pragma(`secure_delete = ${mode === 2 ? 'FAST' : mode === 1 ? 'ON' : 'OFF'}`);
      }
      // Owed until it succeeds: a checkpoint that fails (a full disk) is run again on resume,
      // one kept busy by another process after the next batch.
      truncateOwed = true;
    }
    if (truncateOwed) truncate();
    // Only after the commit: memory follows the database, never leads it.
    for (const p of projections)
      if (last.position > (positions.get(p.name) ?? 0n)) positions.set(p.name, last.position);
    wake();
  };

  // Set by rebuild while it catches up (also through start, when the runner was running).
  let rebuilding = false;
  const catchUp = async () => {
    const auto = rebuilding
      ? (db.pragma('wal_autocheckpoint', { simple: true }) as number)
      : undefined;
    if (auto !== undefined) db.pragma(`wal_autocheckpoint = ${REBUILD_AUTOCHECKPOINT_PAGES}`);
    try {
      for (;;) {
        const page = await store.readAll({ after: minPosition(), maxCount: batchSize });
        if (page.length === 0) break;
        apply(page);
      }
      for (const p of deferredIndexes) db.exec(p.ddl);
      deferredIndexes.clear();
    } finally {
      if (auto !== undefined) db.pragma(`wal_autocheckpoint = ${auto}`);
    }
    // The rebuild leaves an empty WAL, not up to 64 MiB of pages the file already has.
    if (auto !== undefined) db.pragma('wal_checkpoint(TRUNCATE)');
  };

  let subscription: Subscription | undefined;
  let loop: Promise<void> | undefined;
  let running = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resuming: Promise<void> | undefined;
  const firstRetryMs = options.retry?.firstMs ?? 100;
  const maxRetryMs = options.retry?.maxMs ?? 30_000;

  /**
   * The live loop failed (its batch rolled back, or the log could not be read): try again from
   * the checkpoints after a pause, doubling while it keeps failing. A full disk is freed, a
   * store comes back: the read models catch up by themselves, with no restart.
   */
  const failed = (error: unknown) => {
    const retryInMs = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.min(failures, 30));
    failures += 1;
    options.onError?.(error, retryInMs);
    if (!running) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      resuming = resume().finally(() => (resuming = undefined));
    }, retryInMs);
    retryTimer.unref?.();
  };

  const resume = async () => {
    if (!running) return;
    try {
      // Memory follows the database: whatever committed before the failure counts, nothing else.
      for (const p of projections) {
        const row = readCheckpoint.get(p.name);
        if (row) positions.set(p.name, BigInt(row.position));
      }
      if (truncateOwed) truncate();
      await catchUp();
    } catch (error) {
      failed(error);
      return;
    }
    if (!running) return;
    failures = 0;
    follow(store.subscribeToAll({ after: minPosition() }));
    options.onRecovered?.();
  };

  const follow = (sub: Subscription) => {
    subscription = sub;
    // Events that arrive together are applied together: flush once the iterator has drained
    // what it already holds (setImmediate runs after the microtasks that deliver them).
    let buffer: RecordedEvent[] = [];
    let scheduled = false;
    let broken = false;
    const fail = (error: unknown) => {
      if (broken) return;
      broken = true;
      buffer = [];
      if (subscription === sub) subscription = undefined;
      void sub.close();
      failed(error);
    };
    const flush = () => {
      scheduled = false;
      if (broken) return;
      const events = buffer;
      buffer = [];
      try {
        apply(events);
      } catch (error) {
        fail(error);
      }
    };
    loop = (async () => {
      for await (const event of sub) {
        if (broken) break;
        buffer.push(event);
        if (buffer.length >= batchSize) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      if (buffer.length > 0) flush();
    })().catch(fail);
  };

  const runner: ProjectionRunner = {
    async start() {
      if (running) return;
      load();
      await catchUp();
      running = true;
      follow(store.subscribeToAll({ after: minPosition() }));
    },
    async stop() {
      running = false;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await resuming;
      const sub = subscription;
      subscription = undefined;
      if (sub) await sub.close();
      await loop;
      loop = undefined;
    },
    async rebuild() {
      const wasRunning = running;
      await runner.stop();
      for (const p of projections) reset(p);
      rebuilding = true;
      try {
        if (wasRunning) await runner.start();
        else await catchUp();
      } finally {
        rebuilding = false;
      }
    },
    waitFor(position) {
      if (position <= minPosition()) return Promise.resolve();
      return new Promise((resolve) => {
        waiters.push({ position, resolve });
      });
    },
    position: minPosition,
    failing: () => running && subscription === undefined,
  };
  load();
  return runner;
}

/**
 * Opens (or creates) a read-model database the way the runner expects: WAL, so readers (the
 * desk's queue pages) never wait for the runner's transactions; synchronous=NORMAL, because a
 * read model is disposable and a lost tail is replayed from the checkpoint.
 */
export function openReadModels(file: string, open: (file: string) => Database.Database) {
  const db = open(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros where that costs no extra I/O (FAST: the space freed
  // inside a page that is written anyway); a batch that applies a purge runs with ON, which zeros
  // freed pages too (see apply). ON all the time cost about 10% of a rebuild's CPU (measured:
  // 45.9k/45.8k events per CPU second against 52.0k/46.2k with OFF and 52.5k/48.3k with FAST,
  // 200k events, load 5).
  db.pragma('secure_delete = FAST');
  // 64 MiB of page cache: a rebuild updates rows all over the queue table, and with SQLite's
  // default 2 MiB every batch would re-read its pages.
  db.pragma('cache_size = -65536');
  return db;
}
