import type { EventStore } from '@integrity-desk/eventstore';
import { join } from 'node:path';
import { createFsBlobStore } from '../evidence/fs-blob-store.ts';
import { startIntake, type manualTimers, type testClock } from './harness.ts';

export const HOUR = 60 * 60_000;
/** The chunk size of the sweep tests: small, so a file of a few chunks is cheap to seal. */
export const CHUNK = 64 * 1024;

/**
 * Intake over a data directory (evidence under `dir/evidence`) whose unfinished uploads expire
 * after a day and are swept every hour by `timers`, fired by hand: the sweep tests start it,
 * crash it and start it again on the same directory.
 */
export function startSweepingIntake(
  dir: string,
  store: EventStore,
  clock: ReturnType<typeof testClock>,
  timers: ReturnType<typeof manualTimers>,
) {
  return startIntake({
    store,
    clock,
    blobStore: createFsBlobStore({ dir: join(dir, 'evidence'), clock }),
    config: { maxChunkBytes: CHUNK, uploadExpiryMs: 24 * HOUR, uploadSweepIntervalMs: HOUR },
    deps: { timers },
  });
}
