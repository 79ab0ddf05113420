import { createBackupSealer } from '@integrity-desk/protocol';
import { createLibsodiumBackend } from '@integrity-desk/protocol';

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { blobArchivePath, EVENT_LOG_PATH, writeEntry, type Manifest } from './entries.ts';
import { BackupRefusedError } from './errors.ts';
import { ArchiveWriter } from './frames.ts';
import { progressReporter, type Progress } from './progress.ts';
import { readLogFacts, snapshotEventLog } from './snapshot.ts';
import { removeStaleSnapshots, snapshotName } from './stale-snapshots.ts';

export interface BackupRequest {
  readonly dataDir: string;
  readonly eventsFile: string;
  readonly blobDir: string;
  /** Where the archive goes; must not exist. */
  readonly archive: string;
  /** The operator's public key (base64url). */
  readonly publicKey: string;
  readonly now: () => Date;
  readonly progressOut?: { write(line: string): unknown; isTTY?: boolean };
}

export interface BackupSummary {
  readonly manifest: Manifest;
  readonly archiveBytes: number;
}

/**
 * Where `npm run backup` notes its last success (for `npm run doctor`'s "backups recent"): when,
 * which file, how large, up to which position of the log. In DATA_DIR, never in an archive.
 */
export const LAST_BACKUP_FILE = 'last-backup.json';

/**
 * An online backup: a snapshot of the event log (taken while the services write it), then every
 * evidence blob that snapshot names, streamed into one archive sealed to the operator's public
 * key, with a manifest of SHA-256 hashes as its last entry. The read models are not in it
 * (rebuilt on restore), nor the desk key, nor unfinished uploads. Written to `<archive>.part`
 * and renamed once complete and durable, so a failed backup never leaves a file that looks whole.
 */
export async function createBackup(request: BackupRequest): Promise<BackupSummary> {
  if (!existsSync(request.eventsFile))
    throw new BackupRefusedError(`no event log at ${request.eventsFile} (is DATA_DIR right?)`);
  if (existsSync(request.archive))
    throw new BackupRefusedError(`${request.archive} exists already: name a new file`);
  const createdAt = request.now().toISOString();
  await removeStaleSnapshots(request.dataDir);
  const snapshot = join(request.dataDir, snapshotName());
  const partial = `${request.archive}.part`;
  let handle: FileHandle | undefined;
  try {
    snapshotEventLog(request.eventsFile, snapshot);
    const facts = readLogFacts(snapshot);
    const blobs: { blobId: string; size: number | undefined }[] = [];
    for (const blobId of facts.blobIds)
      blobs.push({ blobId, size: await sizeOf(join(request.blobDir, 'blobs', blobId)) });
    const total = (await stat(snapshot)).size + blobs.reduce((n, b) => n + (b.size ?? 0), 0);
    const progress = progressReporter('backup', total, request.progressOut);

    handle = await open(partial, 'wx', 0o600);
    const writer = await ArchiveWriter.begin(
      handle,
      createBackupSealer(await createLibsodiumBackend(), request.publicKey),
    );
    const files: Manifest['files'] = [];
    files.push(await copyInto(writer, snapshot, EVENT_LOG_PATH, progress));
    const missingBlobs: string[] = [];
    for (const blob of blobs) {
      const copied = await copyInto(
        writer,
        join(request.blobDir, 'blobs', blob.blobId),
        blobArchivePath(blob.blobId),
        progress,
      ).catch((error: unknown) => {
        // Erased by a purge since the snapshot was taken (or lost): the restore says so.
        if ((error as { code?: string }).code === 'ENOENT') return undefined;
        throw error;
      });
      // A blob is named by the SHA-256 of its bytes: other bytes were read while a purge
      // overwrote it. Left out of the manifest, so the restore drops what was copied.
      if (copied?.sha256 === blob.blobId) files.push(copied);
      else missingBlobs.push(blob.blobId);
    }
    const manifest: Manifest = {
      format: 'integrity-desk-backup',
      version: 1,
      createdAt,
      eventLog: { lastPosition: facts.lastPosition.toString(), events: facts.events },
      files,
      missingBlobs,
      purges: [...facts.purges],
    };
    await writeEntry(writer, { kind: 'manifest', manifest });
    await writer.finish();
    await handle.close();
    handle = undefined;
    await rename(partial, request.archive);
    progress.end();
    const archiveBytes = (await stat(request.archive)).size;
    await writeFile(
      join(request.dataDir, LAST_BACKUP_FILE),
      `${JSON.stringify({
        finishedAt: request.now().toISOString(),
        createdAt,
        archive: request.archive,
        bytes: archiveBytes,
        lastPosition: manifest.eventLog.lastPosition,
        sealedTo: request.publicKey,
      })}\n`,
      { mode: 0o600 },
    );
    return { manifest, archiveBytes };
  } finally {
    await handle?.close();
    await rm(partial, { force: true });
    await rm(snapshot, { force: true });
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then(
    (s) => s.size,
    () => undefined,
  );
}

/** One file as an entry, read once: hashed and counted as it is written. */
async function copyInto(
  writer: ArchiveWriter,
  file: string,
  path: string,
  progress: Progress,
): Promise<Manifest['files'][number]> {
  const source = await open(file, 'r');
  try {
    // Sized from the open file: a blob never changes once in place (content-addressed), and the
    // snapshot is ours alone.
    const size = (await source.stat()).size;
    await writeEntry(writer, { kind: 'file', path, size });
    const hash = createHash('sha256');
    const chunk = new Uint8Array(1 << 20);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await source.read(chunk, 0, Math.min(chunk.length, size - done), done);
      if (bytesRead === 0) throw new BackupRefusedError(`${path} shrank while it was copied`);
      const piece = chunk.subarray(0, bytesRead);
      hash.update(piece);
      await writer.write(piece);
      done += bytesRead;
      progress.add(bytesRead);
    }
    return { path, size, sha256: hash.digest('hex') };
  } finally {
    await source.close();
  }
}
