/**
 * Child process of the close test: appends, closes the store, and says so. A process with
 * nothing else to do must still get to the end of `await store.close()` (the store's threads
 * must not let it exit early, nor keep it alive after).
 */
import { randomUUID } from 'node:crypto';
import { createSqliteEventStore } from '../src/index.ts';

const [file, countArg] = process.argv.slice(2);
if (!file) throw new Error('usage: close-writer FILE [COUNT]');
const count = Number(countArg ?? 200);
const store = createSqliteEventStore({ file });
await Promise.all(
  Array.from({ length: count }, (_, n) =>
    store.append(`closing-${n}`, [{ id: randomUUID(), type: 'Closed', data: { n } }], {
      expectedRevision: 'no_stream',
    }),
  ),
);
await store.close();
process.stdout.write(`closed ${count}\n`);
