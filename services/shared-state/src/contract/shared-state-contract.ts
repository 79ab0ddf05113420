import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EphemeralStore } from '../port/types.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What every EphemeralStore adapter owes the services, run by each adapter's spec. Keys are
 * unique per run, so a shared Redis needs no emptying. Expiries are real time (short ones), the
 * same for every adapter: what is checked is that an entry outlives nothing it should not.
 */
export function sharedStateContract(
  name: string,
  open: () => Promise<EphemeralStore>,
  options: { skip?: string } = {},
): void {
  describe.skipIf(options.skip !== undefined)(`shared state contract: ${name}`, () => {
    let store: EphemeralStore;
    const run = randomUUID();
    const key = (k: string) => `contract:${run}:${k}`;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('gets what was set, replaces it, and nothing for an absent key', async () => {
      expect(await store.get(key('absent'))).toBeUndefined();
      await store.set(key('a'), 'one', 10_000);
      expect(await store.get(key('a'))).toBe('one');
      await store.set(key('a'), 'two', 10_000);
      expect(await store.get(key('a'))).toBe('two');
    });

    it('forgets an entry once its time is up', async () => {
      await store.set(key('short'), 'v', 100);
      expect(await store.get(key('short'))).toBe('v');
      await sleep(250);
      expect(await store.get(key('short'))).toBeUndefined();
    });

    it('sets if absent exactly once, also under concurrent calls, until it expires', async () => {
      const won = await Promise.all(
        Array.from({ length: 40 }, (_, i) => store.setIfAbsent(key('once'), `v${i}`, 150)),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await store.get(key('once'))).toBe(`v${won.indexOf(true)}`);
      expect(await store.setIfAbsent(key('once'), 'again', 10_000)).toBe(false);
      await sleep(300);
      expect(await store.setIfAbsent(key('once'), 'later', 10_000)).toBe(true);
      expect(await store.get(key('once'))).toBe('later');
    });

    it('counts atomically, down too, in a window that starts with the first count', async () => {
      const counts = await Promise.all(
        Array.from({ length: 50 }, () => store.incr(key('n'), 10_000)),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(await store.incr(key('n'), 10_000, -1)).toBe(49);
      expect(await store.incr(key('w'), 300)).toBe(1);
      await sleep(150);
      // A later count with a longer expiry does not extend the window.
      expect(await store.incr(key('w'), 60_000)).toBe(2);
      await sleep(300);
      expect(await store.incr(key('w'), 60_000)).toBe(1);
    });

    it('deletes', async () => {
      await store.set(key('d'), 'v', 10_000);
      await store.incr(key('c'), 10_000);
      await store.delete(key('d'));
      await store.delete(key('c'));
      await store.delete(key('never-set'));
      expect(await store.get(key('d'))).toBeUndefined();
      expect(await store.incr(key('c'), 10_000)).toBe(1);
    });
  });
}
