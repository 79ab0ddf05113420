import Database from 'better-sqlite3';

/**
 * A lock that every process opening the same file shares: a SQLite write transaction (BEGIN
 * IMMEDIATE) held while the task runs. The operating system releases it when its process dies,
 * so a crash leaves no stale lock behind. It is waited for with timers, never with SQLite's busy
 * wait (which would block the event loop); in one process the tasks queue, as one connection
 * holds one transaction. Needs a local filesystem (SQLite's locks are not reliable over NFS).
 */
export function createFolderLock(
  file: string,
  options: { readonly timeoutMs?: number } = {},
): <T>(task: () => Promise<T>) => Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(() => locked(file, timeoutMs, task));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function locked<T>(file: string, timeoutMs: number, task: () => Promise<T>): Promise<T> {
  const db = new Database(file, { timeout: 0 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 25)) {
      try {
        db.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
        if (!busy || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    try {
      return await task();
    } finally {
      // Nothing was written: the transaction only held the lock.
      db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}
