import type { AdditiveGroup } from './tabulate.ts';

/** A published count: exact, or only "fewer than the threshold" (or hidden to protect one). */
export type PublishedCount = number | 'suppressed';

/**
 * Small-cell suppression, pure. Primary: every count from 1 to `threshold - 1` is suppressed
 * (0 is shown: it says nothing about anyone). Complementary: a sum that holds between published
 * cells (a total and its parts) must never have exactly one suppressed member, or subtracting
 * the others from it gives that member back; so while some group has one, the smallest other
 * member of that group that is still shown is suppressed too (a part before the total, a count
 * above zero before a zero), until no group has exactly one. Suppression only ever grows, so
 * this ends.
 *
 * This closes recovery by subtraction within and across the groups of one snapshot (the test
 * runs that attack). It does not make two snapshots of the same quarter safe to compare when
 * their numbers differ (a purge or a late feedback changes them): `publish` says so.
 */
export function suppress(
  counts: ReadonlyMap<string, number>,
  groups: readonly AdditiveGroup[],
  threshold: number,
): Map<string, PublishedCount> {
  const out = new Map<string, PublishedCount>();
  for (const [id, n] of counts) out.set(id, n > 0 && n < threshold ? 'suppressed' : n);
  const valueOf = (id: string) => counts.get(id) ?? 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      const members = [...g.parts, g.total];
      const hidden = members.filter((id) => out.get(id) === 'suppressed');
      if (hidden.length !== 1) continue;
      const shown = members.filter((id) => out.get(id) !== 'suppressed');
      // Parts before the total, then counts above zero before zeros, then the smallest.
      const rank = (id: string) => [id === g.total ? 1 : 0, valueOf(id) > 0 ? 0 : 1, valueOf(id)];
      const next = shown.sort((a, b) => {
        const [ra, rb] = [rank(a), rank(b)];
        return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
      })[0];
      if (next === undefined) continue;
      out.set(next, 'suppressed');
      changed = true;
    }
  }
  return out;
}
