// Evidence downloads stream from the filesystem blob store: a real HTTP server, real files in a
// temp dir, and a client that holds back to show the server reads only as fast as it sends.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWhistleblowerEvidence } from '../http-domain/reports.ts';
import {
  expectCutWhenTruncated,
  expectHeldBackDownload,
  readSome,
  storeRandomBlob,
  watchedFsBlobStore,
} from '../test-support/blob-streaming.ts';
import {
  expectProblem,
  makeEnvelope,
  makeReceipt,
  manualTimers,
  openSession,
  startIntake,
  submit,
  type Harness,
  type Receipt,
} from '../test-support/harness.ts';

const MiB = 1024 * 1024;
const timers = manualTimers();
const BIG = 64 * MiB;

let dir: string;
let h: Harness;
let wb: Receipt;
let reportId: string;
let token: string;
/** The file streams the server opened, to see how far it has read. */
let opened: ReturnType<typeof watchedFsBlobStore>['opened'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intake-download-'));
  const blobStore = watchedFsBlobStore(dir);
  opened = blobStore.opened;
  h = await startIntake({ blobStore, deps: { timers } });
  wb = await makeReceipt();
  const envelope = makeEnvelope(wb);
  reportId = envelope.reportId;
  expect((await submit(h.url, envelope)).status).toBe(201);
  token = await openSession(h.url, wb);
}, 60_000);
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A finished blob of `size` random bytes referenced by an EvidenceAdded of this report. */
async function storedEvidence(size: number) {
  const { attachmentId, header } = await wb.attachment(reportId, randomBytes(10));
  const blobId = await storeRandomBlob(h.blobStore, attachmentId, size, reportId);
  await addWhistleblowerEvidence(h.store, {
    reportId,
    evidenceId: attachmentId,
    blobId,
    paddedSize: header.paddedSize,
    header,
    now: h.clock.now(),
  });
  return { evidenceId: attachmentId, blobId, path: join(dir, 'blobs', blobId) };
}

const download = (evidenceId: string) =>
  fetch(`${h.url}/api/v1/case/evidence/${evidenceId}/blob`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('GET /api/v1/case/evidence/:id/blob streams', () => {
  it('a 64 MiB blob with its length: while the client holds back the server has read a few MiB, and the bytes arrive identical', async () => {
    const { evidenceId, blobId } = await storedEvidence(BIG);
    const stream = await expectHeldBackDownload(await download(evidenceId), opened, {
      blobId,
      size: BIG,
    });
    expect(stream.bytesRead).toBe(BIG);
  }, 120_000);

  it('to the end even when the blob file is unlinked mid-way (it was open)', async () => {
    const { evidenceId, blobId, path } = await storedEvidence(16 * MiB);
    const res = await download(evidenceId);
    const reader = res.body!.getReader();
    const hash = createHash('sha256');
    let got = await readSome(reader, hash, MiB);
    unlinkSync(path);
    got += await readSome(reader, hash, Infinity);
    expect(got).toBe(16 * MiB);
    expect(hash.digest('hex')).toBe(blobId);
  }, 120_000);

  it('cuts the connection when the file is truncated mid-way: no short success, no crash, no path in the log', async () => {
    const { evidenceId, path } = await storedEvidence(BIG);
    await expectCutWhenTruncated(await download(evidenceId), opened, path);
    // Counted, and written with the hourly counts.
    await timers.fire();
    const logs = h.logs.join('');
    expect(logs).toContain('"error":"BlobChangedError"');
    expect(logs).not.toContain(dir);
    expect((await fetch(`${h.url}/api/v1/deployment`)).status).toBe(200);
  }, 120_000);

  it('answers a blob missing from disk with the fixed 404 problem, naming no path', async () => {
    const { evidenceId, path } = await storedEvidence(MiB);
    unlinkSync(path);
    const res = await download(evidenceId);
    const p = await expectProblem(res, 404, 'uploadNotFound');
    expect(JSON.stringify(p.body)).not.toContain(dir);
  });
});
