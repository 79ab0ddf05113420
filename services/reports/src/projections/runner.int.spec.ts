import { createMemoryEventStore, type EventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Projection } from './projection.ts';
import { createProjectionRunner, openReadModels } from './runner.ts';

const diskFull = () =>
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

/** `full`: the read-model disk refuses writes while it says so (as SQLite does on a full disk). */
const counter = (version = 1, failOn?: string, full: () => boolean = () => false): Projection => ({
  name: 'counter',
  version,
  ddl: 'CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, n INTEGER NOT NULL);',
  canHandle: (e) => e.type === 'Thing',
  evolve: (e) => {
    if (full()) throw diskFull();
    if (e.id === failOn) throw new Error('projection bug');
    return [{ sql: 'INSERT INTO seen (id, n) VALUES (?, ?)', params: [e.id, version] }];
  },
});

async function appendThings(store: EventStore, ids: string[]) {
  let position = 0n;
  for (const id of ids)
    position = (await store.append(`thing-${id}`, [{ id, type: 'Thing', data: {} }])).position;
  await store.append('other-1', [{ id: `o-${ids.length}`, type: 'Other', data: {} }]);
  return position;
}

/** A memory store holding these things (and one other event), and an empty read-model database. */
async function storeWithThings(ids: string[]) {
  const store = createMemoryEventStore();
  await appendThings(store, ids);
  return { store, db: new Database(':memory:') };
}

/** A runner whose one projection fails as a full disk does while `disk.full` is set. */
function runnerOnFillingDisk(
  options: Omit<Parameters<typeof createProjectionRunner>[0], 'store' | 'db' | 'projections'>,
) {
  const store = createMemoryEventStore();
  const db = new Database(':memory:');
  const disk = { full: false };
  const projections = [counter(1, undefined, () => disk.full)];
  return {
    store,
    db,
    disk,
    runner: createProjectionRunner({ store, db, projections, ...options }),
  };
}

const rows = (db: Database.Database) =>
  db.prepare('SELECT id, n FROM seen ORDER BY id').all() as { id: string; n: number }[];

