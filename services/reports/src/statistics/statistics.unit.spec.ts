import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveStatistics } from './indicators.ts';
import { snapshotOf } from './publish.ts';
import { suppress, type PublishedCount } from './suppress.ts';
import { cellId, tabulate, type AdditiveGroup, type StatisticsRow } from './tabulate.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const Q3_2026 = Date.UTC(2026, 6, 1);
const NOW = new Date(Date.UTC(2026, 11, 5));

function row(over: Partial<StatisticsRow> & { receivedAt: string }): StatisticsRow {
  const received = Date.parse(over.receivedAt);
  return {
    channelId: 'chan-a',
    sector: 'procurement',
    ackDueAt: iso(received + 7 * DAY),
    acknowledgedAt: null,
    feedbackDueAt: null,
    feedbackGivenAt: null,
    outcome: null,
    ...over,
  };
}
const rowsOf = (n: number, over: Partial<StatisticsRow>, at = Q3_2026 + DAY) =>
  Array.from({ length: n }, (_, i) => row({ receivedAt: iso(at + i * 60_000), ...over }));

/**
 * The attacker: every sum the snapshot states (a total and its parts) as a linear equation over
 * the suppressed cells, solved as far as linear algebra goes. A suppressed cell is recovered when
 * its unit vector lies in the span of the equations (Gaussian elimination over the unknowns).
 */
function recoverable(
  published: ReadonlyMap<string, PublishedCount>,
  groups: readonly AdditiveGroup[],
): string[] {
  const unknowns = [...published].filter(([, v]) => v === 'suppressed').map(([id]) => id);
  const index = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const g of groups) {
    const r = new Array<number>(unknowns.length).fill(0);
    let touches = false;
    for (const [id, sign] of [[g.total, -1], ...g.parts.map((p) => [p, 1] as const)] as const) {
      const i = index.get(id);
      if (i !== undefined) {
        r[i]! += sign;
        touches = true;
      }
    }
    if (touches) rows.push(r);
  }
  const rank = (m: number[][]) => {
    const a = m.map((r) => [...r]);
    let rk = 0;
    for (let col = 0; col < unknowns.length && rk < a.length; col++) {
      const pivot = a.findIndex((r, i) => i >= rk && Math.abs(r[col]!) > 1e-9);
      if (pivot < 0) continue;
      [a[rk], a[pivot]] = [a[pivot]!, a[rk]!];
      for (let i = 0; i < a.length; i++)
        if (i !== rk && Math.abs(a[i]![col]!) > 1e-9) {
          const f = a[i]![col]! / a[rk]![col]!;
          a[i] = a[i]!.map((v, j) => v - f * a[rk]![j]!);
        }
      rk++;
    }
    return rk;
  };
  const base = rank(rows);
  return unknowns.filter((_, i) => {
    const e = new Array<number>(unknowns.length).fill(0);
    e[i] = 1;
    return rank([...rows, e]) === base;
  });
}

describe('statistics: tabulate', () => {
  it('counts received, in time and outcomes per cell, with totals, over ended quarters only', () => {
    const ack = (r: StatisticsRow) => ({
      ...r,
      acknowledgedAt: iso(Date.parse(r.receivedAt) + DAY),
    });
    const rows = [
      ...rowsOf(6, {}).map(ack),
      ...rowsOf(2, { sector: 'police', outcome: 'substantiated' }),
      // Still running on NOW: never counted.
      ...rowsOf(9, {}, Date.UTC(2026, 10, 1)),
    ];
    const t = tabulate(rows, NOW);
    expect(t.quarters).toEqual(['2026-Q3']);
    const at = (channelId: string, sector: string, m: Parameters<typeof cellId>[1]) =>
      t.counts.get(cellId({ quarter: '2026-Q3', channelId, sector }, m));
    expect(at('chan-a', 'procurement', 'received')).toBe(6);
    expect(at('chan-a', 'procurement', 'acknowledgedInTime')).toBe(6);
    expect(at('chan-a', 'police', 'acknowledgedInTime')).toBe(0);
    expect(at('chan-a', 'police', 'outcome:substantiated')).toBe(2);
    expect(at('chan-a', '*', 'received')).toBe(8);
    expect(at('*', '*', 'received')).toBe(8);
  });
});

