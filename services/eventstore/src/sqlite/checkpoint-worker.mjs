/**
 * Checkpoints the event log's WAL into the database file on its own thread, so the copy and its
 * fsyncs never stall the event loop that serves requests (an 80 MB checkpoint took 165 ms
 * there). PASSIVE never blocks writers or readers. Right after a checkpoint that copied frames
 * it runs again, so the WAL is fully copied soon after writes pause for a moment, and the next
 * write then restarts the WAL from its beginning.
 *
 * Under a load that never pauses, the WAL would never be fully copied at the moment a write
 * begins, and would grow without end. So once the WAL file outgrows its limit, the store holds
 * its next write and asks for one more checkpoint (`{ catchUp: id }`), which copies what was
 * written since the last one; it writes again once the answer (`{ caughtUp: id, complete }`)
 * says everything was copied, and that write restarts the WAL.
 *
 * Plain JavaScript, not TypeScript: a worker thread gets no TypeScript loader in every runner.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, idleMs, busyMs } = workerData;
const db = new Database(file);
db.pragma('busy_timeout = 0');
let last = '';
let timer;
let stopped = false;

function checkpoint() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  return result;
}

/**
 * A full disk: the database file cannot grow to take the WAL's pages. Nothing is lost (the WAL
 * keeps them) and the copy succeeds once there is space, so the thread goes on trying.
 */
const transient = (error) => error?.code === 'SQLITE_FULL';

function run() {
  timer = undefined;
  let wait = idleMs;
  try {
    const result = checkpoint();
    const now = `${result.log}:${result.checkpointed}`;
    // Something was copied, or another connection held the lock: look again soon.
    if (result.busy === 1 || now !== last) wait = busyMs;
    last = now;
  } catch (error) {
    if (!transient(error)) {
      fail(error);
      return;
    }
  }
  timer = setTimeout(run, wait);
}

function fail(error) {
  stopped = true;
  if (timer) clearTimeout(timer);
  parentPort.postMessage({ failed: String(error?.code ?? 'unknown') });
  db.close();
  parentPort.close();
}

parentPort.on('message', (message) => {
  if (stopped) return;
  if (message === 'stop') {
    stopped = true;
    if (timer) clearTimeout(timer);
    db.close();
    parentPort.close();
    return;
  }
  if (typeof message?.catchUp === 'number') {
    try {
      const result = checkpoint();
      const complete = result.busy === 0 && result.checkpointed === result.log;
      parentPort.postMessage({ caughtUp: message.catchUp, complete });
    } catch (error) {
      // Not copied: the held write is released after its longest wait and goes on.
      if (transient(error)) parentPort.postMessage({ caughtUp: message.catchUp, complete: false });
      else fail(error);
    }
  }
});

run();
