import { closeSync, fstatSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes the WAL durable off the event loop. The write connection runs with synchronous=NORMAL,
 * so a commit only write()s its frames into the WAL; this fsyncs the WAL file on libuv's thread
 * pool before anything is acknowledged. On Linux fsync flushes every dirty page of the file,
 * whichever descriptor wrote it, so this descriptor (opened by us, beside SQLite's own) covers
 * every commit whose write() returned before the fsync was called. The WAL is never deleted or
 * replaced while a connection to the database is open (SQLite removes it only when the last
 * connection closes), and a restarted WAL is rewritten in place, so the descriptor stays valid.
 */
export interface WalSync {
  /** Resolves once every commit made before the call is on disk. */
  sync(): Promise<void>;
  /** Size of the WAL file now (bytes). */
  size(): number;
  close(): void;
}

export type Fsync = (fd: number) => Promise<void>;

export const fsyncFile: Fsync = (fd) =>
  new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

export function openWalSync(databaseFile: string, fsyncImpl: Fsync = fsyncFile): WalSync {
  const fd = openSync(`${databaseFile}-wal`, 'r');
  // Whatever a previous run committed without syncing (it was killed) is made durable now.
  fsyncSync(fd);
  // The WAL's directory entry must be durable too, or a power loss could lose the file's name
  // along with every acknowledged commit in it. Once is enough: the file is never renamed.
  const dir = openSync(dirname(databaseFile), 'r');
  try {
    fsyncDirectory(dir);
  } finally {
    closeSync(dir);
  }
  let closed = false;
  return {
    sync: () => (closed ? Promise.reject(new Error('WAL sync closed')) : fsyncImpl(fd)),
    size: () => fstatSync(fd).size,
    close: () => {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

function fsyncDirectory(fd: number): void {
  try {
    // Synchronous, once, at open: the store is not serving yet.
    fsyncSync(fd);
  } catch (error) {
    // Some filesystems refuse fsync on a directory (EINVAL); there it is not needed.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  }
}
