import type { EventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import {
  allProjections,
  createProjectionRunner,
  createReportPurger,
  openReadModels,
  type ReportPurger,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type Sqlite from 'better-sqlite3';

export interface EmbeddedPurger {
  readonly purger: ReportPurger;
  /** The read models the purger consults (caught up with the log while it runs). */
  readonly readModels: Sqlite.Database;
  stop(): Promise<void>;
}

/**
 * A report purger outside the server (the restore, tools, tests): the read models of `dataDir`'s
 * layout followed by a projection runner, the evidence folder, the system clock.
 */
export async function startEmbeddedPurger(
  store: EventStore,
  files: { readonly readModelsFile: string; readonly blobDir: string },
  now: () => Date = () => new Date(),
): Promise<EmbeddedPurger> {
  const readModels = openReadModels(files.readModelsFile, (f) => new Database(f));
  const runner = createProjectionRunner({ store, db: readModels, projections: allProjections });
  await runner.start();
  const purger = createReportPurger({
    store,
    readModels,
    blobs: createFsBlobStore({ dir: files.blobDir }),
    clock: { now },
    ids: { uuid: () => randomUUID() },
    waitForProjections: (position) => runner.waitFor(position),
  });
  return {
    purger,
    readModels,
    stop: async () => {
      await runner.stop();
      readModels.close();
    },
  };
}
