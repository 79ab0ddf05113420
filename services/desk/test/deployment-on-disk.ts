import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import { openReadModels } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { testClock } from '../../intake/src/test-support/harness.ts';
import { startIntakeBeside, world } from './harness.ts';

/**
 * One deployment on disk, as production runs it: the SQLite event store and read models and
 * intake's filesystem blob store in a fresh folder, a desk world over them and intake beside it
 * (the same store, blobs and read models). `close` stops both services and removes the folder.
 */
export async function deploymentOnDisk(
  prefix: string,
  options: {
    /** The store's commit clock (default: the real one). */
    storeNow?: () => number;
    /** Intake's clock (default: the real one). */
    clock?: ReturnType<typeof testClock>;
    /** The desk may purge: it erases evidence from the same blob store. */
    erasable?: boolean;
    /** Where the desk's clock starts (the harness's default otherwise). */
    startAt?: Date;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = createSqliteEventStore({
    file: join(dir, 'events.sqlite'),
    ...(options.storeNow && { now: options.storeNow }),
  });
  const db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
  const blobStore = createFsBlobStore({ dir: join(dir, 'evidence') });
  const w = await world({
    store,
    db,
    blobStore,
    ...(options.erasable && { erasableBlobs: blobStore }),
    ...(options.startAt && { startAt: options.startAt }),
  });
  const intake = await startIntakeBeside(w, {
    store,
    db,
    blobStore,
    ...(options.clock && { clock: options.clock }),
  });
  return {
    dir,
    store,
    db,
    w,
    intake,
    async close() {
      await intake.close();
      await w.desk.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DeploymentOnDisk = Awaited<ReturnType<typeof deploymentOnDisk>>;
