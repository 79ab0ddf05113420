import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../memory/memory-store.ts';
import type { EphemeralStore } from '../port/types.ts';
import { createSharedState } from './shared-state.ts';

/** The memory store, with every key and value it is handed written down. */
function recorded() {
  const inner = createMemoryStore();
  const seen: string[] = [];
  const store: EphemeralStore = {
    get: (k) => (seen.push(k), inner.get(k)),
    set: (k, v, t) => (seen.push(k, v), inner.set(k, v, t)),
    setIfAbsent: (k, v, t) => (seen.push(k, v), inner.setIfAbsent(k, v, t)),
    incr: (k, t, by) => (seen.push(k), inner.incr(k, t, by)),
    delete: (k) => (seen.push(k), inner.delete(k)),
    close: () => inner.close(),
  };
  return { store, inner, seen };
}

describe('shared state namespaces', () => {
  it('hand the adapter keyed hashes and sealed values, never the key or value', async () => {
    const { store, seen } = recorded();
    const ns = createSharedState(store, randomBytes(32)).namespace('desk-session');
    await ns.set('token-CANARY-key', 'value-CANARY-id', 10_000);
    await ns.setIfAbsent('spent-CANARY', 'binding-CANARY', 10_000);
    await ns.incr('handle-CANARY', 10_000);
    expect(await ns.get('token-CANARY-key')).toBe('value-CANARY-id');
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) expect(s).not.toMatch(/CANARY/);
    for (const s of seen.filter((x) => x.includes(':')))
      expect(s).toMatch(/^desk-session:[A-Za-z0-9_-]{43}$/);
  });

  it('keys depend on the secret and the purpose; a value moved to another key does not open', async () => {
    const { store, inner } = recorded();
    const secret = randomBytes(32);
    const a = createSharedState(store, secret).namespace('one');
    const b = createSharedState(store, randomBytes(32)).namespace('one');
    const c = createSharedState(store, secret).namespace('two');
    await a.set('k', 'v', 10_000);
    expect(await b.get('k')).toBeUndefined();
    expect(await c.get('k')).toBeUndefined();
    expect(inner.count('one:')).toBe(1);
    // Another process with the same secret finds it.
    expect(await createSharedState(store, secret).namespace('one').get('k')).toBe('v');
  });
});
