import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '@integrity-desk/eventstore';
import { createEsdbEventStore } from '@integrity-desk/eventstore/esdb';
import { createProjectionRunner, type Projection } from '@integrity-desk/reports';
import {
  startEsdbStandin,
  type EsdbStandin,
} from '../../services/eventstore/test/esdb-standin/standin.ts';

/**
 * The projection runner, unchanged, on the esdb adapter (through the real client, against the
 * gRPC stand-in): it catches up, follows live appends, rides out a node restart, and a rebuild
 * after a purge no longer shows the purged stream.
 */
const tag = randomUUID().slice(0, 8);
const counter: Projection = {
  name: 'things',
  version: 1,
  ddl: 'CREATE TABLE IF NOT EXISTS things (id TEXT PRIMARY KEY, stream TEXT NOT NULL);',
  canHandle: (e) => e.type === 'Thing' && e.streamId.endsWith(tag),
  // A duplicate delivery would violate the primary key and stop the runner.
  evolve: (e) => [
    { sql: 'INSERT INTO things (id, stream) VALUES (?, ?)', params: [e.id, e.streamId] },
  ],
};

async function appendThings(store: EventStore, from: number, count: number): Promise<bigint> {
  let last = 0n;
  for (let i = from; i < from + count; i++) {
    last = (
      await store.append(`thing-${i % 5}-${tag}`, [
        { id: randomUUID(), type: 'Thing', data: { i } },
      ])
    ).position;
    if (i % 10 === 0)
      await store.append(`noise-${tag}`, [{ id: randomUUID(), type: 'Noise', data: {} }]);
  }
  return last;
}

let standin: EsdbStandin;
beforeAll(async () => {
  standin = await startEsdbStandin();
});
afterAll(async () => {
  await standin.dispose();
});

describe('projection runner on the esdb adapter', () => {
  it('catches up, follows live, resumes after a node restart, and forgets a purged stream on rebuild', async () => {
    const store = createEsdbEventStore({
      connectionString: standin.connectionString,
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    const db = new Database(':memory:');
    const errors: unknown[] = [];
    const runner = createProjectionRunner({
      store,
      db,
      projections: [counter],
      onError: (e) => errors.push(e),
    });
    const count = () => (db.prepare('SELECT count(*) AS n FROM things').get() as { n: number }).n;
    try {
      await appendThings(store, 0, 30);
      await runner.start();
      expect(count()).toBe(30);

      await runner.waitFor(await appendThings(store, 30, 10));
      expect(count()).toBe(40);

      await standin.stop();
      await new Promise((r) => setTimeout(r, 200));
      await standin.start();
      await runner.waitFor(await appendThings(store, 40, 10));
      expect(count()).toBe(50);
      expect(errors).toEqual([]);

      const purged = `thing-0-${tag}`;
      await store.tombstoneStream(purged);
      await runner.rebuild();
      expect(count()).toBe(40);
      const streams = db.prepare('SELECT DISTINCT stream FROM things').all() as {
        stream: string;
      }[];
      expect(streams.map((s) => s.stream)).not.toContain(purged);
    } finally {
      await runner.stop();
      await store.close();
      db.close();
    }
  });
});
