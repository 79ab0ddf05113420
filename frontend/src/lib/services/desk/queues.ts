// Queue badges. The desk counts most queues exactly; the two that depend on the clock are
// counted up to a cap, and the API lists those that reached it in `capped` (services/reports,
// queue queries): such a count is "at least", shown as "1000+", never as an exact 1000.

/** Each queue with the count its badge shows. */
export function queueBadges(counts: {
  readonly queues: Record<string, number>;
  readonly capped: readonly string[];
}): { id: string; count: string }[] {
  const capped = new Set(counts.capped);
  return Object.entries(counts.queues).map(([id, n]) => ({
    id,
    count: capped.has(id) ? `${n}+` : String(n),
  }));
}
