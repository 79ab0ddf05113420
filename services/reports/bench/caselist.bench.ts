/**
 * `npm run bench:caselist`: the case list at 100,000 reports. Folds a log of varied reports
 * through the case-list projection into SQLite, loads the desk's in-memory index from it as the
 * desk does (readCaseListChanges), then times filters, sorts, searches and the saved views'
 * counts for an investigator of half the channels. Writes bench/results/caselist.json.
 */
import type { Json, RecordedEvent } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import { queryLatency, runBench, writeBenchResult, type Figure } from '../../../bench/format.ts';
import { CaseIndex } from '../src/projections/cases/case-index.ts';
import { readCaseListChanges } from '../src/projections/cases/changes.ts';
import { caseListDdl, caseListWrites } from '../src/projections/cases/projection.ts';
import type { CaseListContext, CaseQuery } from '../src/projections/cases/query.ts';
import { evolveCaseRow, type CaseListState } from '../src/projections/cases/row.ts';
import { priorities, sectors } from '../src/report/events.ts';
import type { Change } from '../src/projections/projection.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const channels = Array.from({ length: 10 }, (_, i) => `channel-${i}`);
const investigators = Array.from({ length: 20 }, (_, i) => `investigator-${i}`);
const regions = ['Khomas', 'Erongo', 'Oshana', null] as const;
const HOUR = 3_600_000;
const t0 = Date.parse('2025-01-01T00:00:00Z');

let position = 0n;
function* eventsOf(i: number): Generator<RecordedEvent> {
  const reportId = `report-${String(i).padStart(8, '0')}`;
  let revision = 0n;
  const at = (hours: number) => new Date(t0 + (i + hours) * HOUR).toISOString();
  const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
    id: `${reportId}-${revision}`,
    type,
    streamId: `report-${reportId}`,
    revision: revision++,
    position: ++position,
    data: { reportId, ...data } as Json,
    metadata: {},
    created: 0,
  });
  const by = investigators[i % investigators.length] as string;
  yield event('ReportSubmitted', {
    channelId: channels[i % channels.length],
    receivedAt: at(0),
    acknowledgementDueAt: at(7 * 24),
  });
  if (i % 5 === 0) return; // a fifth still in the inbox
  yield event('ReportAcknowledged', { by, acknowledgedAt: at(24), feedbackDueAt: at(90 * 24) });
  if (i % 7 === 1) return; // some not triaged yet
  yield event('ReportTriaged', {
    by,
    priority: priorities[i % priorities.length],
    sector: sectors[i % sectors.length],
    region: regions[i % regions.length],
    triagedAt: at(25),
  });
  yield event('ReportAssigned', { by, investigatorId: by, assignedAt: at(25) });
  yield event('MessagePosted', { messageId: `m-${i}`, author: 'whistleblower', postedAt: at(30) });
  if (i % 3 === 0)
    yield event('ReportClosed', { by, outcome: 'substantiated', closedAt: at(60 * 24) });
}

runBench(async () => {
  const db = new Database(':memory:');
  db.exec(caseListDdl);
  let start = performance.now();
  const write = db.transaction((changes: Change<CaseListState>[]) => {
    for (const w of caseListWrites(changes)) db.prepare(w.sql).run(...w.params);
  });
  for (let from = 0; from < REPORTS; from += 5000) {
    const changes: Change<CaseListState>[] = [];
    for (let i = from; i < Math.min(REPORTS, from + 5000); i++) {
      let state: CaseListState | undefined;
      for (const e of eventsOf(i)) state = evolveCaseRow(state, e);
      changes.push({ key: `report-${i}`, before: undefined, after: state });
    }
    write(changes);
  }
  const foldSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const index = new CaseIndex();
  index.apply(readCaseListChanges(db, 0).states);
  const loadMs = performance.now() - start;

  const ctx: CaseListContext = {
    channelIds: channels.slice(0, 5),
    investigatorId: investigators[0] as string,
    now: new Date(t0 + REPORTS * HOUR),
  };
  const page = (q: Partial<CaseQuery> & Pick<CaseQuery, 'filter'>): CaseQuery => ({
    sort: { key: 'received', direction: 'desc' },
    limit: 50,
    offset: 0,
    ...q,
  });
  let minute = 0;
  const queries: [string, () => unknown][] = [
    ['all, newest first', () => index.query(page({ filter: {} }), ctx)],
    [
      'filter priority urgent, sort next deadline',
      () =>
        index.query(
          page({
            filter: { priority: ['urgent'] },
            sort: { key: 'nextDeadline', direction: 'asc' },
          }),
          ctx,
        ),
    ],
    [
      'filter sector + region + open, sort priority desc',
      () =>
        index.query(
          page({
            filter: { sector: ['mining'], region: 'Khomas', open: true },
            sort: { key: 'priority', direction: 'desc' },
          }),
          ctx,
        ),
    ],
    [
      'filter assignee + status, page 100',
      () =>
        index.query(
          page({
            filter: { assignee: investigators[2] as string, status: ['acknowledged'] },
            offset: 5000,
          }),
          ctx,
        ),
    ],
    ['search "khomas"', () => index.query(page({ filter: { q: 'khomas' } }), ctx)],
    [
      'sort by region (no filter)',
      () => index.query(page({ filter: {}, sort: { key: 'region', direction: 'asc' } }), ctx),
    ],
    // A new minute each time: the count is computed, not the one kept from the last call.
    [
      'saved views counts (all seven)',
      () => index.viewCounts({ ...ctx, now: new Date(ctx.now.getTime() + 60_000 * minute++) }),
    ],
  ];
  const figures: Figure[] = [
    { name: `fold ${REPORTS} reports into case_list`, value: foldSeconds, unit: 's' },
    { name: 'load the index from case_list', value: loadMs, unit: 'ms' },
  ];
  for (const [name, run] of queries) figures.push(...queryLatency(name, run, '< 20'));
  // On a shared machine p99 is mostly other processes' time slices: read it beside the load.
  figures.push({
    name: 'load average (1 min) after the queries',
    value: loadavg()[0] ?? NaN,
    unit: '',
  });
  writeBenchResult('caselist', figures);
  db.close();
});
