import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  open as openFile,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  UploadNotFoundError,
  UploadOffsetError,
  type BlobClock,
  type BlobStore,
  type ExpiredUpload,
  type UploadMeta,
  type UnrecordedUpload,
  type UploadStatus,
} from './blob-store.ts';
import { createFolderLock } from './folder-lock.ts';

const idPattern = /^[A-Za-z0-9_-]{1,128}$/;
const blobPattern = /^[0-9a-f]{64}$/;
/** What `uploads/` may hold: `<id>.part`, `<id>.json`, `<id>.json.tmp`, `<id>.expired`. */
const entryPattern = /^([A-Za-z0-9_-]{1,128})\.(part|json|json\.tmp|expired)$/;
/** A finished upload not yet recorded: `<id>.<blob id>.completed` (`.tmp` while it is written). */
const completedPattern = /^([A-Za-z0-9_-]{1,128})\.([0-9a-f]{64})\.completed(\.tmp)?$/;

/** How the store opens files it writes through a handle: a seam for tests that fill the disk. */
export type OpenFile = (path: string, flags: string) => Promise<FileHandle>;

/**
 * Writes every byte or throws. `write(2)` may write fewer bytes than asked (a disk that fills
 * mid-way writes what fits), and FileHandle.write reports that count without failing: the rest
 * is written in further calls, the next of which fails with the disk's error (ENOSPC). A call
 * that writes nothing and reports no error is treated as a full disk too.
 */
