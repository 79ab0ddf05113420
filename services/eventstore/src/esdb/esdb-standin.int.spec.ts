import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStoreContract } from '../contract/event-store-contract.ts';
import { EventStoreError } from '../port/errors.ts';
import type { RecordedEvent } from '../port/types.ts';
import { startEsdbStandin, type EsdbStandin } from '../../test/esdb-standin/standin.ts';
import { createEsdbEventStore } from './esdb-event-store.ts';

// The real @eventstore/db-client over a real socket, against the in-memory protocol stand-in.
let standin: EsdbStandin;
beforeAll(async () => {
  standin = await startEsdbStandin();
});
afterAll(async () => {
  await standin.dispose();
});

eventStoreContract(
  'esdb (stand-in over gRPC)',
  async () => {
    const store = createEsdbEventStore({ connectionString: standin.connectionString });
    return { store, dispose: () => store.close() };
  },
  { globalEventIds: false },
);

const ev = (type: string, i: number) => ({ id: randomUUID(), type, data: { i } });

/** Pulls `count` events through one iterator, failing after `ms` (the iterator stays open). */
async function pull(
  it: AsyncIterator<RecordedEvent>,
  count: number,
  ms = 15_000,
): Promise<RecordedEvent[]> {
  const got: RecordedEvent[] = [];
  const deadline = Date.now() + ms;
  while (got.length < count) {
    const left = deadline - Date.now();
    const r = await Promise.race([
      it.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`got ${got.length}/${count}`)), left).unref(),
      ),
    ]);
    if (r.done) break;
    got.push(r.value);
  }
  return got;
}

describe('esdb adapter: a lost connection', () => {
  it('the subscription resumes from its checkpoint after the server restarts, without gap or duplicate', async () => {
    const store = createEsdbEventStore({
      connectionString: standin.connectionString,
      retry: { attempts: 30, initialDelayMs: 20, maxDelayMs: 200 },
    });
    const prefix = `restart-${randomUUID().slice(0, 8)}`;
    try {
      for (let i = 0; i < 5; i++) await store.append(`${prefix}-${i % 2}`, [ev('Before', i)]);
      const sub = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
      const it = sub[Symbol.asyncIterator]();
      const before = await pull(it, 5);
      expect(sub.checkpoint()).toBe(before[4]!.position);

      await standin.stop();
      // An append while the node is down is retried until it comes back.
      const during = store.append(`${prefix}-0`, [ev('During', 5)]);
      await new Promise((r) => setTimeout(r, 300));
      await standin.start();
      await during;
      for (let i = 6; i < 10; i++) await store.append(`${prefix}-${i % 2}`, [ev('After', i)]);

      const after = await pull(it, 5);
      const all = (await store.readAll()).filter((e) => e.streamId.startsWith(prefix));
      expect([...before, ...after].map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      await sub.close();
    } finally {
      await store.close();
    }
  });

  it('gives up with the transport error once the retries are spent', async () => {
    const down = await startEsdbStandin();
    const connectionString = down.connectionString;
    await down.dispose();
    const store = createEsdbEventStore({
      connectionString,
      retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
    });
    try {
      const err = await store.append('nowhere', [ev('X', 0)]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EventStoreError);
      expect((err as Error).message).toMatch(/unreachable after 2 attempts/);
      expect(String((err as Error).cause)).toMatch(/UNAVAILABLE/);
    } finally {
      await store.close();
    }
  });
});

describe('esdb adapter: a server that stays away', () => {
  it('fails the subscription with a store error once its reconnects are spent', async () => {
    const gone = await startEsdbStandin();
    const store = createEsdbEventStore({
      connectionString: gone.connectionString,
      retry: { subscriptionAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
    });
    try {
      const sub = store.subscribeToAll({ filter: { streamPrefixes: ['never'] } });
      const pending = sub[Symbol.asyncIterator]().next();
      await new Promise((r) => setTimeout(r, 100));
      await gone.dispose();
      const err = await pending.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EventStoreError);
      expect((err as Error).message).toMatch(/lost 3 times in a row/);
    } finally {
      await store.close();
    }
  });
});

describe('esdb adapter: what it returns', () => {
  it('created is rounded down to the minute and system events stay out of readAll', async () => {
    const store = createEsdbEventStore({ connectionString: standin.connectionString });
    try {
      const stream = `coarse-${randomUUID().slice(0, 8)}`;
      await store.append(stream, [ev('Timed', 0)]);
      const [e] = await store.readStream(stream);
      expect(e!.created % 60_000).toBe(0);
      expect(Date.now() - e!.created).toBeLessThan(120_000);
      const all = await store.readAll();
      expect(all.length).toBeGreaterThan(0);
      expect(all.some((x) => x.type.startsWith('$') || x.streamId.startsWith('$'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('esdb adapter: subscriptions on a server that keeps deleted events in $all', () => {
  it('never delivers events of a deleted stream, and delivers its recreated events', async () => {
    const store = createEsdbEventStore({ connectionString: standin.connectionString });
    const prefix = `hide-${randomUUID().slice(0, 8)}`;
    try {
      await store.append(`${prefix}-gone`, [ev('Secret', 0)]);
      await store.append(`${prefix}-kept`, [ev('Kept', 1)]);
      await store.tombstoneStream(`${prefix}-gone`);
      // Catch-up passes over the tombstoned stream's events without delivering them.
      const sub = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
      const it = sub[Symbol.asyncIterator]();
      expect((await pull(it, 1)).map((e) => e.type)).toEqual(['Kept']);
      // Live: a stream seen, soft-deleted and recreated shows only its new events after that.
      await store.append(`${prefix}-soft`, [ev('Old', 2)]);
      expect((await pull(it, 1)).map((e) => e.type)).toEqual(['Old']);
      await store.deleteStream(`${prefix}-soft`);
      await store.append(`${prefix}-soft`, [ev('New', 3)], { expectedRevision: 'no_stream' });
      expect((await pull(it, 1)).map((e) => [e.type, e.revision])).toEqual([['New', 1n]]);
      await sub.close();
      // A fresh catch-up over the same history agrees.
      const again = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
      const types = (await pull(again[Symbol.asyncIterator](), 2)).map((e) => e.type);
      expect(types).toEqual(['Kept', 'New']);
      await again.close();
    } finally {
      await store.close();
    }
  });

  it('a filtered subscription moves its checkpoint past events it does not deliver', async () => {
    const store = createEsdbEventStore({ connectionString: standin.connectionString });
    try {
      const sub = store.subscribeToAll({ filter: { streamPrefixes: [`quiet-${randomUUID()}`] } });
      const pending = sub[Symbol.asyncIterator]().next();
      const noise = `noise-${randomUUID().slice(0, 8)}`;
      const positions: bigint[] = [];
      for (let i = 0; i < 100; i++)
        positions.push((await store.append(noise, [ev('Noise', i)])).position);
      const first = positions[0]!;
      const deadline = Date.now() + 10_000;
      while ((sub.checkpoint() ?? 0n) <= first && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      // Nothing was delivered, yet the checkpoint (from the server's checkpoint messages, every
      // 32 scanned events) moved past the noise, so a restart would not rescan it.
      expect(sub.checkpoint()).toBeGreaterThan(first);
      expect(sub.checkpoint()!).toBeLessThanOrEqual(positions[99]!);
      await sub.close();
      await expect(pending).resolves.toMatchObject({ done: true });
    } finally {
      await store.close();
    }
  });
});