describe('statistics: small-cell suppression', () => {
  it('shows no count from 1 to 4, and hides a second cell so the small one cannot be subtracted back', () => {
    const rows = [...rowsOf(7, {}), ...rowsOf(2, { sector: 'police' })];
    const t = tabulate(rows, NOW);
    const out = suppress(t.counts, t.groups, 5);
    const cell = (sector: string) =>
      out.get(cellId({ quarter: '2026-Q3', channelId: 'chan-a', sector }, 'received'));
    expect(cell('police')).toBe('suppressed');
    // 9 - 7 = 2: the total and the larger part cannot both be shown.
    expect([cell('procurement'), cell('*')]).toContain('suppressed');
    expect(recoverable(out, t.groups)).toEqual([]);
    // Zeros say nothing about anyone and stay.
    expect(
      cell('*') === 'suppressed' ||
        out.get(
          cellId({ quarter: '2026-Q3', channelId: 'chan-a', sector: 'police' }, 'feedbackInTime'),
        ) === 0,
    ).toBe(true);
  });

  it('without the complementary step, the attack would recover the small cell (so the check can fail)', () => {
    const rows = [...rowsOf(7, {}), ...rowsOf(2, { sector: 'police' })];
    const t = tabulate(rows, NOW);
    const primaryOnly = new Map<string, PublishedCount>(
      [...t.counts].map(([id, n]) => [id, n > 0 && n < 5 ? 'suppressed' : n]),
    );
    expect(recoverable(primaryOnly, t.groups).length).toBeGreaterThan(0);
  });

  it('leaves no suppressed cell recoverable and no shown count below the threshold, for any reports', () => {
    const channels = ['chan-a', 'chan-b', 'chan-c'];
    const sectors = [null, 'procurement', 'police', 'health'];
    const arbRow = fc.record({
      channel: fc.constantFrom(...channels),
      sector: fc.constantFrom(...sectors),
      day: fc.integer({ min: 0, max: 300 }),
      ackAfter: fc.option(fc.integer({ min: 0, max: 20 })),
      outcome: fc.option(fc.constantFrom('substantiated', 'unsubstantiated')),
    });
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 120 }),
        fc.integer({ min: 2, max: 10 }),
        (spec, k) => {
          const rows = spec.map((s) => {
            const received = Date.UTC(2026, 0, 1) + s.day * DAY;
            return row({
              receivedAt: iso(received),
              channelId: s.channel,
              sector: s.sector,
              acknowledgedAt: s.ackAfter === null ? null : iso(received + s.ackAfter * DAY),
              outcome: s.outcome,
            });
          });
          const t = tabulate(rows, NOW);
          const out = suppress(t.counts, t.groups, k);
          for (const v of out.values())
            if (v !== 'suppressed') expect(v === 0 || v >= k).toBe(true);
          expect(recoverable(out, t.groups)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('statistics: the published snapshot', () => {
  it('holds ended quarters only, suppressed counts as null, and the threshold', () => {
    const rows = [
      ...rowsOf(12, {}),
      ...rowsOf(3, { channelId: 'chan-b' }),
      ...rowsOf(4, {}, Date.UTC(2026, 10, 2)),
    ];
    const s = snapshotOf(rows, {
      now: NOW,
      threshold: 5,
      snapshotId: '00000000-0000-4000-8000-000000000000',
      by: 'admin',
    });
    expect(s.data.quarters).toEqual(['2026-Q3']);
    const b = s.data.cells.find((c) => c.channelId === 'chan-b' && c.sector === '*');
    expect(b?.counts.received).toBeNull();
    const overall = s.data.cells.find((c) => c.channelId === '*');
    // 15 in all, 3 of them chan-b's: the total and chan-a's 12 cannot both be shown.
    expect(
      overall?.counts.received === null ||
        s.data.cells.find((c) => c.channelId === 'chan-a' && c.sector === '*')?.counts.received ===
          null,
    ).toBe(true);
    expect(JSON.stringify(s)).not.toContain('2026-Q4');
  });
});

describe('statistics: live indicators', () => {
  it('measures time to acknowledge and feedback, in time shares and overdue work as of now', () => {
    const base = Date.UTC(2026, 9, 1);
    const rows = [
      row({ receivedAt: iso(base), acknowledgedAt: iso(base + 2 * DAY) }),
      row({ receivedAt: iso(base), acknowledgedAt: iso(base + 10 * DAY) }),
      row({ receivedAt: iso(base) }),
      row({ receivedAt: iso(NOW.getTime() - DAY) }),
      row({
        receivedAt: iso(base),
        acknowledgedAt: iso(base + DAY),
        feedbackDueAt: iso(base + 90 * DAY),
        feedbackGivenAt: iso(base + 30 * DAY),
      }),
    ];
    const live = liveStatistics(rows, NOW);
    expect(live.overall.received).toBe(5);
    expect(live.overall.acknowledgementDue).toBe(4);
    expect(live.overall.acknowledgedInTime).toBe(2);
    expect(live.overall.acknowledgementOverdue).toBe(1);
    expect(live.overall.medianDaysToAcknowledge).toBe(2);
    expect(live.overall.feedbackInTime).toBe(1);
    expect(live.overall.medianDaysToFeedback).toBe(30);
    expect(live.byQuarter.map((q) => q.quarter)).toEqual(['2026-Q4']);
  });
});
