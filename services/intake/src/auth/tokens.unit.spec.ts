import { createMemoryStore, createSharedState } from '@integrity-desk/shared-state';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionTokens } from './tokens.ts';

function setup(maxEntries = 100) {
  let t = 0;
  const memory = createMemoryStore({ now: () => t, maxEntries });
  const state = createSharedState(memory, randomBytes(32));
  const tokens = createSessionTokens({
    idleMs: 30 * 60_000,
    store: state.namespace('intake-session'),
    random: randomBytes,
  });
  return { tokens, memory, state, advance: (ms: number) => void (t += ms) };
}

describe('session tokens', () => {
  it('are 256 random bits, resolve to their report and expire after 30 idle minutes', async () => {
    const { tokens, memory, advance } = setup();
    const token = await tokens.issue('r1');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await tokens.resolve(token)).toBe('r1');
    advance(29 * 60_000);
    expect(await tokens.resolve(token)).toBe('r1');
    advance(30 * 60_000);
    expect(await tokens.resolve(token)).toBeUndefined();
    expect(memory.count()).toBe(0);
  });

  it('are bounded: past the maximum a new session is refused, none is pushed out', async () => {
    const { tokens } = setup(2);
    const a = await tokens.issue('a');
    const b = await tokens.issue('b');
    await expect(tokens.issue('c')).rejects.toThrow(/shared state full/);
    expect(await tokens.resolve(a)).toBe('a');
    expect(await tokens.resolve(b)).toBe('b');
  });

  it('end on request', async () => {
    const { tokens } = setup();
    const a = await tokens.issue('a');
    await tokens.end(a);
    expect(await tokens.resolve(a)).toBeUndefined();
  });

  it('answer on another process that shares the store and the secret', async () => {
    const { tokens, state } = setup();
    const other = createSessionTokens({
      idleMs: 30 * 60_000,
      store: state.namespace('intake-session'),
      random: randomBytes,
    });
    const token = await tokens.issue('r1');
    expect(await other.resolve(token)).toBe('r1');
    await other.end(token);
    expect(await tokens.resolve(token)).toBeUndefined();
  });
});
