/**
 * Test helpers for evidence downloads, shared by intake's and the desk's streaming specs (both
 * send from this filesystem blob store through services/http's sendBlob): the store with the
 * file streams it opened in view, a finished blob of random bytes, and a client that holds back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { truncateSync, type ReadStream } from 'node:fs';
import { expect } from 'vitest';
import type { BlobStore } from '../evidence/blob-store.ts';
import { createFsBlobStore } from '../evidence/fs-blob-store.ts';

const MiB = 1024 * 1024;

/** The filesystem blob store under `dir`, keeping every file stream it opens in `opened`. */
export function watchedFsBlobStore(dir: string): BlobStore & { opened: ReadStream[] } {
  const store = createFsBlobStore({ dir });
  const opened: ReadStream[] = [];
  return {
    ...store,
    opened,
    async readStream(blobId) {
      const blob = await store.readStream(blobId);
      if (blob) opened.push(blob.stream as ReadStream);
      return blob;
    },
  };
}

/**
 * Uploads `size` random bytes (4 MiB at a time) and completes them: what intake does with a
 * whistleblower's ciphertext. Returns the blob id, after checking it is the bytes' SHA-256.
 */
export async function storeRandomBlob(
  store: BlobStore,
  uploadId: string,
  size: number,
  owner: string,
): Promise<string> {
  const hash = createHash('sha256');
  await store.begin(uploadId, { size, owner, note: '' });
  for (let at = 0; at < size; at += 4 * MiB) {
    const piece = randomBytes(Math.min(4 * MiB, size - at));
    hash.update(piece);
    await store.write(uploadId, at, piece);
  }
  const { blobId } = await store.complete(uploadId);
  if (blobId !== hash.digest('hex')) throw new Error('the blob id is not the SHA-256 of its bytes');
  return blobId;
}

/** Reads at least `atLeast` bytes of the body into `hash`; returns how many it read. */
export async function readSome(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  hash: ReturnType<typeof createHash>,
  atLeast: number,
): Promise<number> {
  let got = 0;
  while (got < atLeast) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    got += value.byteLength;
  }
  return got;
}

/** Waits until the server's file stream stops advancing (the socket is full), then reads it. */
export async function settledBytesRead(stream: ReadStream): Promise<number> {
  let last = -1;
  for (let stable = 0, i = 0; stable < 3 && i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    stable = stream.bytesRead === last ? stable + 1 : 0;
    last = stream.bytesRead;
  }
  return last;
}

/**
 * A download as both services send it (services/http's sendBlob): 200 with the blob's length,
 * not cached, as bytes; while the client holds back after 1 MiB the server has read less than a
 * quarter of the file (socket buffers and stream high-water marks hold a few MiB); then every
 * byte arrives, their SHA-256 the blob id. Returns the server's file stream.
 */
export async function expectHeldBackDownload(
  res: Response,
  opened: readonly ReadStream[],
  blob: { readonly blobId: string; readonly size: number },
): Promise<ReadStream> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-length')).toBe(String(blob.size));
  expect(res.headers.get('content-type')).toBe('application/octet-stream');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const reader = res.body!.getReader();
  const hash = createHash('sha256');
  let got = await readSome(reader, hash, MiB);
  const stream = opened.at(-1)!;
  expect(await settledBytesRead(stream)).toBeLessThan(blob.size / 4);
  got += await readSome(reader, hash, Infinity);
  expect(got).toBe(blob.size);
  expect(hash.digest('hex')).toBe(blob.blobId);
  return stream;
}

/**
 * The file at `path` cut to 2 MiB while its download is held back after 1 MiB: the rest of the
 * body fails (the connection is cut), never a short success.
 */
export async function expectCutWhenTruncated(
  res: Response,
  opened: readonly ReadStream[],
  path: string,
): Promise<void> {
  const reader = res.body!.getReader();
  const hash = createHash('sha256');
  await readSome(reader, hash, MiB);
  await settledBytesRead(opened.at(-1)!);
  truncateSync(path, 2 * MiB);
  await expect(readSome(reader, hash, Infinity)).rejects.toThrow();
}
