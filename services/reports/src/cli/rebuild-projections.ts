/**
 * `npm run projections:rebuild`: drops every read model and rebuilds it from the event log.
 * Read models are disposable, so this is always safe; stop the server first so that two
 * runners do not write the same file. Paths follow the server's config: DATA_DIR (default
 * ./data) holds events.sqlite and read-models.sqlite.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { allProjections } from '../projections/all.ts';
import { createProjectionRunner, openReadModels } from '../projections/runner.ts';

const dataDir = resolve(process.env.DATA_DIR ?? './data');
const store = createSqliteEventStore({ file: resolve(dataDir, 'events.sqlite') });
const db = openReadModels(resolve(dataDir, 'read-models.sqlite'), (f) => new Database(f));

const started = performance.now();
const runner = createProjectionRunner({ store, db, projections: allProjections });
await runner.rebuild();
const seconds = (performance.now() - started) / 1000;
console.log(
  `rebuilt ${allProjections.map((p) => p.name).join(', ')} up to position ${runner.position()} in ${seconds.toFixed(1)} s`,
);
db.close();
await store.close();
