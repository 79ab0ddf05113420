import { createHash } from 'node:crypto';
import {
  UploadNotFoundError,
  UploadOffsetError,
  type BlobStore,
  type UploadMeta,
} from './blob-store.ts';

/** In-memory adapter for unit and integration tests; same rules as the filesystem adapter. */
export function createMemoryBlobStore(): BlobStore & { readonly blobCount: () => number } {
  const uploads = new Map<string, { meta: UploadMeta; chunks: Uint8Array[]; received: number }>();
  const blobs = new Map<string, Uint8Array>();
  const statusOf = (id: string) => {
    const u = uploads.get(id);
    return u && { ...u.meta, received: u.received };
  };
  return {
    async begin(uploadId, meta) {
      if (!uploads.has(uploadId))
        uploads.set(uploadId, { meta: { ...meta }, chunks: [], received: 0 });
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
      return statusOf(uploadId)!;
    },
    async complete(uploadId) {
      const u = uploads.get(uploadId);
      if (!u) throw new UploadNotFoundError('no such upload');
      if (u.received !== u.meta.size) throw new UploadOffsetError('incomplete');
      const data = Buffer.concat(u.chunks);
      const blobId = createHash('sha256').update(data).digest('hex');
      blobs.set(blobId, new Uint8Array(data));
      uploads.delete(uploadId);
      return { blobId, size: data.byteLength };
    },
    async pendingBytes(owner) {
      let total = 0;
      for (const u of uploads.values()) if (u.meta.owner === owner) total += u.meta.size;
      return total;
    },
    has: async (blobId) => blobs.has(blobId),
    read: async (blobId) => blobs.get(blobId),
    blobCount: () => blobs.size,
  };
}
