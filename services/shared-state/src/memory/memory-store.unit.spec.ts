import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sharedStateContract } from '../contract/shared-state-contract.ts';
import { createSharedState } from '../keyed/shared-state.ts';
import { SharedStateUnavailableError } from '../port/types.ts';
import { createMemoryStore } from './memory-store.ts';

sharedStateContract('memory', async () => createMemoryStore());
// The services see the store through hashed keys and sealed values: the same promises hold.
sharedStateContract('memory, through a namespace', async () =>
  createSharedState(createMemoryStore(), randomBytes(32)).namespace('contract'),
);

describe('memory store bound', () => {
  it('fails closed when full, and makes room as entries expire', async () => {
    let t = 0;
    const store = createMemoryStore({ now: () => t, maxEntries: 2 });
    expect(await store.setIfAbsent('a', '1', 1_000)).toBe(true);
    await store.incr('b', 5_000);
    await expect(store.setIfAbsent('c', '1', 1_000)).rejects.toBeInstanceOf(
      SharedStateUnavailableError,
    );
    // A spent entry is never forgotten to make room for another.
    expect(await store.setIfAbsent('a', '2', 1_000)).toBe(false);
    t += 1_000;
    expect(await store.setIfAbsent('c', '1', 1_000)).toBe(true);
    expect(store.count()).toBe(2);
  });
});
