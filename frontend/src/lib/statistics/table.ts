// A published snapshot (GET /api/v1/statistics, or the desk's preview) laid out for reading:
// per quarter, the total over every organisation, then each organisation's total and its sectors.
// Pure: the page gives the channel names and turns keys into words.
import type { PublishedCell, PublishedStatistics } from '@integrity-desk/protocol';

export interface StatisticsRow {
  /** `all`: every organisation; `channel`: one organisation; `sector`: a sector of the one above. */
  readonly level: 'all' | 'channel' | 'sector';
  readonly channelId: string;
  readonly sector: string;
  readonly counts: PublishedCell['counts'];
}

export interface QuarterTable {
  readonly quarter: string;
  readonly rows: readonly StatisticsRow[];
}

const ALL = '*';

/** Quarters newest first; organisations by name, each followed by its sectors in the given order. */
export function quarterTables(
  snapshot: PublishedStatistics,
  channelName: (channelId: string) => string,
  sectorOrder: readonly string[],
): QuarterTable[] {
  const rank = (sector: string) => {
    const i = sectorOrder.indexOf(sector);
    return i < 0 ? sectorOrder.length : i;
  };
  return [...snapshot.quarters].reverse().map((quarter) => {
    const cells = snapshot.cells.filter((c) => c.quarter === quarter);
    const rows: StatisticsRow[] = [];
    const total = cells.find((c) => c.channelId === ALL);
    if (total) rows.push({ level: 'all', channelId: ALL, sector: ALL, counts: total.counts });
    const channels = [...new Set(cells.map((c) => c.channelId).filter((id) => id !== ALL))].sort(
      (a, b) => channelName(a).localeCompare(channelName(b)),
    );
    for (const channelId of channels) {
      const own = cells.filter((c) => c.channelId === channelId);
      const channelTotal = own.find((c) => c.sector === ALL);
      if (channelTotal)
        rows.push({ level: 'channel', channelId, sector: ALL, counts: channelTotal.counts });
      for (const c of own
        .filter((c) => c.sector !== ALL)
        .sort((a, b) => rank(a.sector) - rank(b.sector)))
        rows.push({ level: 'sector', channelId, sector: c.sector, counts: c.counts });
    }
    return { quarter, rows };
  });
}

/** The share `done / due` as a fraction, or undefined when nothing was due. */
export const shareOf = (done: number, due: number) => (due === 0 ? undefined : done / due);
