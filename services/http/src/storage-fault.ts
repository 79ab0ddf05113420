/**
 * Storage failures that are the disk's state, not a bug: a full disk (or an exhausted quota)
 * and a disk that refuses writes (mounted read-only, permissions taken away). Both pass once
 * the operator acts, so a caller is told to come back later and nothing is acknowledged.
 */
export type StorageFault = 'full' | 'readOnly';

const full = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const readOnly = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * The storage fault behind an error, by its `code` (Node's errno name or SQLite's result code,
 * never its message), looking through `cause` (the event store wraps what failed beneath it).
 */
export function storageFault(error: unknown): StorageFault | undefined {
  let at = error;
  for (let depth = 0; depth < 5 && typeof at === 'object' && at !== null; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (full.has(code)) return 'full';
      if (readOnly.has(code) || code.startsWith('SQLITE_READONLY')) return 'readOnly';
    }
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Seconds a client is asked to wait before retrying after a storage fault. */
export const STORAGE_RETRY_AFTER_SECONDS = 60;
