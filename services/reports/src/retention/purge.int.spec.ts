import {
  createMemoryEventStore,
  StreamDeletedError,
  type EventStore,
} from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { allProjections } from '../projections/all.ts';
import { listAuditLog } from '../projections/audit/projection.ts';
import { findReportByLocator } from '../projections/locators/projection.ts';
import { findQueueItem, listQueue, queueCounts } from '../projections/queues/queries.ts';
import { listPendingPurges } from '../projections/retention/projection.ts';
import { readModelRows } from '../projections/read-model-rows.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { IllegalTransitionError } from '../report/errors.ts';
import { handleReportCommand, readReport, reportStream } from '../report/handle.ts';
import type { ReportCommand } from '../report/commands.ts';
import type { Actor } from '../shared/command.ts';
import { fakeLocator, fakeReportLife, fakeUuid } from '../shared/fixtures.ts';
import { purgeStream } from './events.ts';
import type { Timers } from '../shared/timers.ts';
import { startRetentionJob } from './job.ts';
import { createReportPurger, type ErasableBlobs, type UnrecordedBlob } from './purger.ts';

const channelId = fakeUuid('channel');
const alice: Actor = { kind: 'investigator', investigatorId: fakeUuid('alice') };
const ctx = { channelIds: [channelId], investigatorId: fakeUuid('alice'), now: new Date() };

/**
 * Blobs as a set of ids, with the markers of uploads finished but not recorded; `failNext` makes
 * the next erase fail (a crash or an I/O error).
 */
function fakeBlobs() {
  const stored = new Set<string>();
  const uploadsOf = new Set<string>();
  const pending: UnrecordedBlob[] = [];
  let failNext = false;
  const blobs: ErasableBlobs = {
    async erase(blobId) {
      if (failNext) {
        failNext = false;
        throw new Error('disk gone');
      }
      stored.delete(blobId);
    },
    async discardUploads(owner) {
      uploadsOf.delete(owner);
    },
    unrecorded: async (owner) => pending.filter((u) => u.owner === owner),
    async dropUnrecorded(upload, { erase }) {
      pending.splice(pending.indexOf(upload), 1);
      if (erase) stored.delete(upload.blobId);
      return erase;
    },
  };
  return { blobs, stored, uploadsOf, pending, failOnce: () => void (failNext = true) };
}

interface World {
  store: EventStore;
  db: Database.Database;
  runner: ProjectionRunner;
  clock: { now: Date };
  files: ReturnType<typeof fakeBlobs>;
}
const open: World[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) {
    await w.runner.stop();
    w.db.close();
  }
});

async function world(): Promise<World> {
  const store = createMemoryEventStore();
  const db = new Database(':memory:');
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.start();
  const w = {
    store,
    db,
    runner,
    clock: { now: new Date('2026-01-10T09:00:00.000Z') },
    files: fakeBlobs(),
  };
  open.push(w);
  return w;
}

const purgerOf = (w: World) =>
  createReportPurger({
    store: w.store,
    readModels: w.db,
    blobs: w.files.blobs,
    clock: { now: () => w.clock.now },
    ids: { uuid: () => randomUUID() },
    waitForProjections: (p) => w.runner.waitFor(p),
  });

/**
 * The retention job over this world: no retention period, hourly, timers that never fire and
 * errors thrown, unless the test says otherwise.
 */
const jobOf = (w: World, options: Partial<Parameters<typeof startRetentionJob>[0]> = {}) =>
  startRetentionJob({
    purger: purgerOf(w),
    readModels: w.db,
    clock: { now: () => w.clock.now },
    retentionDays: undefined,
    intervalMs: 3_600_000,
    timers: { every: () => ({ stop: () => undefined }) },
    onError: (e) => {
      throw e;
    },
    ...options,
  });

async function command(
  w: World,
  reportId: string,
  c: Pick<ReportCommand, 'type' | 'data'>,
  actor: Actor = alice,
) {
  const result = await handleReportCommand(w.store, reportId, {
    ...c,
    metadata: { now: w.clock.now, eventId: randomUUID(), actor },
  } as ReportCommand);
  if (result.position !== undefined) await w.runner.waitFor(result.position);
  return result;
}

