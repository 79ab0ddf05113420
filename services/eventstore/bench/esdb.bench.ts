/**
 * The esdb adapter's figures for `npm run bench:eventstore` (called from eventstore.bench.ts):
 * appends/s from 64 concurrent writers and readAll events/s,
 * - against the in-process gRPC stand-in: this measures the adapter and client overhead over a
 *   real socket and says nothing about a real server's speed;
 * - against ESDB_CONNECTION_STRING when it is set (a real server or cluster).
 * About 10 s without ESDB_CONNECTION_STRING, about 20 s with it.
 */
import { randomUUID } from 'node:crypto';
import { createEsdbEventStore } from '../src/esdb/esdb-event-store.ts';
import type { EventStore } from '../src/port/types.ts';
import { startEsdbStandin } from '../test/esdb-standin/standin.ts';
import type { Figure } from '../../../bench/format.ts';

const WRITERS = 64;
const payload = { envelope: 'x'.repeat(512), channelId: randomUUID() };

async function appendsPerSecond(
  store: EventStore,
  prefix: string,
  seconds: number,
): Promise<{ rate: number; first: bigint | undefined }> {
  let count = 0;
  let first: bigint | undefined;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      // A report stream per writer, as intake writes: one event per append, exact revisions.
      let revision: bigint | 'no_stream' = 'no_stream';
      while (performance.now() < until) {
        const r = await store.append(
          `${prefix}-${w}`,
          [{ id: randomUUID(), type: 'ReportSubmitted', data: payload }],
          { expectedRevision: revision },
        );
        if (first === undefined || r.position < first) first = r.position;
        revision = r.nextExpectedRevision;
        count++;
      }
    }),
  );
  return { rate: count / seconds, first };
}

async function readAllPerSecond(
  store: EventStore,
  after: bigint | undefined,
  limit: number,
  seconds: number,
): Promise<{ rate: number; events: number }> {
  const start = performance.now();
  const until = start + seconds * 1000;
  let events = 0;
  let cursor = after;
  while (events < limit && performance.now() < until) {
    const page = await store.readAll({ after: cursor, maxCount: 4096 });
    if (page.length === 0) break;
    events += page.length;
    cursor = page[page.length - 1]!.position;
  }
  return { rate: events / ((performance.now() - start) / 1000), events };
}

async function measure(
  label: string,
  connectionString: string,
  seconds: number,
  note: string,
): Promise<Figure[]> {
  const store = createEsdbEventStore({ connectionString });
  try {
    const prefix = `bench-${randomUUID().slice(0, 8)}`;
    console.log(`esdb adapter (${label}): ${WRITERS} concurrent writers for ${seconds}s ...`);
    const appends = await appendsPerSecond(store, prefix, seconds);
    console.log(`esdb adapter (${label}): readAll of what was written ...`);
    const from = appends.first === undefined ? undefined : appends.first - 1n;
    const read = await readAllPerSecond(store, from, 200_000, seconds);
    return [
      {
        name: `esdb appends, ${label} (${WRITERS} writers)`,
        value: appends.rate,
        unit: 'events/s',
        target: note,
      },
      {
        name: `esdb readAll, ${label} (${read.events} events)`,
        value: read.rate,
        unit: 'events/s',
        target: note,
      },
    ];
  } finally {
    await store.close();
  }
}

export async function esdbFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const standin = await startEsdbStandin();
  try {
    figures.push(
      ...(await measure(
        'stand-in',
        standin.connectionString,
        3,
        'stand-in: says nothing about a real server speed',
      )),
    );
  } finally {
    await standin.dispose();
  }
  const live = process.env.ESDB_CONNECTION_STRING;
  if (live) figures.push(...(await measure('ESDB_CONNECTION_STRING', live, 4, 'real server')));
  else console.log('esdb adapter: ESDB_CONNECTION_STRING not set, no figures for a real server');
  return figures;
}

// Run on its own: npx tsx services/eventstore/bench/esdb.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  esdbFigures().then(
    (f) => console.table(f),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
