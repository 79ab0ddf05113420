/**
 * `npm run projections:rebuild`: drops every read model and rebuilds it from the event log.
 * Read models are disposable, so this is always safe; stop the server first so that two
 * runners do not write the same file. Paths follow the server's config: DATA_DIR (default
 * ./data) holds events.sqlite and read-models.sqlite.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { rebuildReadModels } from '../projections/rebuild.ts';

const dataDir = resolve(process.env.DATA_DIR ?? './data');
const store = createSqliteEventStore({ file: resolve(dataDir, 'events.sqlite') });
try {
  const done = await rebuildReadModels(
    store,
    resolve(dataDir, 'read-models.sqlite'),
    (f) => new Database(f),
  );
  console.log(
    `rebuilt ${done.projections.join(', ')} up to position ${done.position} in ${done.seconds.toFixed(1)} s`,
  );
} finally {
  await store.close();
}
