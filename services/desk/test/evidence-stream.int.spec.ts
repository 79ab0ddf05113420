// Recipients' evidence downloads stream from the filesystem blob store intake writes: real
// files in a temp dir, a real desk HTTP server, and a client that holds back.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCutWhenTruncated,
  expectHeldBackDownload,
  storeRandomBlob,
  watchedFsBlobStore,
} from '../../intake/src/test-support/blob-streaming.ts';
import { addEvidence, submitReport, world, type World } from './harness.ts';

const MiB = 1024 * 1024;
const BIG = 64 * MiB;
let dir: string;
let fsStore: ReturnType<typeof watchedFsBlobStore>;
let w: World;
let reportId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-download-'));
  // The desk only reads it (EvidenceBlobs); the spec writes through it as intake would.
  fsStore = watchedFsBlobStore(dir);
  w = await world({ blobStore: fsStore });
  reportId = await submitReport(w);
}, 60_000);
afterAll(async () => {
  await w.desk.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What intake does: the ciphertext into the blob store, then EvidenceAdded. */
async function storedEvidence(size: number) {
  const blobId = await storeRandomBlob(fsStore, randomUUID(), size, reportId);
  const evidenceId = await addEvidence(w, reportId, blobId, size);
  return { evidenceId, blobId, path: join(dir, 'blobs', blobId) };
}

const download = (evidenceId: string) =>
  fetch(`${w.desk.base}/api/reports/${reportId}/evidence/${evidenceId}`, {
    headers: { cookie: w.alice.cookie },
  });

describe('GET /api/reports/:reportId/evidence/:evidenceId streams', () => {
  it('a 64 MiB blob with its length, read from disk only as fast as the recipient takes it', async () => {
    const { evidenceId, blobId } = await storedEvidence(BIG);
    await expectHeldBackDownload(await download(evidenceId), fsStore.opened, { blobId, size: BIG });
  }, 120_000);

  it('cuts the connection when the file is truncated mid-way, logs the class only, and goes on serving', async () => {
    const { evidenceId, path } = await storedEvidence(BIG);
    await expectCutWhenTruncated(await download(evidenceId), fsStore.opened, path);
    expect(w.desk.logs.some((l) => l.includes('BlobChangedError'))).toBe(true);
    expect(w.desk.logs.some((l) => l.includes(dir))).toBe(false);
    const again = await storedEvidence(MiB);
    const ok = await download(again.evidenceId);
    expect(ok.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await ok.arrayBuffer()))
        .digest('hex'),
    ).toBe(again.blobId);
  }, 120_000);
});
