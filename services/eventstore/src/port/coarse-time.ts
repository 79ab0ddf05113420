/**
 * Stored commit times are rounded down to the minute: a precise arrival time on a report
 * stream helps correlate a submission with network logs, and nothing here needs seconds.
 */
export function coarseTime(ms: number): number {
  return ms - (ms % 60_000);
}
