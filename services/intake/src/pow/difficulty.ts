import type { PowConfig } from '../config.ts';

/**
 * Adaptive difficulty from the global rate of attempts whose proof of work passed (submissions
 * and session starts; no per-client state: never per IP). Only paid attempts count, so a flood
 * that pays nothing cannot raise the price for everyone else. Counts them in one-second buckets
 * over the last minute; every doubling of the rate above `normalRatePerMinute` asks one more
 * leading zero bit, i.e. twice the work per attempt, so a flood pays for itself. As the minute
 * slides past a burst it falls back.
 */
export function createDifficulty(config: PowConfig, now: () => number) {
  const buckets = new Array<number>(60).fill(0);
  let lastSecond = Math.floor(now() / 1000);

  function advance(): void {
    const second = Math.floor(now() / 1000);
    const gap = Math.min(60, second - lastSecond);
    for (let i = 1; i <= gap; i++) buckets[(lastSecond + i) % 60] = 0;
    if (second > lastSecond) lastSecond = second;
  }

  return {
    recordAttempt(): void {
      advance();
      buckets[lastSecond % 60] = (buckets[lastSecond % 60] ?? 0) + 1;
    },
    ratePerMinute(): number {
      advance();
      return buckets.reduce((a, b) => a + b, 0);
    },
    bits(): number {
      const rate = this.ratePerMinute();
      const extra =
        rate > config.normalRatePerMinute
          ? Math.ceil(Math.log2(rate / Math.max(1, config.normalRatePerMinute)))
          : 0;
      return Math.min(config.maxBits, Math.max(config.minBits, config.baseBits + extra));
    },
  };
}
