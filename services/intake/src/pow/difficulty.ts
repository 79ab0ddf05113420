import type { EphemeralStore } from '@integrity-desk/shared-state';
import type { PowConfig } from '../config.ts';
import { POW_CAP_BITS } from './cap.ts';

/**
 * Adaptive difficulty from the global rate of attempts whose proof of work passed (submissions
 * and session starts; no per-client state: never per IP). Only paid attempts count, so a flood
 * that pays nothing cannot raise the price for everyone else. Counts them in one-second buckets
 * over the last minute, in the shared state, so every intake process behind one address sees the
 * same rate; every doubling of the rate above `normalRatePerMinute` asks one more leading zero
 * bit, i.e. twice the work per attempt, so a flood pays for itself. As the minute slides past a
 * burst it falls back. Never above POW_CAP_BITS (cap.ts), whatever the configuration says: past
 * what a phone pays in ten seconds, a flood is the rate limits' job.
 */
export function createDifficulty(config: PowConfig, now: () => number, store: EphemeralStore) {
  const second = () => Math.floor(now() / 1000);
  // A bucket outlives the minute it is counted in, then expires by itself.
  const bucketMs = 61_000;

  async function ratePerMinute(): Promise<number> {
    const s = second();
    // Adding 0 reads a counter (counters are plain numbers, not sealed values).
    const counts = await Promise.all(
      Array.from({ length: 60 }, (_, i) => store.incr(String(s - i), bucketMs, 0)),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  return {
    async recordAttempt(): Promise<void> {
      await store.incr(String(second()), bucketMs);
    },
    ratePerMinute,
    async bits(): Promise<number> {
      const rate = await ratePerMinute();
      const extra =
        rate > config.normalRatePerMinute
          ? Math.ceil(Math.log2(rate / Math.max(1, config.normalRatePerMinute)))
          : 0;
      const ceiling = Math.min(config.maxBits, POW_CAP_BITS);
      return Math.min(ceiling, Math.max(config.minBits, config.baseBits + extra));
    },
  };
}
