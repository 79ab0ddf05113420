// Recipients' evidence downloads stream from the filesystem blob store intake writes: real
// files in a temp dir, a real desk HTTP server, and a client that holds back.
import { handleReportCommand } from '@integrity-desk/reports';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, type ReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../../intake/src/evidence/fs-blob-store.ts';
import { fakeAttachmentHeader } from '../../reports/src/shared/fixtures.ts';
import type { EvidenceBlobs } from '../src/deps.ts';
import { submitReport, world, type World } from './harness.ts';

const MiB = 1024 * 1024;
const BIG = 64 * MiB;
let dir: string;
let fsStore: ReturnType<typeof createFsBlobStore>;
const opened: ReadStream[] = [];
let w: World;
let reportId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-download-'));
  fsStore = createFsBlobStore({ dir });
  const blobStore: EvidenceBlobs = {
    async readStream(blobId) {
      const blob = await fsStore.readStream(blobId);
      if (blob) opened.push(blob.stream as ReadStream);
      return blob;
    },
  };
  w = await world({ blobStore });
  reportId = await submitReport(w);
}, 60_000);
afterAll(async () => {
  await w.desk.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What intake does: the ciphertext into the blob store, then EvidenceAdded. */
async function storedEvidence(size: number) {
  const uploadId = randomUUID();
  const hash = createHash('sha256');
  await fsStore.begin(uploadId, { size, owner: reportId, note: '' });
  for (let at = 0; at < size; at += 4 * MiB) {
    const piece = randomBytes(Math.min(4 * MiB, size - at));
    hash.update(piece);
    await fsStore.write(uploadId, at, piece);
  }
  const { blobId } = await fsStore.complete(uploadId);
  const evidenceId = randomUUID();
  await handleReportCommand(w.desk.store, reportId, {
    type: 'AddEvidence',
    data: {
      reportId,
      evidenceId,
      blobId,
      paddedSize: size,
      header: fakeAttachmentHeader(reportId, evidenceId),
    },
    metadata: { now: w.desk.clock.now, eventId: randomUUID(), actor: { kind: 'whistleblower' } },
  });
  expect(blobId).toBe(hash.digest('hex'));
  return { evidenceId, blobId, path: join(dir, 'blobs', blobId) };
}

const download = (evidenceId: string) =>
  fetch(`${w.desk.base}/api/reports/${reportId}/evidence/${evidenceId}`, {
    headers: { cookie: w.alice.cookie },
  });

async function readSome(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  hash: ReturnType<typeof createHash>,
  atLeast: number,
) {
  let got = 0;
  while (got < atLeast) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    got += value.byteLength;
  }
  return got;
}

async function settledBytesRead(stream: ReadStream): Promise<number> {
  let last = -1;
  for (let stable = 0, i = 0; stable < 3 && i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    stable = stream.bytesRead === last ? stable + 1 : 0;
    last = stream.bytesRead;
  }
  return last;
}

describe('GET /api/reports/:reportId/evidence/:evidenceId streams', () => {
  it('a 64 MiB blob with its length, read from disk only as fast as the recipient takes it', async () => {
    const { evidenceId, blobId } = await storedEvidence(BIG);
    const res = await download(evidenceId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(BIG));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const reader = res.body!.getReader();
    const hash = createHash('sha256');
    let got = await readSome(reader, hash, MiB);
    expect(await settledBytesRead(opened.at(-1)!)).toBeLessThan(BIG / 4);
    got += await readSome(reader, hash, Infinity);
    expect(got).toBe(BIG);
    expect(hash.digest('hex')).toBe(blobId);
  }, 120_000);

  it('cuts the connection when the file is truncated mid-way, logs the class only, and goes on serving', async () => {
    const { evidenceId, path } = await storedEvidence(BIG);
    const res = await download(evidenceId);
    const reader = res.body!.getReader();
    const hash = createHash('sha256');
    await readSome(reader, hash, MiB);
    await settledBytesRead(opened.at(-1)!);
    truncateSync(path, 2 * MiB);
    await expect(readSome(reader, hash, Infinity)).rejects.toThrow();
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
