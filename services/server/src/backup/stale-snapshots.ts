import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The backup's snapshot of the event log is a plain copy of every report it holds, made in
 * DATA_DIR (the same filesystem, so `VACUUM INTO` is fast). A backup that is killed (SIGKILL, an
 * OOM kill, a power cut) never reaches its cleanup, and a purge does not reach that copy: so each
 * snapshot is named by the process that made it, and the snapshots of processes that no longer
 * run are removed when a backup begins, when the platform starts and when `npm run doctor` runs.
 * A snapshot named by the process that looks is stale too (its id was reused, e.g. after a
 * container restart): none of them looks while a snapshot of its own exists. A snapshot named by
 * another process that runs is left alone, be it the backup that makes it or (an id reused by
 * an unrelated process) not: a leftover never goes before a live backup's copy does.
 */
const pattern = /^\.backup-snapshot-(?:(\d+)-)?[0-9a-f]+\.sqlite(?:-journal|-wal|-shm)?$/;

export function snapshotName(): string {
  return `.backup-snapshot-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`;
}

function running(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Removes the snapshots left by backups that no longer run; returns how many files went. */
export async function removeStaleSnapshots(dataDir: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dataDir)) {
    const match = pattern.exec(name);
    // Without a process id: made by a version before this one, whose backup has ended.
    if (!match || (match[1] !== undefined && running(Number(match[1])))) continue;
    await rm(join(dataDir, name), { force: true });
    removed += 1;
  }
  return removed;
}
