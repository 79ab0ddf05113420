import type { Clock } from '../deps.ts';
import { startPeriodic, type Timers } from '@integrity-desk/reports';
import type { BlobStore, UnrecordedBlob } from './blob-store.ts';

export { systemTimers, type Timers } from '@integrity-desk/reports';

export interface UploadSweep {
  /** Runs a sweep now (or joins the one running) and resolves when it is done. */
  run(): Promise<void>;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Removes uploads nobody touched for `expiryMs` (a whistleblower who never came back), once at
 * start and then every `intervalMs`. The window is generous on purpose: uploads over Tor can take
 * an hour and resume after a dropped connection, so only days of silence count as abandoned.
 *
 * The same window is the grace period of finished uploads whose `EvidenceAdded` was never
 * recorded (a crash between the blob's rename and the append): after it, a blob no event names
 * is erased (zeros, fsync, unlink) and its marker dropped; a named one only loses its marker.
 * The gap between rename and append is milliseconds, but an append can wait much longer on a
 * stalled disk or an EventStoreDB cluster electing a leader, and a blob erased under an upload
 * whose append then succeeds would be acknowledged evidence lost; an orphan kept a day longer
 * costs little (a purge of its report erases it too). A blob that any upload completed inside
 * the window is never erased, so the same bytes sent again (a retry, or another report) keep it.
 * Failures are reported by class and retried at the next interval; nothing is ever thrown.
 */
export function startUploadSweep(options: {
  readonly blobStore: BlobStore;
  readonly clock: Clock;
  readonly expiryMs: number;
  readonly intervalMs: number;
  readonly timers: Timers;
  /** Whether an event names the blob of an unrecorded upload (see `unrecordedBlobNamed`). */
  readonly blobNamed: (upload: UnrecordedBlob) => Promise<boolean>;
  readonly onSwept: (counts: { removed: number; erased: number }) => void;
  readonly onError: (error: unknown) => void;
}): UploadSweep {
  const { blobStore } = options;
  async function sweep(untouchedSince: Date) {
    const removed = await blobStore.sweep(untouchedSince);
    let erased = 0;
    for (const upload of await blobStore.unrecorded()) {
      if (upload.completedAt >= untouchedSince) continue;
      const erase = !(await options.blobNamed(upload));
      if (await blobStore.dropUnrecorded(upload, { erase, untouchedSince })) erased += 1;
    }
    if (removed > 0 || erased > 0) options.onSwept({ removed, erased });
  }
  return startPeriodic(
    () =>
      sweep(new Date(options.clock.now().getTime() - options.expiryMs)).catch((error: unknown) =>
        options.onError(error),
      ),
    { intervalMs: options.intervalMs, timers: options.timers, idle: undefined },
  );
}
