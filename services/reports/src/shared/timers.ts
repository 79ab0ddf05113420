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
