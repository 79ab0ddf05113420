import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  UploadNotFoundError,
  UploadOffsetError,
  type BlobClock,
  type BlobStore,
  type UnrecordedUpload,
  type UploadMeta,
} from './blob-store.ts';

/** In-memory adapter for unit and integration tests; same rules as the filesystem adapter. */
export function createMemoryBlobStore(
  options: { readonly clock?: BlobClock } = {},
): BlobStore & { readonly blobCount: () => number } {
  const now = () => (options.clock?.now() ?? new Date()).getTime();
  const uploads = new Map<
    string,
    { meta: UploadMeta; chunks: Uint8Array[]; received: number; touchedAt: number }
  >();
  const expired = new Map<string, { owner: string; at: number }>();
  // One reservation at a time (the quota check and its `begin`), as the filesystem adapter does.
  let reservations: Promise<unknown> = Promise.resolve();
  const blobs = new Map<string, Uint8Array>();
  /** When an upload last completed each blob, and the uploads not yet recorded. */
  const completedAt = new Map<string, number>();
  const unrecorded = new Map<string, UnrecordedUpload>();
  const keyOf = (u: { uploadId: string; blobId: string }) => `${u.uploadId}.${u.blobId}`;
  async function erase(blobId: string) {
    blobs.get(blobId)?.fill(0);
    blobs.delete(blobId);
    completedAt.delete(blobId);
  }
  const statusOf = (id: string) => {
    const u = uploads.get(id);
    return u && { ...u.meta, received: u.received };
  };
  return {
    async begin(uploadId, meta) {
      if (!uploads.has(uploadId)) {
        uploads.set(uploadId, { meta: { ...meta }, chunks: [], received: 0, touchedAt: now() });
        expired.delete(uploadId);
      }
      return statusOf(uploadId)!;
    },
    status: async (uploadId) => statusOf(uploadId),
    async write(uploadId, offset, chunk) {
      const u = uploads.get(uploadId);
      if (!u) throw new UploadNotFoundError('no such upload');
      if (offset !== u.received || offset + chunk.byteLength > u.meta.size) {
        throw new UploadOffsetError('offset mismatch');
      }
      u.chunks.push(new Uint8Array(chunk));
      u.received += chunk.byteLength;
      u.touchedAt = now();
      return statusOf(uploadId)!;
    },
    async complete(uploadId) {
      const u = uploads.get(uploadId);
      if (!u) throw new UploadNotFoundError('no such upload');
      if (u.received !== u.meta.size) throw new UploadOffsetError('incomplete');
      const data = Buffer.concat(u.chunks);
      const blobId = createHash('sha256').update(data).digest('hex');
      const at = now();
      const done = {
        uploadId,
        owner: u.meta.owner,
        blobId,
        completedAt: new Date(at),
        size: u.meta.size,
        note: u.meta.note,
      };
      unrecorded.set(keyOf(done), done);
      blobs.set(blobId, new Uint8Array(data));
      completedAt.set(blobId, at);
      uploads.delete(uploadId);
      return { blobId, size: data.byteLength };
    },
    reserving(task) {
      const run = reservations.then(task);
      reservations = run.catch(() => undefined);
      return run;
    },
    async pending(owner) {
      const mine = [...uploads.values()].filter((u) => u.meta.owner === owner);
      return { uploads: mine.length, bytes: mine.reduce((sum, u) => sum + u.meta.size, 0) };
    },
    has: async (blobId) => blobs.has(blobId),
    read: async (blobId) => blobs.get(blobId),
    async readStream(blobId) {
      const data = blobs.get(blobId);
      if (!data) return undefined;
      // Pieces of 64 KiB pulled one at a time, as the filesystem adapter streams them.
      function* pieces() {
        for (let at = 0; at < data!.byteLength; at += 64 * 1024)
          yield Buffer.from(
            data!.buffer,
            data!.byteOffset + at,
            Math.min(64 * 1024, data!.byteLength - at),
          );
      }
      return { size: data.byteLength, stream: Readable.from(pieces(), { objectMode: false }) };
    },
    async sweep(untouchedSince) {
      const cutoff = untouchedSince.getTime();
      let removed = 0;
      for (const [id, e] of expired) if (e.at < cutoff) expired.delete(id);
      for (const [id, u] of uploads) {
        if (u.touchedAt >= cutoff) continue;
        uploads.delete(id);
        expired.set(id, { owner: u.meta.owner, at: now() });
        removed += 1;
      }
      return removed;
    },
    expired: async (uploadId) => {
      const e = expired.get(uploadId);
      return e && { owner: e.owner };
    },
    erase,
    recorded: async (uploadId, blobId) => void unrecorded.delete(keyOf({ uploadId, blobId })),
    unrecorded: async (owner) =>
      [...unrecorded.values()].filter((u) => owner === undefined || u.owner === owner),
    async dropUnrecorded(upload, options) {
      const current = unrecorded.get(keyOf(upload));
      if (current?.completedAt.getTime() !== upload.completedAt.getTime()) return false;
      const at = completedAt.get(upload.blobId);
      const erasing =
        options.erase &&
        at !== undefined &&
        (options.untouchedSince === undefined || at < options.untouchedSince.getTime());
      if (erasing) await erase(upload.blobId);
      unrecorded.delete(keyOf(upload));
      return erasing;
    },
    async discardUploads(owner) {
      for (const [id, u] of uploads) if (u.meta.owner === owner) uploads.delete(id);
      for (const [id, e] of expired) if (e.owner === owner) expired.delete(id);
    },
    blobCount: () => blobs.size,
  };
}
