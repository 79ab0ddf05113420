/**
 * Child process of the retention crash test: starts a purge of one report on the real data
 * directory and kills itself with SIGKILL the moment the purge starts erasing a blob, after its
 * decision and its record are durable: a crash half way through a purge, not a simulation.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import {
  allProjections,
  createProjectionRunner,
  createReportPurger,
  openReadModels,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const [dataDir, reportId] = process.argv.slice(2);
if (!dataDir || !reportId) throw new Error('usage: purge-crash-child DATA_DIR REPORT_ID');
const store = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
const readModels = openReadModels(join(dataDir, 'read-models.sqlite'), (f) => new Database(f));
const runner = createProjectionRunner({ store, db: readModels, projections: allProjections });
await runner.start();
const blobs = createFsBlobStore({ dir: join(dataDir, 'blobs') });
const purger = createReportPurger({
  store,
  readModels,
  blobs: {
    erase: async () => {
      process.stdout.write('erasing\n');
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    },
    discardUploads: (owner) => blobs.discardUploads(owner),
    unrecorded: (owner) => blobs.unrecorded(owner),
    dropUnrecorded: (upload, options) => blobs.dropUnrecorded(upload, options),
  },
  clock: { now: () => new Date() },
  ids: { uuid: () => randomUUID() },
  waitForProjections: (position) => runner.waitFor(position),
});
await purger.purge(reportId, { kind: 'investigator', investigatorId: 'crash-test-admin' });
process.stdout.write('finished without crashing\n');
