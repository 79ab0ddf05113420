import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  UploadNotFoundError,
  UploadOffsetError,
  type BlobStore,
  type UploadMeta,
  type UploadStatus,
} from './blob-store.ts';

const idPattern = /^[A-Za-z0-9_-]{1,128}$/;
const blobPattern = /^[0-9a-f]{64}$/;

function safeId(id: string, pattern: RegExp): string {
  if (!pattern.test(id)) throw new UploadNotFoundError('bad id');
  return id;
}

/**
 * Filesystem adapter: `<dir>/uploads/<id>.part` (+ `.json` with size and owner) while an upload
 * is in progress, `<dir>/blobs/<sha256>` once complete. Every chunk is fsynced before its offset
 * is acknowledged; the finished file is renamed into place, so a blob path never holds a partial
 * file. Writes to one upload are serialised.
 */
export function createFsBlobStore(options: { readonly dir: string }): BlobStore {
  const uploads = join(options.dir, 'uploads');
  const blobs = join(options.dir, 'blobs');
  const ready = Promise.all([
    mkdir(uploads, { recursive: true }),
    mkdir(blobs, { recursive: true }),
  ]);
  const locks = new Map<string, Promise<unknown>>();

  function serialised<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = locks.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    locks.set(id, settled);
    void settled.then(() => {
      if (locks.get(id) === settled) locks.delete(id);
    });
    return next;
  }

  const part = (id: string) => join(uploads, `${safeId(id, idPattern)}.part`);
  const metaFile = (id: string) => join(uploads, `${safeId(id, idPattern)}.json`);

  async function readMeta(id: string): Promise<UploadMeta | undefined> {
    try {
      const parsed = JSON.parse(await readFile(metaFile(id), 'utf8')) as UploadMeta;
      return { size: parsed.size, owner: parsed.owner, note: parsed.note };
    } catch {
      return undefined;
    }
  }

  async function currentStatus(id: string): Promise<UploadStatus | undefined> {
    await ready;
    const meta = await readMeta(id);
    if (!meta) return undefined;
    const received = await stat(part(id)).then(
      (s) => s.size,
      () => 0,
    );
    return { ...meta, received };
  }

  return {
    begin(uploadId, meta) {
      return serialised(uploadId, async () => {
        const existing = await currentStatus(uploadId);
        if (existing) return existing;
        await writeFile(part(uploadId), new Uint8Array(0), { flag: 'w' });
        // Written last: an upload exists only once its metadata does.
        const tmp = `${metaFile(uploadId)}.tmp`;
        await writeFile(
          tmp,
          JSON.stringify({ size: meta.size, owner: meta.owner, note: meta.note }),
        );
        await rename(tmp, metaFile(uploadId));
        return { ...meta, received: 0 };
      });
    },
    status: (uploadId) => currentStatus(uploadId),
    write(uploadId, offset, chunk) {
      return serialised(uploadId, async () => {
        const current = await currentStatus(uploadId);
        if (!current) throw new UploadNotFoundError('no such upload');
        if (offset !== current.received || offset + chunk.byteLength > current.size) {
          throw new UploadOffsetError('offset mismatch');
        }
        const handle = await open(part(uploadId), 'r+');
        try {
          await handle.write(chunk, 0, chunk.byteLength, offset);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return { ...current, received: offset + chunk.byteLength };
      });
    },
    complete(uploadId) {
      return serialised(uploadId, async () => {
        const current = await currentStatus(uploadId);
        if (!current) throw new UploadNotFoundError('no such upload');
        if (current.received !== current.size) throw new UploadOffsetError('incomplete');
        const hash = createHash('sha256');
        for await (const piece of createReadStream(part(uploadId))) hash.update(piece as Buffer);
        const blobId = hash.digest('hex');
        await rename(part(uploadId), join(blobs, blobId));
        await rm(metaFile(uploadId), { force: true });
        return { blobId, size: current.size };
      });
    },
    async pendingBytes(owner) {
      await ready;
      let total = 0;
      for (const name of await readdir(uploads)) {
        if (!name.endsWith('.json')) continue;
        const status = await currentStatus(name.slice(0, -'.json'.length));
        if (status && status.owner === owner) total += status.size;
      }
      return total;
    },
    async has(blobId) {
      await ready;
      return stat(join(blobs, safeId(blobId, blobPattern))).then(
        () => true,
        () => false,
      );
    },
    async read(blobId) {
      await ready;
      try {
        return new Uint8Array(await readFile(join(blobs, safeId(blobId, blobPattern))));
      } catch {
        return undefined;
      }
    },
  };
}
