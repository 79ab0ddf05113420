import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DuplicateEventIdError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors.ts';
import type { EventStore, EventToAppend, RecordedEvent, Subscription } from '../port/types.ts';

export interface ContractHarness {
  store: EventStore;
  /** Closes the store and removes what it wrote. */
  dispose: () => Promise<void>;
}

const ev = (type = 'Thing', data: Record<string, string | number> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data: { ...data },
  metadata: { by: 'contract' },
});

/** Takes `count` events from a subscription, failing after `ms`. */
export async function take(
  sub: Subscription,
  count: number,
  ms = 10_000,
): Promise<RecordedEvent[]> {
  const got: RecordedEvent[] = [];
  if (count === 0) return got;
  const timer = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`subscription gave ${got.length}/${count} events in ${ms} ms`)),
      ms,
    ).unref(),
  );
  const reading = (async () => {
    for await (const e of sub) {
      got.push(e);
      if (got.length >= count) break;
    }
  })();
  await Promise.race([reading, timer]);
  return got;
}

/**
 * The behaviour every EventStore adapter owes the platform. Each adapter's spec calls this with
 * a factory for a fresh, empty store. Stream names are unique per test so adapters that cannot
 * be emptied (a shared EventStoreDB) still pass.
 */
export interface ContractOptions {
  /**
   * The store keeps a global index of event ids, so a known id anywhere but at its idempotent
   * place is a DuplicateEventIdError (memory, sqlite). EventStoreDB keeps no such index: it
   * judges a retry within the stream only. Default true.
   */
  readonly globalEventIds?: boolean;
}

