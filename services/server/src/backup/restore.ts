import { createSqliteEventStore } from '@integrity-desk/eventstore';
import {
  listPendingPurges,
  purgeStream,
  rebuildReadModels,
  type RebuildOutcome,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startEmbeddedPurger } from './embedded-purger.ts';
import { EVENT_LOG_PATH, type Manifest, type PurgeRecord } from './entries.ts';
import { BackupRefusedError } from './errors.ts';
import { progressReporter } from './progress.ts';
import { readArchive } from './read-archive.ts';
import { purgeRecordsFrom } from './purge-sources.ts';

export interface RestoreRequest {
  readonly dataDir: string;
  readonly eventsFile: string;
  readonly blobDir: string;
  readonly readModelsFile: string;
  readonly archive: string;
  readonly secretKey: Uint8Array;
  /** Newer archives or event logs whose purge records are applied again after the restore. */
  readonly purgesFrom: readonly string[];
  readonly now: () => Date;
  readonly progressOut?: { write(line: string): unknown; isTTY?: boolean };
}

export interface RestoreSummary {
  readonly manifest: Manifest;
  readonly bytes: number;
  readonly rebuilt: RebuildOutcome;
  /** Purges the backup had begun but not finished, finished now. */
  readonly finished: readonly string[];
  /** Reports the backup holds that a later purge record says to erase: erased again now. */
  readonly erasedAgain: readonly PurgeRecord[];
  /** Purges of reports the backup never held: their records written, nothing else to erase. */
  readonly recorded: readonly PurgeRecord[];
  /** Evidence blobs still named by a restored report but missing from the archive. */
  readonly missingEvidence: number;
}

/** What DATA_DIR may hold before a restore: nothing but the desk key's folder. */
const allowedBeforeRestore = new Set(['secrets']);

/**
 * Restores an archive into an empty DATA_DIR: every file is authenticated as it streams, staged,
 * and compared with the manifest (sizes, SHA-256, and each blob's name, which is its SHA-256)
 * before anything is moved into place; any mismatch leaves DATA_DIR as it was. Then the read
 * models are rebuilt from the restored log, and purges are made good: those the backup had
 * begun are finished, and each purge record from `purgesFrom` (a newer archive, the old event
 * log) erases its report again, so no purged report comes back unnoticed.
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreSummary> {
  requireEmpty(request.dataDir);
  // Read first: a wrong key or a damaged source refuses before anything is written.
  const later: PurgeRecord[] = [];
  for (const source of request.purgesFrom)
    later.push(...(await purgeRecordsFrom(source, request.secretKey)));

  mkdirSync(request.dataDir, { recursive: true });
  const staging = join(request.dataDir, `.restoring-${randomBytes(6).toString('hex')}`);
  let manifest: Manifest;
  let bytes = 0;
  try {
    const staged = new Map<string, { size: number; sha256: string }>();
    const { size } = await stat(request.archive).catch(() => {
      throw new BackupRefusedError(`${request.archive} cannot be read (does it exist?)`);
    });
    const progress = progressReporter('restore', size, request.progressOut);
    manifest = await readArchive(
      request.archive,
      request.secretKey,
      async (path, length, pieces) => {
        const target = join(staging, path);
        await mkdir(dirname(target), { recursive: true });
        const out = await open(target, 'wx', 0o600);
        const hash = createHash('sha256');
        try {
          for await (const piece of pieces) {
            hash.update(piece);
            await out.write(piece);
            progress.add(piece.length);
          }
          await out.sync();
        } finally {
          await out.close();
        }
        staged.set(path, { size: length, sha256: hash.digest('hex') });
        bytes += length;
      },
    );
    verifyAgainstManifest(manifest, staged);
    for (const path of staged.keys())
      if (!manifest.files.some((f) => f.path === path)) await rm(join(staging, path));
    progress.end();
    await rename(join(staging, EVENT_LOG_PATH), request.eventsFile);
    if (existsSync(join(staging, 'blobs'))) await rename(join(staging, 'blobs'), request.blobDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  const store = createSqliteEventStore({ file: request.eventsFile });
  try {
    const rebuilt = await rebuildReadModels(store, request.readModelsFile, (f) => new Database(f));
    const purges = await makePurgesGood(store, request, later);
    return {
      manifest,
      bytes,
      rebuilt,
      ...purges,
      missingEvidence: await stillNamed(request, manifest),
    };
  } finally {
    await store.close();
  }
}

function requireEmpty(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const present = readdirSync(dataDir).filter((name) => !allowedBeforeRestore.has(name));
  if (present.length > 0)
    throw new BackupRefusedError(
      `DATA_DIR ${dataDir} is not empty (it holds ${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}): restore only into an empty directory; nothing was changed`,
    );
}

function verifyAgainstManifest(
  manifest: Manifest,
  staged: ReadonlyMap<string, { size: number; sha256: string }>,
): void {
  const refuse = (what: string) =>
    new BackupRefusedError(
      `the archive does not match its manifest (${what}); nothing was restored`,
    );
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const got = staged.get(file.path);
    if (!got) throw refuse(`${file.path} is missing`);
    if (got.size !== file.size || got.sha256 !== file.sha256)
      throw refuse(`${file.path} has another SHA-256`);
    if (file.path.startsWith('blobs/') && !file.path.endsWith(`/${got.sha256}`))
      throw refuse(`${file.path} is not the blob its name says`);
  }
  if (!listed.has(EVENT_LOG_PATH)) throw refuse('it holds no event log');
  for (const path of staged.keys())
    if (!listed.has(path) && !manifest.missingBlobs.some((b) => path.endsWith(`/${b}`)))
      throw refuse(`${path} is not listed`);
}

async function makePurgesGood(
  store: ReturnType<typeof createSqliteEventStore>,
  request: RestoreRequest,
  later: readonly PurgeRecord[],
) {
  const { purger, readModels, stop } = await startEmbeddedPurger(store, request, request.now);
  try {
    const finished: string[] = [];
    for (const pending of listPendingPurges(readModels, Number.MAX_SAFE_INTEGER)) {
      await purger.finish(pending);
      finished.push(pending.reportId);
    }
    const erasedAgain: PurgeRecord[] = [];
    const recorded: PurgeRecord[] = [];
    const done = new Set(finished);
    for (const record of later) {
      if (done.has(record.reportId)) continue;
      done.add(record.reportId);
      const known = await store.readStream(purgeStream(record.reportId)).catch(() => []);
      if (known.some((e) => e.type === 'ReportErased')) continue; // the backup holds its end
      const held = await store.readStream(`report-${record.reportId}`).then(
        () => true,
        () => false,
      );
      await purger.finish({ reportId: record.reportId, by: record.by, purgedAt: record.purgedAt });
      (held ? erasedAgain : recorded).push(record);
    }
    return { finished, erasedAgain, recorded };
  } finally {
    await stop();
  }
}

/** How many blobs the manifest lists as missing are still named by a restored report. */
async function stillNamed(request: RestoreRequest, manifest: Manifest): Promise<number> {
  if (manifest.missingBlobs.length === 0) return 0;
  const db = new Database(request.readModelsFile, { readonly: true });
  try {
    const named = db.prepare('SELECT 1 FROM evidence_blobs WHERE blob_id = ? LIMIT 1');
    return manifest.missingBlobs.filter((b) => named.get(b) !== undefined).length;
  } finally {
    db.close();
  }
}
