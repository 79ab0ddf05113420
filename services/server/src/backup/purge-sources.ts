import Database from 'better-sqlite3';
import { open } from 'node:fs/promises';
import type { PurgeRecord } from './entries.ts';
import { BackupRefusedError } from './errors.ts';
import { readArchive } from './read-archive.ts';
import { purgeRecordsIn } from './snapshot.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * The purge records a later source holds: another archive (opened with the same secret key; its
 * manifest lists them) or an event log file (`events.sqlite` of the deployment being replaced).
 */
export async function purgeRecordsFrom(
  source: string,
  secretKey: Uint8Array,
): Promise<PurgeRecord[]> {
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const handle = await open(source, 'r').catch(() => {
    throw new BackupRefusedError(`${source} (--purges-from) cannot be read`);
  });
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') !== SQLITE_MAGIC)
    return (await readArchive(source, secretKey)).purges;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    return purgeRecordsIn(db);
  } finally {
    db.close();
  }
}
