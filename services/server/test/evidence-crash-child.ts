/**
 * Child process of the unrecorded-evidence crash test: an intake on the real SQLite file and blob
 * directory of DATA_DIR that kills itself with SIGKILL at one point of an upload's last chunk:
 * `append` the moment it starts appending `EvidenceAdded` (the blob renamed into place, the event
 * not durable), `recorded` once that event is durable but before the blob's marker is dropped.
 * It prints its URL and waits; a crash, not a simulation.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore } from '@integrity-desk/intake';
import { join } from 'node:path';
import { startIntake, testClock } from '../../intake/src/test-support/harness.ts';

const [dataDir, point] = process.argv.slice(2);
if (!dataDir || (point !== 'append' && point !== 'recorded'))
  throw new Error('usage: evidence-crash-child DATA_DIR append|recorded');
const die = (): Promise<never> => {
  process.kill(process.pid, 'SIGKILL');
  return new Promise(() => undefined);
};
const store = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
const clock = testClock();
const blobs = createFsBlobStore({ dir: join(dataDir, 'evidence'), clock });
const h = await startIntake({
  store: {
    ...store,
    append: (stream, events, options) =>
      point === 'append' && events.some((e) => e.type === 'EvidenceAdded')
        ? die()
        : store.append(stream, events, options),
  },
  blobStore: {
    ...blobs,
    recorded: (id, blobId) => (point === 'recorded' ? die() : blobs.recorded(id, blobId)),
  },
  clock,
  config: { maxChunkBytes: 64 * 1024 },
});
process.stdout.write(`${h.url}\n`);
