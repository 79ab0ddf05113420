import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import { openReadModels } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { testClock } from '../../intake/src/test-support/harness.ts';
import { startIntakeBeside, world, type DeskOptions } from './harness.ts';

/**
 * A desk on disk: the SQLite event store and read models in a fresh folder and a desk world
 * over them, with whatever else `options` gives the world (made knowing the folder). `close`
 * stops the desk, closes the store and removes the folder.
 */
export async function deskOnDisk(
  prefix: string,
  options: {
    /** The store's commit clock (default: the real one). */
    storeNow?: () => number;
    /** More of the world's options, made in the folder. */
    world?: (dir: string) => DeskOptions;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = createSqliteEventStore({
    file: join(dir, 'events.sqlite'),
    ...(options.storeNow && { now: options.storeNow }),
  });
  const db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
  const w = await world({ store, db, ...options.world?.(dir) });
  return {
    dir,
    store,
    db,
    w,
    async close() {
      await w.desk.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DeskOnDisk = Awaited<ReturnType<typeof deskOnDisk>>;

/**
 * One deployment on disk, as production runs it: a desk on disk (deskOnDisk) with intake's
 * filesystem blob store in the same folder and intake beside it (the same store, blobs and read
 * models). `close` stops both services and removes the folder.
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
  let blobStore: ReturnType<typeof createFsBlobStore> | undefined;
  const desk = await deskOnDisk(prefix, {
    ...(options.storeNow && { storeNow: options.storeNow }),
    world: (dir) => {
      blobStore = createFsBlobStore({ dir: join(dir, 'evidence') });
      return {
        blobStore,
        ...(options.erasable && { erasableBlobs: blobStore }),
        ...(options.startAt && { startAt: options.startAt }),
      };
    },
  });
  const intake = await startIntakeBeside(desk.w, {
    store: desk.store,
    db: desk.db,
    blobStore: blobStore!,
    ...(options.clock && { clock: options.clock }),
  });
  return {
    ...desk,
    intake,
    async close() {
      await intake.close();
      await desk.close();
    },
  };
}

export type DeploymentOnDisk = Awaited<ReturnType<typeof deploymentOnDisk>>;
