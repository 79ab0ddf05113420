/**
 * npm run bench:eventstore: durable appends/s from 64 concurrent writers on the sqlite adapter,
 * beside a bare better-sqlite3 loop with the same durability (one insert per commit), and
 * readAll events/s. Numbers come from this run on this machine; compare ratios, not absolutes.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '../src/index.ts';
import type { EventStore } from '../src/index.ts';
import { runBench, writeBenchResult, type Figure } from '../../../bench/format.ts';

const WRITERS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const payload = { envelope: 'x'.repeat(512), channelId: randomUUID() };

async function appendsPerSecond(store: EventStore): Promise<number> {
  let count = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      while (performance.now() < until) {
        await store.append(
          `report-${w}-${count}`,
          [{ id: randomUUID(), type: 'ReportSubmitted', data: payload }],
          {
            expectedRevision: 'no_stream',
          },
        );
        count++;
      }
    }),
  );
  return count / SECONDS;
}

function bareLoopPerSecond(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE e (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, data TEXT)');
  const insert = db.prepare('INSERT INTO e (id, data) VALUES (?, ?)');
  const json = JSON.stringify(payload);
  let count = 0;
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) {
    insert.run(randomUUID(), json); // autocommit: one transaction, one fsync per insert
    count++;
  }
  db.close();
  return count / SECONDS;
}

async function readAllPerSecond(store: EventStore): Promise<{ rate: number; events: number }> {
  const start = performance.now();
  let after: bigint | undefined;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 4096 });
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1]!.position;
  }
  return { rate: events / ((performance.now() - start) / 1000), events };
}

runBench(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-bench-'));
  try {
    console.log(
      `sqlite adapter: ${WRITERS} concurrent writers for ${SECONDS}s, durable (WAL fsynced before each ack) ...`,
    );
    const store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
    const appends = await appendsPerSecond(store);
    console.log('bare better-sqlite3 loop, one insert per commit ...');
    const bare = bareLoopPerSecond(join(dir, 'bare.sqlite'));
    console.log('readAll over everything written ...');
    const read = await readAllPerSecond(store);
    await store.close();
    const figures: Figure[] = [
      {
        name: `sqlite appends (${WRITERS} writers, durable: fsynced before each ack)`,
        value: appends,
        unit: 'events/s',
        baseline: bare,
        ratio: appends / bare,
        target: '>= 10000/s and >= 2x bare',
      },
      { name: 'bare better-sqlite3 loop (1 insert/commit, FULL)', value: bare, unit: 'events/s' },
      {
        name: `sqlite readAll (${read.events} events)`,
        value: read.rate,
        unit: 'events/s',
        target: '>= 200000/s',
      },
    ];
    const esdbBench = join(import.meta.dirname, 'esdb.bench.ts');
    if (existsSync(esdbBench)) {
      const { esdbFigures } = (await import(esdbBench)) as { esdbFigures: () => Promise<Figure[]> };
      figures.push(...(await esdbFigures()));
    }
    writeBenchResult('eventstore', figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
