import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { schema } from './schema.ts';

/** WAL pages after which a connection that commits checkpoints (~80 MB), when no thread does. */
export const AUTOCHECKPOINT_PAGES = 20_000;

/** How long a connection waits for another's lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens the event log with the durability settings every connection to it must share. */
export function openDatabase(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit, so an acknowledged append survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Checkpoint the WAL into the main file every ~80 MB instead of every 4 MB: a checkpoint
  // costs an extra fsync of the database file, and under group commit a batch dirties many pages.
  db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  // Purged reports must not linger in free pages of the file.
  db.pragma('secure_delete = ON');
  db.exec(schema);
  return db;
}
