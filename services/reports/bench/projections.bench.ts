/**
 * `npm run bench:projections`: rebuilds every read model from 1,000,000 events (100,000 reports)
 * beside a bare readAll over the same store in the same run, then times each queue query at
 * 100,000 reports. Writes bench/results/projections.json.
 */
import { createSqliteEventStore, type EventToAppend, type Json } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryLatency, runBench, writeBenchResult, type Figure } from '../../../bench/format.ts';
import { allProjections } from '../src/projections/all.ts';
import {
  listByTriage,
  listQueue,
  queueCounts,
  queueNames,
  type QueueContext,
} from '../src/projections/queues/queries.ts';
import { createProjectionRunner, openReadModels } from '../src/projections/runner.ts';
import { priorities, sectors } from '../src/report/events.ts';
import {
  fakeAttachmentHeader,
  fakeMessageEnvelope,
  fakeSubmissionEnvelope,
  fakeUuid,
} from '../src/shared/fixtures.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const EVENTS_PER_REPORT = 10;
const channels = Array.from({ length: 10 }, (_, i) => fakeUuid(`channel-${i}`));
const investigators = Array.from({ length: 20 }, (_, i) => `inv-${i}`);
const DAY = 86_400_000;
const start = Date.parse('2025-01-01T00:00:00Z');

// Envelope templates, with the ids swapped per report: the size of real events, cheaply.
const submissionTemplate = fakeSubmissionEnvelope(fakeUuid('r'), channels[0] as string);
const messageTemplate = fakeMessageEnvelope(fakeUuid('r'), fakeUuid('m'));
const headerTemplate = fakeAttachmentHeader(fakeUuid('r'), fakeUuid('a'));

function reportEvents(i: number): EventToAppend[] {
  const reportId = fakeUuid(`report-${i}`);
  const channelId = channels[i % channels.length] as string;
  const t = start + Math.floor((i / REPORTS) * 400 * DAY);
  const iso = (offsetDays: number) => new Date(t + offsetDays * DAY).toISOString();
  const by = investigators[i % investigators.length] as string;
  const e = (n: number, type: string, data: Record<string, unknown>): EventToAppend => ({
    id: `${reportId.slice(0, 30)}-${n}`,
    type,
    data: data as Json,
  });
  const envelope = {
    ...submissionTemplate,
    reportId,
    channelId,
    whistleblower: { ...submissionTemplate.whistleblower, locator: `${reportId}`.padEnd(43, 'x') },
  };
  const message = (n: number, author: 'whistleblower' | 'investigator', day: number) =>
    e(n, 'MessagePosted', {
      reportId,
      messageId: fakeUuid(`${i}-m${n}`),
      author,
      ...(author === 'investigator' && { investigatorId: by }),
      envelope: { ...messageTemplate, reportId },
      postedAt: iso(day),
    });
  const ended =
    i % 3 === 0
      ? e(9, 'ReportClosed', { reportId, by, outcome: 'substantiated', closedAt: iso(60) })
      : e(9, 'InternalNoteAdded', {
          reportId,
          noteId: `n-${i}`,
          by,
          note: { ciphertext: 'x'.repeat(200) },
          addedAt: iso(40),
        });
  return [
    e(0, 'ReportSubmitted', {
      reportId,
      channelId,
      receivedAt: iso(0),
      acknowledgementDueAt: iso(7),
      envelope,
    }),
    e(1, 'ReportAcknowledged', {
      reportId,
      by,
      acknowledgedAt: iso(2),
      feedbackDueAt: iso(92),
    }),
    e(2, 'ReportTriaged', {
      reportId,
      by,
      priority: priorities[i % priorities.length],
      sector: sectors[i % sectors.length],
      region: null,
      triagedAt: iso(3),
    }),
    e(3, 'ReportAssigned', { reportId, by, investigatorId: by, assignedAt: iso(3) }),
    e(4, 'ReportStatusChanged', {
      reportId,
      by,
      from: 'acknowledged',
      to: 'investigating',
      changedAt: iso(4),
    }),
    message(5, 'whistleblower', 5),
    message(6, 'investigator', 6),
    message(7, 'whistleblower', 7),
    e(8, 'EvidenceAdded', {
      reportId,
      evidenceId: `ev-${i}`,
      blobId: 'a'.repeat(64),
      paddedSize: 65536,
      header: { ...headerTemplate, reportId },
      by: 'whistleblower',
      addedAt: iso(8),
    }),
    ended,
  ];
}

