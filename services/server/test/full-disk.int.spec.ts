// The disk fills under a running intake, for real: two small tmpfs filesystems this test mounts
// (as root), one for the event log and one for DATA_DIR's read models and evidence, wired as
// the platform wires them (real SQLite files, the filesystem blob store, the projection runner,
// the locator read model behind receipts). While the data disk is full, reports are still
// acknowledged (the log has room) but the projections cannot apply them and an upload's chunk
// is refused with 507, never acknowledged; then the log's disk fills and submissions and
// messages are refused with 507. Once space is freed, without a restart: every acknowledged
// report opens with its receipt, the desk's inbox lists every one, the upload resumes from the
// offset it is told and completes, and readiness is back.
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import {
  allProjections,
  createProjectionRunner,
  findReportByLocator,
  listQueue,
  openReadModels,
  type ProjectionRunner,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  beginUpload,
  channelId,
  expectProblem,
  type Harness,
  makeEnvelope,
  makeReceipt,
  openSession,
  postJson,
  type Receipt,
  sha256hex,
  startIntake,
  submit,
} from '../../intake/src/test-support/harness.ts';
import { createReadiness, watchStoreFailure } from '../src/health/readiness.ts';

const CHUNK = 64 * 1024;
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

const canMount = process.getuid?.() === 0 && tmpfs('64k') !== undefined;
if (!canMount)
  console.warn('full-disk platform test skipped: it needs root and mount(8) to make a small tmpfs');

/** Takes every free byte of the filesystem at `dir`, as another tenant or a log file would. */
function fill(dir: string): string {
  const file = join(dir, `filler-${randomUUID()}`);
  try {
    writeFileSync(file, Buffer.alloc(64 * 1024 * 1024));
  } catch (error) {
    expect((error as { code?: string }).code).toBe('ENOSPC');
  }
  return file;
}

describe.skipIf(!canMount)('a disk that fills under a running intake (real tmpfs)', () => {
  let h: Harness | undefined;
  let store: EventStore | undefined;
  let runner: ProjectionRunner | undefined;
  let readModels: Database.Database | undefined;
  afterAll(async () => {
    await h?.close();
    await runner?.stop();
    readModels?.close();
    await store?.close();
  });

  it('acknowledges nothing it did not store, and recovers by itself once space is freed', async () => {
    const logDisk = tmpfs('8m')!;
    const dataDisk = tmpfs('4m')!;
    const watched = watchStoreFailure(
      createSqliteEventStore({ file: join(logDisk, 'events.sqlite') }),
    );
    store = watched.store;
    readModels = openReadModels(join(dataDisk, 'read-models.sqlite'), (f) => new Database(f));
    const failures: string[] = [];
    runner = createProjectionRunner({
      store,
      db: readModels,
      projections: allProjections,
      retry: { firstMs: 20, maxMs: 200 },
      onError: (error) => failures.push(String((error as { code?: unknown }).code)),
    });
    await runner.start();
    const db = readModels;
    const blobDir = join(dataDisk, 'blobs');
    mkdirSync(blobDir);
    h = await startIntake({
      store,
      blobStore: createFsBlobStore({ dir: blobDir }),
      config: { maxChunkBytes: CHUNK },
      deps: { findReportByLocator: async (locator) => findReportByLocator(db, locator) },
    });
    const url = h.url;
    const readiness = createReadiness({
      dirs: [dataDisk, blobDir],
      store,
      runner,
      storeFailed: watched.failed,
      cacheMs: 0,
    });
    const acknowledged: { receipt: Receipt; reportId: string }[] = [];
    const report = async () => {
      const receipt = await makeReceipt();
      const envelope = makeEnvelope(receipt);
      const res = await submit(url, envelope);
      if (res.status === 201) acknowledged.push({ receipt, reportId: envelope.reportId });
      return res;
    };
    const inbox = () =>
      listQueue(
        db,
        'inbox',
        { channelIds: [channelId], investigatorId: randomUUID(), now: new Date() },
        { limit: 500 },
      ).map((r) => r.reportId);

    // Before: a whistleblower starts an upload of 4 chunks and sends the first.
    for (let i = 0; i < 3; i++) expect((await report()).status).toBe(201);
    const uploader = acknowledged[0]!;
    const auth = { authorization: `Bearer ${await openSession(url, uploader.receipt)}` };
    const file = await uploader.receipt.attachment(uploader.reportId, randomBytes(3 * CHUNK));
    const size = file.ciphertext.length;
    const upload = await beginUpload(url, auth, file);
    const put = (offset: number) => upload.put(offset, offset + CHUNK);
    const received = upload.received;
    expect((await put(0)).status).toBe(200);
    expect(await readiness()).toEqual({ ready: true, failing: [] });

    // The data disk fills mid-upload: the next chunk is refused, and what the upload says it
    // holds is what is on disk.
    const dataFiller = fill(dataDisk);
    const refusedChunk = await put(CHUNK);
    await expectProblem(refusedChunk, 507, 'storageFull');
    expect(refusedChunk.headers.get('retry-after')).toBeTruthy();
    expect(await received()).toBe(CHUNK);
    expect(statSync(join(blobDir, 'uploads', `${file.attachmentId}.part`)).size).toBe(CHUNK);

    // Reports are still acknowledged (the log has room) until the projections fail for real.
    for (let i = 0; i < 200 && !runner.failing(); i++) expect((await report()).status).toBe(201);
    expect(runner.failing()).toBe(true);
    expect(failures).toContain('SQLITE_FULL');
    expect((await readiness()).failing).toEqual(expect.arrayContaining(['storage', 'projections']));

    // Then the log's disk fills: submissions and messages are refused, never acknowledged.
    // (The WAL may still have room in space it already holds: reports fit until it needs more.)
    const logFiller = fill(logDisk);
    let refused: Response | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await report();
      if (res.status !== 201) refused = res;
    }
    await expectProblem(refused!, 507, 'storageFull');
    const before = (await store.readAll()).length;
    for (let i = 0; i < 3; i++) await expectProblem(await report(), 507, 'storageFull');
    const messageId = randomUUID();
    const message = await postJson(
      `${url}/api/v1/case/messages`,
      {
        messageId,
        envelope: uploader.receipt.message(uploader.reportId, 'are you there?', messageId),
      },
      auth,
    );
    await expectProblem(message, 507, 'storageFull');
    expect((await store.readAll()).length).toBe(before);
    const lagging = acknowledged.length - inbox().length;
    expect(lagging).toBeGreaterThan(0);

    // The operator frees space. No restart: the runner catches up by itself.
    rmSync(logFiller);
    rmSync(dataFiller);
    await expect
      .poll(() => inbox().length, { timeout: 15_000, interval: 50 })
      .toBe(acknowledged.length);
    expect(inbox().sort()).toEqual(acknowledged.map((a) => a.reportId).sort());
    await expect.poll(() => runner!.failing(), { timeout: 5_000 }).toBe(false);
    for (const { receipt } of acknowledged) await openSession(url, receipt);
    expect(await readiness()).toEqual({ ready: true, failing: [] });

    // The upload resumes from the offset it is told and completes; nothing was counted twice.
    let at = await received();
    expect(at).toBe(CHUNK);
    for (; at + CHUNK < size; at += CHUNK) expect((await put(at)).status).toBe(200);
    const last = await put(at);
    expect(last.status).toBe(201);
    expect(await last.json()).toMatchObject({ complete: true, blobId: sha256hex(file.ciphertext) });
    expect(acknowledged.length).toBeGreaterThan(3);
  }, 120_000);
});
