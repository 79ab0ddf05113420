import { createSqliteEventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  setupAdmin,
  startDesk,
  type Account,
  type Desk,
} from '../../../services/desk/test/harness.ts';

/**
 * The desk on a real loopback port over a real SQLite event log and read-model file in a
 * temporary directory, set up with its first administrator, for the enclosing spec file: filled
 * in before its tests run, closed and removed after them.
 */
export function deskOnSqliteForSuite(name: string): { desk: Desk; admin: Account } {
  const suite = {} as { desk: Desk; admin: Account };
  const dir = mkdtempSync(join(tmpdir(), `promise-${name}-`));
  beforeAll(async () => {
    suite.desk = await startDesk({
      store: createSqliteEventStore({ file: join(dir, 'events.sqlite') }),
      db: new Database(join(dir, 'read-models.sqlite')),
    });
    suite.admin = await setupAdmin(suite.desk);
  });
  afterAll(async () => {
    await suite.desk?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return suite;
}