runBench(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'projections-bench-'));
  const file = join(dir, 'events.sqlite');
  // The adapter creates its schema; the million events then go in through one direct
  // connection in large transactions (generation is not what this bench measures, and through
  // append's fsync-per-group it takes minutes on a small machine).
  await createSqliteEventStore({ file }).close();
  let t0 = performance.now();
  const bulk = new Database(file);
  bulk.pragma('journal_mode = WAL');
  bulk.pragma('synchronous = OFF');
  // Event ids are random: without a large cache their unique index thrashes the disk.
  bulk.pragma('cache_size = -524288');
  const insert = bulk.prepare(
    'INSERT INTO events (stream_id, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const created = start - (start % 60_000);
  const insertReports = bulk.transaction((from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const stream = `report-${fakeUuid(`report-${j}`)}`;
      reportEvents(j).forEach((e, revision) =>
        insert.run(stream, revision, e.id, e.type, JSON.stringify(e.data), '{}', created),
      );
    }
  });
  for (let i = 0; i < REPORTS; i += 5000) insertReports(i, Math.min(REPORTS, i + 5000));
  bulk.close();
  const total = REPORTS * EVENTS_PER_REPORT;
  console.log(`generated ${total} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const store = createSqliteEventStore({ file });
  try {
    // Bare readAll over the same store: the ceiling for any rebuild.
    // CPU time beside wall time: on a shared machine the wall figures carry other processes' load.
    const cpuSeconds = (since: NodeJS.CpuUsage) => {
      const c = process.cpuUsage(since);
      return (c.user + c.system) / 1e6;
    };
    let c0 = process.cpuUsage();
    t0 = performance.now();
    let after = 0n;
    let read = 0;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5000 });
      const last = page.at(-1);
      if (!last) break;
      read += page.length;
      after = last.position;
    }
    const readAllRate = read / ((performance.now() - t0) / 1000);
    const readAllCpuRate = read / cpuSeconds(c0);

    const db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    c0 = process.cpuUsage();
    t0 = performance.now();
    await runner.rebuild();
    const rebuildRate = total / ((performance.now() - t0) / 1000);
    const rebuildCpuRate = total / cpuSeconds(c0);

    // An investigator who is a recipient of half the channels.
    const ctx: QueueContext = {
      channelIds: channels.slice(0, 5),
      investigatorId: investigators[0] as string,
      now: new Date(start + 200 * DAY),
    };
    const queries: [string, () => unknown][] = [
      ...queueNames.map(
        (n) => [`queue ${n}`, () => listQueue(db, n, ctx)] as [string, () => unknown],
      ),
      ['queue by priority (urgent)', () => listByTriage(db, { priority: 'urgent' }, ctx)],
      ['queue by sector (mining)', () => listByTriage(db, { sector: 'mining' }, ctx)],
      ['queue counts (all)', () => queueCounts(db, ctx)],
    ];
    const figures: Figure[] = [
      { name: 'bare readAll', value: readAllRate, unit: 'events/s' },
      {
        name: `rebuild all read models (${total} events, ${REPORTS} reports)`,
        value: rebuildRate,
        unit: 'events/s',
        baseline: readAllRate,
        ratio: rebuildRate / readAllRate,
        target: '>= 50000',
      },
      { name: 'bare readAll per CPU second', value: readAllCpuRate, unit: 'events/cpu-s' },
      {
        name: 'rebuild per CPU second',
        value: rebuildCpuRate,
        unit: 'events/cpu-s',
        baseline: readAllCpuRate,
        ratio: rebuildCpuRate / readAllCpuRate,
      },
      { name: 'load average (1 min) after the rebuild', value: loadavg()[0] ?? NaN, unit: '' },
    ];
    for (const [name, run] of queries) figures.push(...queryLatency(name, run, '< 10'));
    writeBenchResult('projections', figures);
    db.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