export async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number) {
  for (let done = 0; done < bytes.byteLength;) {
    const { bytesWritten } = await handle.write(
      bytes,
      done,
      bytes.byteLength - done,
      position + done,
    );
    if (bytesWritten <= 0)
      throw Object.assign(new Error('write made no progress'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

function safeId(id: string, pattern: RegExp): string {
  if (!pattern.test(id)) throw new UploadNotFoundError('bad id');
  return id;
}

/**
 * Filesystem adapter: `<dir>/uploads/<id>.part` (+ `.json` with size and owner) while an upload
 * is in progress, `<dir>/blobs/<sha256>` once complete. Every chunk is written whole and fsynced
 * before its offset is acknowledged (a chunk that fails half-way is cut back off the file); the finished file is renamed into place, so a blob path never holds a partial
 * file. Writes to one upload are serialised, and so is the sweep of it. The `.part` file's
 * modification time is the upload's last activity, set from the injected clock; a swept upload
 * leaves `<id>.expired` (its owner) behind for a while. A finished upload leaves
 * `<id>.<blob id>.completed` (its owner; its time is the completion's) until `recorded`; only
 * `dropUnrecorded` ever removes a blob outside a purge.
 */
export function createFsBlobStore(options: {
  readonly dir: string;
  /** Stamps the last activity of uploads; the system clock by default. */
  readonly clock?: BlobClock;
  /** Opens files for the chunk writes and durable markers (fs/promises `open` by default). */
  readonly open?: OpenFile;
}): BlobStore {
  const open = options.open ?? openFile;
  const now = () => options.clock?.now() ?? new Date();
  const uploads = join(options.dir, 'uploads');
  const blobs = join(options.dir, 'blobs');
  const ready = Promise.all([
    mkdir(uploads, { recursive: true }),
    mkdir(blobs, { recursive: true }),
  ]);
  const locks = new Map<string, Promise<unknown>>();
  // Beside `uploads/`, which the sweep reads: shared by every process on this folder.
  const reservations = createFolderLock(join(options.dir, 'uploads.lock'));

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
  const marker = (id: string) => join(uploads, `${safeId(id, idPattern)}.expired`);
  const completedMarker = (id: string, blobId: string) =>
    join(uploads, `${safeId(id, idPattern)}.${safeId(blobId, blobPattern)}.completed`);
  const touch = (file: string, at: Date = now()) => utimes(file, at, at);
  const mtime = (file: string) =>
    stat(file).then(
      (s) => s.mtimeMs,
      () => undefined,
    );

  async function readMarker(id: string): Promise<ExpiredUpload | undefined> {
    try {
      const parsed = JSON.parse(await readFile(marker(id), 'utf8')) as ExpiredUpload;
      return { owner: parsed.owner };
    } catch {
      return undefined;
    }
  }

  /** Removes one upload if it is still untouched since `cutoff` (re-checked under its lock). */
  function sweepOne(id: string, cutoff: number): Promise<boolean> {
    return serialised(id, async () => {
      const meta = await readMeta(id);
      if (!meta) return false;
      const touched = Math.max((await mtime(part(id))) ?? 0, (await mtime(metaFile(id))) ?? 0);
      if (touched >= cutoff) return false;
      // Marker first, then the metadata (an upload exists only while its metadata does), then
      // the data: a crash half-way leaves an upload that the next sweep removes again.
      await writeFile(marker(id), JSON.stringify({ owner: meta.owner }));
      await touch(marker(id));
      await rm(metaFile(id), { force: true });
      await rm(part(id), { force: true });
      return true;
    });
  }

  async function syncDir(dir: string) {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Written whole or not at all (temp file, fsync, rename, fsync of the folder). */
  async function writeMarkerDurably(file: string, text: string) {
    const tmp = `${file}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(text);
      const at = now();
      await handle.utimes(at, at);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    await syncDir(uploads);
  }

  async function readCompleted(id: string, blobId: string): Promise<UnrecordedUpload | undefined> {
    try {
      const file = completedMarker(id, blobId);
      const { owner, size, note } = JSON.parse(await readFile(file, 'utf8')) as {
        owner: string;
        size?: number;
        note?: string;
      };
      const { mtimeMs } = await stat(file);
      return {
        uploadId: id,
        owner,
        blobId,
        completedAt: new Date(Math.floor(mtimeMs)),
        size: size ?? 0,
        note: note ?? '',
      };
    } catch {
      return undefined;
    }
  }

  async function eraseBlob(blobId: string) {
    await ready;
    const path = join(blobs, safeId(blobId, blobPattern));
    const handle = await open(path, 'r+').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!handle) return;
    try {
      // Zeros over the ciphertext before the unlink: on a filesystem that rewrites in place
      // (ext4, xfs) the old blocks are gone; a copy-on-write filesystem or an SSD's wear
      // levelling may keep them (SECURITY.md, Retention).
      const { size } = await handle.stat();
      const zeros = new Uint8Array(Math.min(size, 1024 * 1024));
      for (let at = 0; at < size; at += zeros.byteLength)
        await writeFully(handle, zeros.subarray(0, Math.min(zeros.byteLength, size - at)), at);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rm(path, { force: true });
  }

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
        await touch(part(uploadId));
        // Written last: an upload exists only once its metadata does.
        const tmp = `${metaFile(uploadId)}.tmp`;
        await writeFile(
          tmp,
          JSON.stringify({ size: meta.size, owner: meta.owner, note: meta.note }),
        );
        await touch(tmp);
        await rename(tmp, metaFile(uploadId));
        // Started again after a sweep: the upload is live, no longer expired.
        await rm(marker(uploadId), { force: true });
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
          await writeFully(handle, chunk, offset);
          const at = now();
          await handle.utimes(at, at);
          await handle.sync();
        } catch (error) {
          // Part of the chunk may be in the file (a disk that filled mid-way): cut it back, so
          // the upload's status (the file's size) is what was acknowledged and the client
          // resends this chunk from the same offset once there is space.
          await handle.truncate(offset).catch(() => undefined);
          throw error;
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
        // The blob's time is its completion's: `dropUnrecorded` never erases a blob that an
        // upload (of any report) completed inside the window.
        await touch(part(uploadId));
        // Marker durable before the blob is in place; the folder synced before `EvidenceAdded`
        // is appended, so a power cut cannot lose a blob that event names. Under the blob's
        // lock, which `dropUnrecorded` takes too.
        await serialised(`blob:${blobId}`, async () => {
          await writeMarkerDurably(
            completedMarker(uploadId, blobId),
            JSON.stringify({ owner: current.owner, size: current.size, note: current.note }),
          );
          await rename(part(uploadId), join(blobs, blobId));
          await syncDir(blobs);
        });
        await rm(metaFile(uploadId), { force: true });
        return { blobId, size: current.size };
      });
    },
    async reserving(task) {
      await ready;
      return reservations(task);
    },
    async pending(owner) {
      await ready;
      const mine = { uploads: 0, bytes: 0 };
      for (const name of await readdir(uploads)) {
        if (!name.endsWith('.json')) continue;
        const status = await currentStatus(name.slice(0, -'.json'.length));
        if (status && status.owner === owner) {
          mine.uploads += 1;
          mine.bytes += status.size;
        }
      }
      return mine;
    },
    async has(blobId) {
      await ready;
      return stat(join(blobs, safeId(blobId, blobPattern))).then(
        () => true,
        () => false,
      );
    },
    async sweep(untouchedSince) {
      await ready;
      const cutoff = untouchedSince.getTime();
      const old = async (file: string) => ((await mtime(file)) ?? Infinity) < cutoff;
      let removed = 0;
      for (const name of await readdir(uploads)) {
        const file = join(uploads, name);
        // A marker a crash left half written: its upload's blob was never moved into place.
        if (completedPattern.exec(name)?.[3]) {
          if (await old(file)) await rm(file, { force: true });
          continue;
        }
        const m = entryPattern.exec(name);
        if (!m) continue;
        const [, id, kind] = m as unknown as [string, string, string];
        if (kind === 'json') {
          if (await sweepOne(id, cutoff)) removed += 1;
        } else if (kind === 'expired') {
          if (await old(file)) await rm(file, { force: true });
        } else {
          // Data or metadata without a live upload (a crash inside `begin`): nobody can resume
          // it; removed once it is as old as an abandoned upload.
          await serialised(id, async () => {
            if (kind === 'part' && (await readMeta(id))) return;
            if (await old(file)) await rm(file, { force: true });
          });
        }
      }
      return removed;
    },
    async expired(uploadId) {
      await ready;
      return readMarker(uploadId);
    },
    erase: eraseBlob,
    async recorded(uploadId, blobId) {
      await ready;
      await rm(completedMarker(uploadId, blobId), { force: true });
    },
    async unrecorded(owner) {
      await ready;
      const found: UnrecordedUpload[] = [];
      for (const name of await readdir(uploads)) {
        const m = completedPattern.exec(name);
        if (!m || m[3]) continue;
        const upload = await readCompleted(m[1]!, m[2]!);
        if (upload && (owner === undefined || upload.owner === owner)) found.push(upload);
      }
      return found;
    },
    dropUnrecorded(upload, options) {
      return serialised(`blob:${upload.blobId}`, async () => {
        await ready;
        const current = await readCompleted(upload.uploadId, upload.blobId);
        if (current?.completedAt.getTime() !== upload.completedAt.getTime()) return false;
        const completedAt = await mtime(join(blobs, safeId(upload.blobId, blobPattern)));
        const erasing =
          options.erase &&
          completedAt !== undefined &&
          (options.untouchedSince === undefined || completedAt < options.untouchedSince.getTime());
        if (erasing) await eraseBlob(upload.blobId);
        await rm(completedMarker(upload.uploadId, upload.blobId), { force: true });
        return erasing;
      });
    },
    async discardUploads(owner) {
      await ready;
      for (const name of await readdir(uploads)) {
        const m = entryPattern.exec(name);
        if (!m) continue;
        const [, id, kind] = m as unknown as [string, string, string];
        if (kind !== 'json' && kind !== 'expired') continue;
        await serialised(id, async () => {
          const of = kind === 'json' ? (await readMeta(id))?.owner : (await readMarker(id))?.owner;
          if (of !== owner) return;
          // Metadata first (the upload ends with it), then data and marker.
          await rm(metaFile(id), { force: true });
          await rm(`${metaFile(id)}.tmp`, { force: true });
          await rm(part(id), { force: true });
          await rm(marker(id), { force: true });
        });
      }
    },
    async readStream(blobId) {
      await ready;
      let path: string;
      try {
        path = join(blobs, safeId(blobId, blobPattern));
      } catch {
        return undefined;
      }
      // Opened first, sized through the open file: once open, the blob can be unlinked and the
      // stream still reads all of it; a truncated file ends the stream early, which the
      // caller detects against `size`.
      const handle = await open(path, 'r').catch(() => undefined);
      if (!handle) return undefined;
      try {
        const { size } = await handle.stat();
        return { size, stream: createReadStream('', { fd: handle, highWaterMark: 64 * 1024 }) };
      } catch (error) {
        await handle.close();
        throw error;
      }
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
