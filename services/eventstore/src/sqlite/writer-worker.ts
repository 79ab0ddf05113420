/**
 * The writer thread. It owns the only write connection. Requests are queued as they arrive
 * and drained in groups: while one group's transaction commits (and fsyncs), the requests that
 * arrive meanwhile wait in the port and form the next group. That is group commit: one fsync
 * for every append that arrived during the previous one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GroupCommit } from './group-commit.ts';
import { openDatabase } from './open-database.ts';
import { toWire } from './wire-errors.ts';
import { createWriter, type WriteJob, type WriteResult } from './writer.ts';
import type { FromWriter, ToWriter } from './writer-protocol.ts';

const port = parentPort!;
const db = openDatabase((workerData as { file: string }).file);
const writer = createWriter(db);
const group = new GroupCommit<WriteJob, WriteResult>(writer.runBatch, () => undefined);

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') {
    // Messages are handled in order, so every job sent before 'close' is already queued;
    // let the queue drain, then close the file.
    setImmediate(() => {
      db.close();
      port.postMessage({ kind: 'closed' } satisfies FromWriter);
    });
    return;
  }
  group.submit(message.job).then(
    (value) => port.postMessage({ kind: 'done', seq: message.seq, value } satisfies FromWriter),
    (error: unknown) =>
      port.postMessage({
        kind: 'failed',
        seq: message.seq,
        error: toWire(error),
      } satisfies FromWriter),
  );
});
port.postMessage({ kind: 'ready' } satisfies FromWriter);
