import type { Clock } from '../deps.ts';
import type { Timers } from '@integrity-desk/reports';
import type { BlobStore } from './blob-store.ts';

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
 * Failures are reported by class and retried at the next interval; nothing is ever thrown.
 */
export function startUploadSweep(options: {
  readonly blobStore: BlobStore;
  readonly clock: Clock;
  readonly expiryMs: number;
  readonly intervalMs: number;
  readonly timers: Timers;
  readonly onSwept: (removed: number) => void;
  readonly onError: (error: unknown) => void;
}): UploadSweep {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= options.blobStore
      .sweep(new Date(options.clock.now().getTime() - options.expiryMs))
      .then(
        (removed) => {
          if (removed > 0) options.onSwept(removed);
        },
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  void run();
  const timer = options.timers.every(options.intervalMs, run);
  return {
    run,
    async stop() {
      stopped = true;
      timer.stop();
      await running;
    },
  };
}
