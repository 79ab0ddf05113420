import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionTokens } from './tokens.ts';

function setup(max = 100) {
  let t = 0;
  const tokens = createSessionTokens({
    idleMs: 30 * 60_000,
    max,
    now: () => t,
    random: randomBytes,
  });
  return { tokens, advance: (ms: number) => void (t += ms) };
}

describe('session tokens', () => {
  it('are 256 random bits, resolve to their report and expire after 30 idle minutes', () => {
    const { tokens, advance } = setup();
    const token = tokens.issue('r1');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokens.resolve(token)).toBe('r1');
    advance(29 * 60_000);
    expect(tokens.resolve(token)).toBe('r1');
    advance(30 * 60_000);
    expect(tokens.resolve(token)).toBeUndefined();
    expect(tokens.size()).toBe(0);
  });

  it('are bounded: past the maximum the least recently used goes', () => {
    const { tokens } = setup(2);
    const a = tokens.issue('a');
    const b = tokens.issue('b');
    tokens.resolve(a);
    tokens.issue('c');
    expect(tokens.resolve(b)).toBeUndefined();
    expect(tokens.resolve(a)).toBe('a');
    expect(tokens.size()).toBe(2);
  });

  it('end on request', () => {
    const { tokens } = setup();
    const a = tokens.issue('a');
    tokens.end(a);
    expect(tokens.resolve(a)).toBeUndefined();
  });
});
