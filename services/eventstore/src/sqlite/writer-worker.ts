/**
 * The writer thread: one per process, owning the only write connection to each open store
 * file. Requests are queued as they arrive and drained in groups: while one group's
 * transaction commits (and fsyncs), requests that arrive meanwhile wait in the port and form
 * the next group. That is group commit: one fsync for all that arrived during the last one.
 */
import type Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { GroupCommit } from './group-commit.ts';
import { openDatabase } from './open-database.ts';
import { toWire } from './wire-errors.ts';
import { createWriter, type WriteJob, type WriteResult } from './writer.ts';
import type { FromWriter, Settled, ToWriter } from './writer-protocol.ts';

const port = parentPort!;
const stores = new Map<
  number,
  { db: Database.Database; group: GroupCommit<WriteJob, WriteResult> }
>();
const send = (m: FromWriter) => port.postMessage(m);

// Results go back in one message per group instead of one per job: posting costs more than
// the work of a small append.
let outbox: Settled[] = [];
const settle = (r: Settled) => {
  if (outbox.length === 0) {
    setImmediate(() => {
      const results = outbox;
      outbox = [];
      send({ kind: 'settled', results });
    });
  }
  outbox.push(r);
};

port.on('message', (m: ToWriter) => {
  if (m.kind === 'open') {
    const db = openDatabase(m.file);
    stores.set(m.storeId, {
      db,
      group: new GroupCommit(createWriter(db).runBatch, () => undefined),
    });
    send({ kind: 'opened', storeId: m.storeId });
  } else if (m.kind === 'jobs') {
    const store = stores.get(m.storeId);
    for (const { seq, job } of m.items) {
      if (!store) {
        settle({
          seq,
          ok: false,
          error: { name: 'StoreClosedError', message: 'event store is closed' },
        });
        continue;
      }
      store.group.submit(job).then(
        (value) => settle({ seq, ok: true, value }),
        (error: unknown) => settle({ seq, ok: false, error: toWire(error) }),
      );
    }
  } else {
    // Messages are handled in order, so every job sent before 'close' is already queued and
    // its drain already scheduled: close the file after it.
    setImmediate(() =>
      setImmediate(() => {
        stores.get(m.storeId)?.db.close();
        stores.delete(m.storeId);
        send({ kind: 'closed', storeId: m.storeId });
      }),
    );
  }
});