/** A report with evidence (its blob stored), acknowledged and, unless `open`, closed. */
async function report(w: World, opts: { blobId?: string; open?: boolean } = {}) {
  const reportId = randomUUID();
  const blobId = opts.blobId ?? randomUUID().replaceAll('-', '').padEnd(64, '0');
  const life = fakeReportLife(reportId, channelId, { evidenceId: randomUUID(), blobId });
  await command(w, reportId, life.submit, { kind: 'whistleblower' });
  await command(w, reportId, life.addEvidence, { kind: 'whistleblower' });
  w.files.stored.add(blobId);
  w.files.uploadsOf.add(reportId);
  await command(w, reportId, life.acknowledge);
  if (!opts.open) await command(w, reportId, life.close);
  return { reportId, blobId };
}

const dump = readModelRows;

async function rebuilt(store: EventStore) {
  const db = new Database(':memory:');
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.rebuild();
  const rows = dump(db);
  db.close();
  return rows;
}

function expectNothingLeftOf(w: World, reportId: string) {
  expect(findQueueItem(w.db, reportId)).toBeUndefined();
  expect(listQueue(w.db, 'closed', ctx)).toEqual([]);
  expect(Object.values(queueCounts(w.db, ctx).queues).every((n) => n === 0)).toBe(true);
  expect(w.db.prepare('SELECT sum(n) AS n FROM report_queue_counts').get()).toEqual({ n: 0 });
  expect(findReportByLocator(w.db, fakeLocator(reportId))).toBeUndefined();
  expect(listPendingPurges(w.db)).toEqual([]);
  const audit = listAuditLog(w.db);
  expect(audit.filter((e) => e.streamId === reportStream(reportId))).toEqual([]);
  expect(JSON.stringify(dump(w.db))).not.toContain(fakeLocator(reportId));
}

describe('purging a closed report', () => {
  it('erases the blobs of its uploads that finished without a durable EvidenceAdded, unless another report holds the same bytes', async () => {
    const w = await world();
    const shared = (await report(w, { open: true })).blobId;
    const { reportId, blobId } = await report(w);
    const orphan = 'a'.repeat(64);
    for (const id of [orphan, shared]) {
      w.files.stored.add(id);
      w.files.pending.push({
        uploadId: randomUUID(),
        owner: reportId,
        blobId: id,
        completedAt: w.clock.now,
      });
    }
    expect(await purgerOf(w).purge(reportId, alice)).toBe('erased');
    expect([...w.files.stored].sort()).toEqual([shared]);
    expect(w.files.stored.has(blobId)).toBe(false);
    expect(w.files.pending).toEqual([]);
  });

  it('leaves only the record: stream tombstoned, blob erased, read-model rows gone, as a rebuild gives', async () => {
    const w = await world();
    const { reportId, blobId } = await report(w);
    expect(findQueueItem(w.db, reportId)?.status).toBe('closed');
    expect(findReportByLocator(w.db, fakeLocator(reportId))?.reportId).toBe(reportId);

    w.clock.now = new Date('2026-02-01T12:00:00.000Z');
    expect(await purgerOf(w).purge(reportId, alice)).toBe('erased');

    await expect(w.store.readStream(reportStream(reportId))).rejects.toThrow(StreamDeletedError);
    expect((await readReport(w.store, reportId)).state.status).toBe('purged');
    expect(w.files.stored.has(blobId)).toBe(false);
    expect(w.files.uploadsOf.has(reportId)).toBe(false);
    expectNothingLeftOf(w, reportId);
    const record = await w.store.readStream(purgeStream(reportId));
    expect(record.map((e) => [e.type, e.data])).toEqual([
      ['ReportPurged', { reportId, by: fakeUuid('alice'), purgedAt: '2026-02-01T12:00:00.000Z' }],
      ['ReportErased', { reportId, erasedAt: '2026-02-01T12:00:00.000Z' }],
    ]);
    expect(
      listAuditLog(w.db)
        .slice(0, 2)
        .map((e) => [e.streamId, e.type, e.actor]),
    ).toEqual([
      [purgeStream(reportId), 'ReportErased', 'system'],
      [purgeStream(reportId), 'ReportPurged', fakeUuid('alice')],
    ]);
    // Nothing in the log mentions the report but its record.
    const all = await w.store.readAll();
    const mentions = all.filter(
      (e) => JSON.stringify(e.data).includes(reportId) || e.streamId.includes(reportId),
    );
    expect(mentions.map((e) => e.streamId)).toEqual([purgeStream(reportId), purgeStream(reportId)]);
    expect(dump(w.db)).toEqual(await rebuilt(w.store));
  });

  it('keeps a blob that another report references', async () => {
    const w = await world();
    const shared = 'b'.repeat(64);
    const first = await report(w, { blobId: shared });
    const second = await report(w, { blobId: shared, open: true });
    expect(await purgerOf(w).purge(first.reportId, alice)).toBe('erased');
    expect(w.files.stored.has(shared)).toBe(true);
    expect(findQueueItem(w.db, second.reportId)?.status).toBe('acknowledged');
  });

  it('refuses an open report and changes nothing', async () => {
    const w = await world();
    const { reportId, blobId } = await report(w, { open: true });
    const before = await w.store.readAll();
    await expect(purgerOf(w).purge(reportId, alice)).rejects.toThrow(IllegalTransitionError);
    expect(await w.store.readAll()).toEqual(before);
    expect(w.files.stored.has(blobId)).toBe(true);
  });
});

