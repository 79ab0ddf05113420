/**
 * Periodic work (intake's upload sweep, the retention job), injected so that a test fires it
 * at will instead of waiting for real time.
 */
export interface Timers {
  every(intervalMs: number, task: () => Promise<void>): { stop(): void };
}

/** setInterval, unref'd: a pending run never keeps the process alive. */
export const systemTimers: Timers = {
  every(intervalMs, task) {
    const timer = setInterval(() => void task(), intervalMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  },
};

/** Work that runs at start and then at every interval, never twice at once. */
export interface PeriodicWork<T> {
  /** Starts a run now, or joins the one in progress; after `stop`, answers `idle`. */
  run(): Promise<T>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and every `intervalMs` (the upload sweep, the retention job). `task` reports
 * its own failures and never rejects; a long one asks `stopping()` to end early after `stop`.
 */
export function startPeriodic<T>(
  task: (stopping: () => boolean) => Promise<T>,
  options: { readonly intervalMs: number; readonly timers: Timers; readonly idle: T },
): PeriodicWork<T> {
  let running: Promise<T> | undefined;
  let stopped = false;
  const run = (): Promise<T> => {
    if (stopped) return Promise.resolve(options.idle);
    running ??= task(() => stopped).finally(() => {
      running = undefined;
    });
    return running;
  };
  void run();
  const timer = options.timers.every(options.intervalMs, async () => {
    await run();
  });
  return {
    run,
    async stop() {
      stopped = true;
      timer.stop();
      await running;
    },
  };
}