export function eventStoreContract(
  adapter: string,
  open: () => Promise<ContractHarness>,
  options: ContractOptions = {},
): void {
  const globalEventIds = options.globalEventIds ?? true;
  if (!globalEventIds)
    console.info(
      `${adapter}: no global event-id index, so the two cross-batch duplicate-id tests check only that the original stream is untouched and retries stay idempotent`,
    );
  describe(`EventStore contract: ${adapter}`, () => {
    let h: ContractHarness;
    let store: EventStore;
    let s: (name: string) => string;
    beforeEach(async () => {
      h = await open();
      store = h.store;
      const tag = randomUUID().slice(0, 8);
      s = (name) => `${name}-${tag}`;
    });
    afterEach(async () => {
      await h.dispose();
    });

    describe('append and expected revision', () => {
      it('appends to a new stream with no_stream and reports the last revision', async () => {
        const r = await store.append(s('report'), [ev('A'), ev('B')], {
          expectedRevision: 'no_stream',
        });
        expect(r.nextExpectedRevision).toBe(1n);
        const read = await store.readStream(s('report'));
        expect(read.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0n],
          ['B', 1n],
        ]);
        expect(read[0]!.streamId).toBe(s('report'));
        expect(read[0]!.metadata).toEqual({ by: 'contract' });
        expect(read[1]!.position).toBeGreaterThan(read[0]!.position);
      });

      it('rejects no_stream on an existing stream with a typed error', async () => {
        await store.append(s('x'), [ev()], { expectedRevision: 'no_stream' });
        const err = await store
          .append(s('x'), [ev()], { expectedRevision: 'no_stream' })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WrongExpectedVersionError);
        expect(err).toMatchObject({ streamId: s('x'), expected: 'no_stream', actual: 0n });
      });

      it('checks an exact revision and reports expected and actual', async () => {
        await store.append(s('x'), [ev(), ev()]);
        await expect(store.append(s('x'), [ev()], { expectedRevision: 1n })).resolves.toMatchObject(
          {
            nextExpectedRevision: 2n,
          },
        );
        const err = await store
          .append(s('x'), [ev()], { expectedRevision: 1n })
          .catch((e: unknown) => e);
        expect(err).toMatchObject({ name: 'WrongExpectedVersionError', expected: 1n, actual: 2n });
      });

      it('stream_exists fails on a missing stream and passes on an existing one', async () => {
        const err = await store
          .append(s('y'), [ev()], { expectedRevision: 'stream_exists' })
          .catch((e: unknown) => e);
        expect(err).toMatchObject({ name: 'WrongExpectedVersionError', actual: 'no_stream' });
        await store.append(s('y'), [ev()]);
        await expect(
          store.append(s('y'), [ev()], { expectedRevision: 'stream_exists' }),
        ).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
      });

      it('any appends whatever the state', async () => {
        await store.append(s('z'), [ev()], { expectedRevision: 'any' });
        const r = await store.append(s('z'), [ev()], { expectedRevision: 'any' });
        expect(r.nextExpectedRevision).toBe(1n);
      });

      it('a failed append writes nothing', async () => {
        await store.append(s('f'), [ev()]);
        const before = await store.readAll();
        await store.append(s('f'), [ev(), ev()], { expectedRevision: 5n }).catch(() => undefined);
        expect((await store.readAll()).length).toBe(before.length);
        expect((await store.readStream(s('f'))).length).toBe(1);
      });
    });

    describe('idempotent re-append', () => {
      it('the same ids at the same place succeed once, without duplicates', async () => {
        const batch = [ev('A'), ev('B')];
        const first = await store.append(s('r'), batch, { expectedRevision: 'no_stream' });
        const again = await store.append(s('r'), batch, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const anyAgain = await store.append(s('r'), batch, { expectedRevision: 'any' });
        expect(anyAgain.nextExpectedRevision).toBe(1n);
        expect((await store.readStream(s('r'))).length).toBe(2);
      });

      it('a retry with an exact revision is idempotent', async () => {
        await store.append(s('r'), [ev()]);
        const batch = [ev('C')];
        const a = await store.append(s('r'), batch, { expectedRevision: 0n });
        const b = await store.append(s('r'), batch, { expectedRevision: 0n });
        expect(b).toEqual(a);
        expect((await store.readStream(s('r'))).length).toBe(2);
      });

      it.runIf(globalEventIds)('the same ids in another stream are an error', async () => {
        const batch = [ev()];
        await store.append(s('one'), batch);
        await expect(store.append(s('two'), batch)).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(store.readStream(s('two'))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it.runIf(globalEventIds)('a known id later in a batch is an error', async () => {
        const known = ev();
        await store.append(s('one'), [known]);
        await expect(store.append(s('one'), [ev(), known])).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect((await store.readStream(s('one'))).length).toBe(1);
      });

      it.runIf(!globalEventIds)(
        'without a global id index: reusing ids elsewhere leaves the original stream and its retries intact',
        async () => {
          const batch = [ev('Original')];
          const first = await store.append(s('one'), batch, { expectedRevision: 'no_stream' });
          await store.append(s('two'), batch).catch((e: unknown) => {
            expect(e).toBeInstanceOf(DuplicateEventIdError);
          });
          await store.append(s('one'), [ev(), batch[0]!]).catch((e: unknown) => {
            expect(e).toBeInstanceOf(DuplicateEventIdError);
          });
          const again = await store.append(s('one'), batch, { expectedRevision: 'no_stream' });
          expect(again).toEqual(first);
          expect((await store.readStream(s('one')))[0]!.id).toBe(batch[0]!.id);
        },
      );
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from a revision with a max count', async () => {
        await store.append(
          s('r'),
          Array.from({ length: 10 }, (_, i) => ev('N', { i })),
        );
        const fwd = await store.readStream(s('r'), { fromRevision: 3n, maxCount: 4 });
        expect(fwd.map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n]);
        const back = await store.readStream(s('r'), { direction: 'backwards', maxCount: 3 });
        expect(back.map((e) => e.revision)).toEqual([9n, 8n, 7n]);
        const backFrom = await store.readStream(s('r'), {
          direction: 'backwards',
          fromRevision: 2n,
        });
        expect(backFrom.map((e) => e.revision)).toEqual([2n, 1n, 0n]);
        expect(fwd.map((e) => (e.data as { i: number }).i)).toEqual([3, 4, 5, 6]);
      });

      it('a missing stream is a typed not-found error', async () => {
        await expect(store.readStream(s('missing'))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('readAll returns events in global order after a position', async () => {
        await store.append(s('a'), [ev('A1')]);
        await store.append(s('b'), [ev('B1')]);
        await store.append(s('a'), [ev('A2')]);
        const mine = (await store.readAll()).filter((e) => e.streamId.endsWith(s('').slice(1)));
        expect(mine.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
        const after = await store.readAll({ after: mine[0]!.position });
        expect(after.map((e) => e.id)).toContain(mine[1]!.id);
        expect(after.map((e) => e.id)).not.toContain(mine[0]!.id);
        const one = await store.readAll({ after: mine[0]!.position, maxCount: 1 });
        expect(one).toHaveLength(1);
      });
    });

    describe('delete and tombstone', () => {
      it('a deleted stream reads as missing, leaves $all, and can be recreated', async () => {
        await store.append(s('d'), [ev('Secret')]);
        await store.deleteStream(s('d'));
        await expect(store.readStream(s('d'))).rejects.toBeInstanceOf(StreamNotFoundError);
        expect((await store.readAll()).some((e) => e.streamId === s('d'))).toBe(false);
        await store.append(s('d'), [ev('Again')], { expectedRevision: 'no_stream' });
        expect((await store.readStream(s('d'))).map((e) => e.type)).toEqual(['Again']);
      });

      it('a tombstoned stream can never be read or written again', async () => {
        await store.append(s('t'), [ev()]);
        await store.tombstoneStream(s('t'));
        await expect(store.readStream(s('t'))).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store.append(s('t'), [ev()])).rejects.toBeInstanceOf(StreamDeletedError);
        expect((await store.readAll()).some((e) => e.streamId === s('t'))).toBe(false);
      });

      it('delete checks the expected revision', async () => {
        await store.append(s('d'), [ev(), ev()]);
        await expect(store.deleteStream(s('d'), { expectedRevision: 0n })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.deleteStream(s('d'), { expectedRevision: 1n });
        await expect(store.readStream(s('d'))).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('concurrency', () => {
      it('racing appenders on one stream: exactly one wins per revision', async () => {
        await store.append(s('race'), [ev()]);
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.append(s('race'), [ev('Try', { i })], { expectedRevision: 0n }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        }
        expect((await store.readStream(s('race'))).length).toBe(2);
      });

      it("one stream's conflict never fails another stream's append in the same burst", async () => {
        await store.append(s('c'), [ev()]);
        const bad = store.append(s('c'), [ev()], { expectedRevision: 'no_stream' });
        const good = Array.from({ length: 10 }, (_, i) => store.append(s(`ok${i}`), [ev()]));
        await expect(bad).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(Promise.all(good)).resolves.toHaveLength(10);
      });

      it('concurrent appenders with exact revisions build a contiguous stream', async () => {
        const writers = 8;
        const perWriter = 15;
        const stream = s('contig');
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let n = 0; n < perWriter;) {
              const head = await store
                .readStream(stream, { direction: 'backwards', maxCount: 1 })
                .catch(() => []);
              const expected = head[0]?.revision ?? 'no_stream';
              try {
                await store.append(stream, [ev('W', { w, n })], { expectedRevision: expected });
                n++;
              } catch (e) {
                if (!(e instanceof WrongExpectedVersionError)) throw e;
              }
            }
          }),
        );
        const all = await store.readStream(stream);
        expect(all.map((e) => e.revision)).toEqual(
          Array.from({ length: writers * perWriter }, (_, i) => BigInt(i)),
        );
      });
    });

    describe('catch-up subscription', () => {
      const burst = (prefix: string, n: number) =>
        Array.from({ length: n }, (_, i) =>
          store.append(`${prefix}-${i % 7}`, [ev('Burst', { i })]),
        );

      it('started before, during and after a burst: no gap, no duplicate, global order', async () => {
        const prefix = s('burst');
        const filter = { streamPrefixes: [prefix] };
        const before = store.subscribeToAll({ filter });
        const first = Promise.all(burst(prefix, 100));
        const during = store.subscribeToAll({ filter });
        await first;
        const second = Promise.all(burst(prefix, 100));
        await second;
        const after = store.subscribeToAll({ filter });
        const expected = (await store.readAll()).filter((e) => e.streamId.startsWith(prefix));
        expect(expected).toHaveLength(200);
        for (const sub of [before, during, after]) {
          const got = await take(sub, 200);
          expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
          await sub.close();
        }
      });

      it('goes live: events appended after catch-up arrive', async () => {
        const prefix = s('live');
        const sub = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        await store.append(`${prefix}-1`, [ev('Old')]);
        const got = take(sub, 3);
        await new Promise((r) => setTimeout(r, 50));
        await store.append(`${prefix}-1`, [ev('New1')]);
        await store.append(`${prefix}-2`, [ev('New2')]);
        expect((await got).map((e) => e.type)).toEqual(['Old', 'New1', 'New2']);
        await sub.close();
      });

      it('filters by event type prefix', async () => {
        const prefix = s('types');
        await store.append(`${prefix}-1`, [ev('ReportSubmitted'), ev('Noise'), ev('ReportClosed')]);
        const sub = store.subscribeToAll({
          filter: { streamPrefixes: [prefix], eventTypePrefixes: ['Report'] },
        });
        expect((await take(sub, 2)).map((e) => e.type)).toEqual([
          'ReportSubmitted',
          'ReportClosed',
        ]);
        await sub.close();
      });

      it('resumes from a stored checkpoint without repeating or skipping', async () => {
        const prefix = s('resume');
        const filter = { streamPrefixes: [prefix] };
        await Promise.all(burst(prefix, 30));
        const sub = store.subscribeToAll({ filter });
        const firstPart = await take(sub, 10);
        const checkpoint = sub.checkpoint();
        await sub.close();
        expect(checkpoint).toBe(firstPart[9]!.position);
        await Promise.all(burst(prefix, 10));
        const resumed = store.subscribeToAll({ after: checkpoint!, filter });
        const rest = await take(resumed, 30);
        await resumed.close();
        const all = (await store.readAll()).filter((e) => e.streamId.startsWith(prefix));
        expect([...firstPart, ...rest].map((e) => e.id)).toEqual(all.map((e) => e.id));
      });

      it('closing the store ends a waiting subscription instead of failing it', async () => {
        const sub = store.subscribeToAll({ filter: { streamPrefixes: [s('idle')] } });
        const done = (async () => {
          let n = 0;
          for await (const _ of sub) n++;
          return n;
        })();
        await new Promise((r) => setTimeout(r, 50));
        await store.close();
        await expect(done).resolves.toBe(0);
      });

      it('close ends a subscription that is waiting for events', async () => {
        const sub = store.subscribeToAll({ filter: { streamPrefixes: [s('nothing')] } });
        const done = (async () => {
          const got: RecordedEvent[] = [];
          for await (const e of sub) got.push(e);
          return got;
        })();
        await new Promise((r) => setTimeout(r, 50));
        await sub.close();
        await expect(done).resolves.toEqual([]);
      });
    });
  });
}