describe('a purge interrupted half way', () => {
  const timers = (): Timers & { fire(): Promise<void> } => {
    const tasks: (() => Promise<void>)[] = [];
    return {
      every: (_ms, task) => {
        tasks.push(task);
        return { stop: () => void tasks.splice(0) };
      },
      fire: async () => void (await Promise.all(tasks.map((t) => t()))),
    };
  };

  it('is finished by the next retention run when erasing failed (nothing half left)', async () => {
    const w = await world();
    const { reportId, blobId } = await report(w);
    w.files.failOnce();
    const errors: unknown[] = [];
    const outcome = await purgerOf(w).purge(reportId, alice, { onError: (e) => errors.push(e) });
    expect(outcome).toBe('pending');
    expect(errors).toHaveLength(1);
    // Decided and recorded: refused to everyone, out of every queue, listed as pending.
    expect((await readReport(w.store, reportId)).state.status).toBe('purged');
    expect(findQueueItem(w.db, reportId)).toBeUndefined();
    expect(listPendingPurges(w.db).map((p) => p.reportId)).toEqual([reportId]);
    expect(w.files.stored.has(blobId)).toBe(true);

    const t = timers();
    const job = jobOf(w, {
      timers: t,
      onError: (e) => errors.push(e),
    });
    expect(await job.run()).toEqual({ finished: 1, purged: 0 });
    await job.stop();
    expect(errors).toHaveLength(1);
    await expect(w.store.readStream(reportStream(reportId))).rejects.toThrow(StreamDeletedError);
    expect(w.files.stored.has(blobId)).toBe(false);
    expectNothingLeftOf(w, reportId);
    expect(dump(w.db)).toEqual(await rebuilt(w.store));
  });

  it('is finished when the process died right after the decision (no record yet)', async () => {
    const w = await world();
    const { reportId, blobId } = await report(w);
    // What a crash leaves: the report stream's ReportPurged, nothing else.
    await command(w, reportId, { type: 'PurgeReport', data: { reportId } });
    expect(listPendingPurges(w.db).map((p) => p.reportId)).toEqual([reportId]);
    // A rebuild in between (e.g. a new projection version) keeps it pending.
    expect((await rebuilt(w.store))['pending_purges']).toHaveLength(1);
    const job = jobOf(w, {
      timers: timers(),
    });
    expect(await job.run()).toEqual({ finished: 1, purged: 0 });
    await job.stop();
    expect(w.files.stored.has(blobId)).toBe(false);
    expectNothingLeftOf(w, reportId);
    // Run again: nothing to do, nothing written.
    const before = await w.store.readAll();
    await purgerOf(w).finish({ reportId, by: 'system', purgedAt: w.clock.now.toISOString() });
    expect(await w.store.readAll()).toEqual(before);
  });
});

