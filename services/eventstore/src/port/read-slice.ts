import type { ReadStreamOptions, RecordedEvent } from './types.ts';

/** Applies direction, start revision and max count to a stream's events (sorted by revision). */
export function readStreamSlice(
  events: readonly RecordedEvent[],
  opts: ReadStreamOptions,
): RecordedEvent[] {
  const direction = opts.direction ?? 'forwards';
  const max = opts.maxCount ?? Number.MAX_SAFE_INTEGER;
  const from = opts.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
  if (direction === 'forwards') {
    const start =
      from === 'start' ? -1n : from === 'end' ? BigInt(Number.MAX_SAFE_INTEGER) : from - 1n;
    return events.filter((e) => e.revision > start).slice(0, max);
  }
  const start = from === 'end' ? BigInt(Number.MAX_SAFE_INTEGER) : from === 'start' ? 0n : from;
  return events
    .filter((e) => e.revision <= start)
    .reverse()
    .slice(0, max);
}