describe('projection runner', () => {
  it('catches up, follows live appends, and waitFor resolves once applied', async () => {
    const { store, db } = await storeWithThings(['a', 'b']);
    const runner = createProjectionRunner({ store, db, projections: [counter()] });
    await runner.start();
    expect(rows(db).map((r) => r.id)).toEqual(['a', 'b']);
    const position = await appendThings(store, ['c']);
    await runner.waitFor(position);
    expect(rows(db).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    await runner.stop();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    const { store, db } = await storeWithThings(['a']);
    const first = createProjectionRunner({ store, db, projections: [counter()] });
    await first.start();
    await first.stop();
    const position = await appendThings(store, ['b']);
    // Primary key on id: a replay of 'a' would throw inside the transaction.
    const second = createProjectionRunner({ store, db, projections: [counter()] });
    await second.start();
    await second.waitFor(position);
    expect(rows(db).map((r) => r.id)).toEqual(['a', 'b']);
    await second.stop();
  });

  it('rebuilds with checkpoints every 16,384 WAL pages, then restores the setting and empties the WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-wal-'));
    try {
      const store = createMemoryEventStore();
      const db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
      await appendThings(store, ['a', 'b', 'c']);
      const during: unknown[] = [];
      const watching: EventStore = {
        ...store,
        readAll: (opts) => {
          during.push(db.pragma('wal_autocheckpoint', { simple: true }));
          return store.readAll(opts);
        },
      };
      const runner = createProjectionRunner({ store: watching, db, projections: [counter()] });
      await runner.start();
      // Each catch-up reads a page of events, then the empty page that ends it.
      expect(during).toEqual([1000, 1000]);
      during.length = 0;
      await runner.rebuild();
      expect(during).toEqual([16384, 16384]);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(statSync(join(dir, 'read-models.sqlite-wal')).size).toBe(0);
      expect(rows(db).map((r) => r.id)).toEqual(['a', 'b', 'c']);
      await runner.stop();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rebuilds a projection whose version changed', async () => {
    const { store, db } = await storeWithThings(['a', 'b']);
    const v1 = createProjectionRunner({ store, db, projections: [counter(1)] });
    await v1.start();
    await v1.stop();
    const v2 = createProjectionRunner({ store, db, projections: [counter(2)] });
    await v2.start();
    expect(rows(db)).toEqual([
      { id: 'a', n: 2 },
      { id: 'b', n: 2 },
    ]);
    await v2.stop();
  });

  it('writes rows and checkpoint in one transaction: a failing batch leaves neither', async () => {
    const { store, db } = await storeWithThings(['a', 'b', 'c']);
    const runner = createProjectionRunner({ store, db, projections: [counter(1, 'b')] });
    await expect(runner.start()).rejects.toThrow('projection bug');
    expect(rows(db)).toEqual([]);
    expect(runner.position()).toBe(0n);
    const checkpoint = db.prepare('SELECT position FROM projection_checkpoints').pluck().get();
    expect(checkpoint).toBe(0);
  });

  it('rebuild() drops and replays everything up to the end of the log', async () => {
    const { store, db } = await storeWithThings(['a', 'b']);
    const runner = createProjectionRunner({ store, db, projections: [counter()] });
    await runner.start();
    db.prepare(`UPDATE seen SET n = 99`).run();
    await runner.rebuild();
    expect(rows(db)).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 1 },
    ]);
    const position = await appendThings(store, ['c']);
    await runner.waitFor(position);
    expect(rows(db).length).toBe(3);
    await runner.stop();
  });

  it('runs mergeable inserts as multi-row statements without changing what is written', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const ids = Array.from({ length: 250 }, (_, i) => `t${String(i).padStart(3, '0')}`);
    await appendThings(store, ids);
    const merging: Projection = {
      name: 'merging',
      version: 1,
      ddl: 'CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, n INTEGER NOT NULL);',
      canHandle: (e) => e.type === 'Thing',
      evolve: (e) => [
        // A plain write between the mergeable ones must see every earlier row already there.
        ...(e.id === 't150'
          ? [{ sql: 'UPDATE seen SET n = n + 1 WHERE id = ?', params: ['t149'] }]
          : []),
        { sql: 'INSERT OR IGNORE INTO seen VALUES (?, ?)', params: [e.id, 1], mergeable: true },
        { sql: 'INSERT OR IGNORE INTO seen VALUES (?, ?)', params: [e.id, 9], mergeable: true },
      ],
    };
    const runner = createProjectionRunner({ store, db, projections: [merging] });
    await runner.start();
    await runner.stop();
    expect(rows(db)).toEqual(ids.map((id) => ({ id, n: id === 't149' ? 2 : 1 })));
  });

  it('after a failure (a full disk) tries again with backoff and catches up by itself once it clears, applying nothing twice', async () => {
    const failures: number[] = [];
    let recovered = 0;
    const { store, db, disk, runner } = runnerOnFillingDisk({
      retry: { firstMs: 5, maxMs: 40 },
      onError: (_error, retryInMs) => failures.push(retryInMs),
      onRecovered: () => (recovered += 1),
    });
    await appendThings(store, ['a']);
    await runner.start();
    disk.full = true;
    const position = await appendThings(store, ['b', 'c']);
    await expect.poll(() => failures.length).toBeGreaterThanOrEqual(3);
    expect(runner.failing()).toBe(true);
    expect(rows(db).map((r) => r.id)).toEqual(['a']);
    // The pauses double up to the bound.
    expect(failures.slice(0, 4)).toEqual([5, 10, 20, 40].slice(0, Math.min(4, failures.length)));
    disk.full = false;
    await runner.waitFor(position);
    expect(rows(db).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    // Caught up first, then following the log again.
    await expect.poll(() => runner.failing()).toBe(false);
    expect(recovered).toBe(1);
    // Following live again.
    const later = await appendThings(store, ['d']);
    await runner.waitFor(later);
    expect(rows(db).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    await runner.stop();
  });

  it('stop() ends the retries: nothing is applied after it', async () => {
    let failures = 0;
    const { store, db, disk, runner } = runnerOnFillingDisk({
      retry: { firstMs: 5, maxMs: 5 },
      onError: () => (failures += 1),
    });
    await runner.start();
    disk.full = true;
    await appendThings(store, ['a']);
    await expect.poll(() => failures).toBeGreaterThanOrEqual(1);
    await runner.stop();
    disk.full = false;
    const seen = failures;
    await new Promise((r) => setTimeout(r, 50));
    expect(failures).toBe(seen);
    expect(rows(db)).toEqual([]);
    expect(runner.failing()).toBe(false);
  });
});