describe('a purge interrupted after the tombstone', () => {
  it('only needs its ReportErased, which the next run appends', async () => {
    const w = await world();
    const { reportId, blobId } = await report(w);
    const record = { reportId, by: fakeUuid('alice'), purgedAt: w.clock.now.toISOString() };
    // What a crash between steps 4 and 5 leaves: decided, recorded, erased, tombstoned.
    await command(w, reportId, { type: 'PurgeReport', data: { reportId } });
    const recorded = await w.store.append(
      purgeStream(reportId),
      [{ id: randomUUID(), type: 'ReportPurged', data: record }],
      { expectedRevision: 'no_stream' },
    );
    await w.runner.waitFor(recorded.position);
    await w.files.blobs.erase(blobId);
    await w.store.tombstoneStream(reportStream(reportId));
    expect(listPendingPurges(w.db)).toEqual([record]);
    const job = jobOf(w, {
      retentionDays: 30,
    });
    expect(await job.run()).toEqual({ finished: 1, purged: 0 });
    await job.stop();
    expect((await w.store.readStream(purgeStream(reportId))).map((e) => e.type)).toEqual([
      'ReportPurged',
      'ReportErased',
    ]);
    expectNothingLeftOf(w, reportId);
    expect(dump(w.db)).toEqual(await rebuilt(w.store));
  });
});

describe('the retention job', () => {
  it('purges, at start and then at each interval, the reports closed longer ago than the retention period', async () => {
    const w = await world();
    const DAY = 86_400_000;
    const t0 = Date.parse('2026-01-10T09:00:00.000Z');
    w.clock.now = new Date(t0);
    const old = await report(w);
    w.clock.now = new Date(t0 + 20 * DAY);
    const recent = await report(w);
    const open = await report(w, { open: true });
    // 40 days after the first closing: only it is past 30 days.
    w.clock.now = new Date(t0 + 40 * DAY);
    const tasks: (() => Promise<void>)[] = [];
    const runs: unknown[] = [];
    const job = jobOf(w, {
      retentionDays: 30,
      timers: { every: (_ms, task) => (tasks.push(task), { stop: () => void tasks.splice(0) }) },
      onRun: (r) => runs.push(r),
    });
    await job.run(); // joins the run that started with the job
    expect(runs).toEqual([{ finished: 0, purged: 1 }]);
    expect((await readReport(w.store, old.reportId)).state.status).toBe('purged');
    expect((await readReport(w.store, recent.reportId)).state.status).toBe('closed');

    // Ten more days: the second one is due at the next interval; the open one never is.
    w.clock.now = new Date(t0 + 51 * DAY);
    expect(tasks).toHaveLength(1);
    await tasks[0]!();
    expect(runs).toEqual([
      { finished: 0, purged: 1 },
      { finished: 0, purged: 1 },
    ]);
    expect((await readReport(w.store, recent.reportId)).state.status).toBe('purged');
    expect((await readReport(w.store, open.reportId)).state.status).toBe('acknowledged');
    expect(w.files.stored).toEqual(new Set([open.blobId]));
    // Idempotent: another run finds nothing.
    expect(await job.run()).toEqual({ finished: 0, purged: 0 });
    await job.stop();
    expect(tasks).toHaveLength(0);
  });

  it('without a retention period purges nothing', async () => {
    const w = await world();
    const { reportId } = await report(w);
    w.clock.now = new Date('2036-01-01T00:00:00.000Z');
    const job = jobOf(w, { retentionDays: undefined });
    expect(await job.run()).toEqual({ finished: 0, purged: 0 });
    await job.stop();
    expect((await readReport(w.store, reportId)).state.status).toBe('closed');
  });
});
