import { describe, expect, it } from 'vitest';
import { quarterTables } from '../../frontend/src/lib/statistics/table';
import type { PublishedCell } from '@integrity-desk/protocol';

const counts = (received: number | null): PublishedCell['counts'] => ({
  received,
  acknowledgedInTime: 0,
  feedbackInTime: 0,
  'outcome:substantiated': 0,
  'outcome:unsubstantiated': 0,
  'outcome:no_action_possible': 0,
  'outcome:referred_elsewhere': 0,
});
const cell = (quarter: string, channelId: string, sector: string, n: number | null) => ({
  quarter,
  channelId,
  sector,
  counts: counts(n),
});

describe('published statistics laid out for reading', () => {
  it('puts quarters newest first, the overall total, then each organisation by name with its sectors', () => {
    const tables = quarterTables(
      {
        publishedAt: '2026-12-05T00:00:00.000Z',
        threshold: 5,
        quarters: ['2026-Q2', '2026-Q3'],
        cells: [
          cell('2026-Q3', 'b', 'police', null),
          cell('2026-Q3', 'b', '*', 9),
          cell('2026-Q3', 'b', 'procurement', null),
          cell('2026-Q3', '*', '*', 20),
          cell('2026-Q3', 'a', '*', 11),
          cell('2026-Q3', 'a', 'unspecified', 11),
          cell('2026-Q2', '*', '*', 0),
        ],
      },
      (id) => ({ a: 'Zebra union', b: 'Anti-corruption commission' })[id] ?? id,
      ['procurement', 'police'],
    );
    expect(tables.map((t) => t.quarter)).toEqual(['2026-Q3', '2026-Q2']);
    expect(tables[0]?.rows.map((r) => `${r.level}:${r.channelId}:${r.sector}`)).toEqual([
      'all:*:*',
      'channel:b:*',
      'sector:b:procurement',
      'sector:b:police',
      'channel:a:*',
      'sector:a:unspecified',
    ]);
    expect(tables[0]?.rows[2]?.counts.received).toBeNull();
  });
});
