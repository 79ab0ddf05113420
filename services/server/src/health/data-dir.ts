import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** DATA_DIR cannot be used; the message is one line: what is wrong and how to fix it. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** Bytes the probe writes: less free space than this and the service cannot take a report. */
const PROBE_BYTES = 64 * 1024;
const probeName = '.write-probe';

/** What the service keeps in DATA_DIR, when it is there: each must be readable and writable. */
const entries = [
  'events.sqlite',
  'events.sqlite-wal',
  'events.sqlite-shm',
  'read-models.sqlite',
  'read-models.sqlite-wal',
  'read-models.sqlite-shm',
  'blobs',
  join('blobs', 'uploads'),
  join('blobs', 'blobs'),
  'secrets',
];

const code = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? 'error');
const user = () => (process.getuid ? `user ${process.getuid()}` : 'this user');

function explain(dir: string, error: unknown): string {
  const c = code(error);
  switch (c) {
    case 'EROFS':
      return `DATA_DIR ${dir} is on a read-only filesystem (EROFS): mount it read-write, or set DATA_DIR to a writable directory`;
    case 'EACCES':
    case 'EPERM':
      return `DATA_DIR ${dir} is not writable by ${user()} (${c}): give that user write access (e.g. chown -R ${process.getuid?.() ?? '<uid>'} ${dir}), or run the service as the directory's owner`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `DATA_DIR ${dir} is full (${c}): free space on its filesystem (see df -h ${dir}), then start again`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `DATA_DIR ${dir} is not a directory (${c}): set DATA_DIR to a directory (it is created if missing)`;
    default:
      return `DATA_DIR ${dir} cannot be written (${c}): check that it is a writable directory with free space`;
  }
}

/** Writes, fsyncs and removes a small file in `dir`; throws the filesystem's error. */
function probeSync(dir: string): void {
  const file = join(dir, probeName);
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, randomBytes(PROBE_BYTES));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
}

/**
 * Checked before anything is opened, so a start on a bad DATA_DIR ends with one line that says
 * what is wrong and how to fix it (SQLite only says "unable to open database file"): created if
 * missing; a directory; writable with some free space (a small file written, fsynced, removed);
 * and what the service already keeps there readable and writable by this user.
 */
export function checkDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (code(error) === 'EEXIST' || code(error) === 'ENOTDIR')
      throw new DataDirError(explain(dir, error));
    throw new DataDirError(
      `DATA_DIR ${dir} does not exist and cannot be created (${code(error)}): create it and give the service's user write access, or set DATA_DIR to a writable directory`,
    );
  }
  if (!statSync(dir).isDirectory()) throw new DataDirError(explain(dir, { code: 'ENOTDIR' }));
  try {
    probeSync(dir);
  } catch (error) {
    throw new DataDirError(explain(dir, error));
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    try {
      accessSync(path, constants.F_OK);
    } catch {
      continue;
    }
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new DataDirError(
        `DATA_DIR ${dir} holds ${entry}, which ${user()} cannot read and write (${code(error)}): give that user access (e.g. chown -R ${process.getuid?.() ?? '<uid>'} ${dir}), or run the service as its owner`,
      );
    }
  }
}

/**
 * A failure to open what DATA_DIR holds (the SQLite files) as one line, if it is the disk's or
 * the permissions' doing; undefined for anything else.
 */
export function openingFailed(dir: string, error: unknown): DataDirError | undefined {
  const c = code(error);
  if (c === 'SQLITE_FULL') return new DataDirError(explain(dir, { code: 'ENOSPC' }));
  if (
    c.startsWith('SQLITE_READONLY') ||
    c.startsWith('SQLITE_CANTOPEN') ||
    c.startsWith('SQLITE_IOERR')
  )
    return new DataDirError(
      `DATA_DIR ${dir}: the event log or read models cannot be opened for writing (${c}): check that ${user()} can read and write every file in it and that its filesystem is writable and not full`,
    );
  if (['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'].includes(c))
    return new DataDirError(explain(dir, error));
  return undefined;
}

/**
 * Whether `dir` takes writes now (for readiness): a small file written, fsynced and removed, off
 * the event loop. Resolves with the filesystem's error code, or undefined when it is writable.
 */
export async function probeWritable(dir: string): Promise<string | undefined> {
  const file = join(dir, probeName);
  try {
    const handle = await open(file, 'w', 0o600);
    try {
      await handle.writeFile(new Uint8Array(4096));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return undefined;
  } catch (error) {
    return code(error);
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}
