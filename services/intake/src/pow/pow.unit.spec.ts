import { createMemoryStore } from '@integrity-desk/shared-state';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultIntakeConfig, type PowConfig } from '../config.ts';
import { POW_CAP_BITS, POW_CAP_PHONE_ATTEMPTS_PER_SECOND, POW_CAP_SECONDS } from './cap.ts';
import { createDifficulty } from './difficulty.ts';
import { createPow, leadingZeroBits, powDigest, solvePow } from './pow.ts';

const config: PowConfig = {
  ...defaultIntakeConfig.pow,
  baseBits: 8,
  minBits: 4,
  maxBits: 16,
  normalRatePerMinute: 10,
  maxSpent: 3,
};

function setup(c: PowConfig = config) {
  let t = 1_000_000;
  const now = () => t;
  // The spent set bounded to `maxSpent` entries, as the in-memory shared state bounds it.
  const spent = createMemoryStore({ now, maxEntries: c.maxSpent });
  const pow = createPow(c, randomBytes(32), randomBytes, now, {
    spent,
    attempts: createMemoryStore({ now }),
  });
  return { pow, spent, advance: (ms: number) => void (t += ms) };
}

describe('leadingZeroBits', () => {
  it('counts zero bits across bytes', () => {
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x01]))).toBe(7);
    expect(leadingZeroBits(Uint8Array.from([0, 0x10]))).toBe(11);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });
  it('matches the WebCrypto-compatible digest the browser computes', () => {
    const digest = powDigest('c', '1');
    expect(digest.equals(createHash('sha256').update('c:1').digest())).toBe(true);
  });
});

describe('proof of work', () => {
  it('accepts a solved challenge once and refuses its replay for other content', async () => {
    const { pow } = setup();
    const { challenge, bits } = await pow.issue();
    expect(bits).toBe(8);
    const solution = solvePow(challenge);
    expect(leadingZeroBits(powDigest(challenge, solution))).toBeGreaterThanOrEqual(8);
    expect((await pow.spend(challenge, solution, 'a')).ok).toBe(true);
    expect((await pow.spend(challenge, solution, 'a')).ok).toBe(true); // identical retry
    expect(await pow.spend(challenge, solution, 'b')).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses tampering, wrong solutions, malformed input and expiry', async () => {
    const { pow, advance } = setup();
    const { challenge } = await pow.issue();
    const solution = solvePow(challenge);
    const easier = challenge.replace(/^pow1\.8\./, 'pow1.4.');
    expect((await pow.spend(easier, solvePow(easier), 'x')).ok).toBe(false);
    let wrong = 0;
    while (leadingZeroBits(powDigest(challenge, String(wrong))) >= 8) wrong++;
    expect((await pow.spend(challenge, String(wrong), 'x')).ok).toBe(false);
    for (const bad of [undefined, 1, '', 'a.b', `${challenge}x`])
      expect((await pow.spend(bad, solution, 'x')).ok).toBe(false);
    expect((await pow.spend(challenge, '-1', 'x')).ok).toBe(false);
    expect((await pow.spend(challenge, '1e3', 'x')).ok).toBe(false);
    advance(config.ttlMs + 1);
    expect((await pow.spend(challenge, solution, 'x')).ok).toBe(false);
  });

  it('refuses a challenge signed with another key', async () => {
    const a = setup();
    const b = setup();
    const { challenge } = await a.pow.issue();
    expect((await b.pow.spend(challenge, solvePow(challenge), 'x')).ok).toBe(false);
  });

  it('is spent once across processes that share the state and the key', async () => {
    const now = () => 1_000_000;
    const key = randomBytes(32);
    const state = { spent: createMemoryStore({ now }), attempts: createMemoryStore({ now }) };
    const one = createPow(config, key, randomBytes, now, state);
    const two = createPow(config, key, randomBytes, now, state);
    const { challenge } = await one.issue();
    const solution = solvePow(challenge);
    expect((await one.spend(challenge, solution, 'a')).ok).toBe(true);
    expect(await two.spend(challenge, solution, 'b')).toEqual({ ok: false, reason: 'replayed' });
    expect((await two.spend(challenge, solution, 'a')).ok).toBe(true); // the same request's retry
    expect(await two.difficulty.ratePerMinute()).toBe(1);
  });

  it('fails closed when the spent set is full, and frees it as challenges expire', async () => {
    const { pow, spent, advance } = setup();
    for (let i = 0; i < 3; i++) {
      const { challenge } = await pow.issue();
      expect((await pow.spend(challenge, solvePow(challenge), `b${i}`)).ok).toBe(true);
    }
    const { challenge } = await pow.issue();
    expect(await pow.spend(challenge, solvePow(challenge), 'x')).toEqual({
      ok: false,
      reason: 'busy',
    });
    advance(config.ttlMs + 1);
    const fresh = await pow.issue();
    expect((await pow.spend(fresh.challenge, solvePow(fresh.challenge), 'y')).ok).toBe(true);
    expect(spent.count()).toBe(1);
  });
});

describe('adaptive difficulty', () => {
  it('adds a bit per doubling of the global rate and falls back after the minute', async () => {
    let t = 0;
    const d = createDifficulty(config, () => t, createMemoryStore({ now: () => t }));
    expect(await d.bits()).toBe(8);
    for (let i = 0; i < 10; i++) await d.recordAttempt();
    expect(await d.bits()).toBe(8);
    for (let i = 0; i < 30; i++) await d.recordAttempt(); // 40/min = 4x the normal rate
    expect(await d.bits()).toBe(10);
    for (let i = 0; i < 10_000; i++) await d.recordAttempt();
    expect(await d.bits()).toBe(16); // capped
    t += 30_000;
    expect(await d.bits()).toBe(16);
    t += 31_000;
    expect(await d.ratePerMinute()).toBe(0);
    expect(await d.bits()).toBe(8);
  });

  it('never asks more than the phone profile pays in 10 s, under any flood or configuration', async () => {
    const flood = async (c: PowConfig) => {
      const d = createDifficulty(c, () => 0, createMemoryStore({ now: () => 0 }));
      // 10,000 paid attempts in a minute: over 300x the default normal rate, 9 more bits.
      for (let i = 0; i < 10_000; i++) await d.recordAttempt();
      return d.bits();
    };
    const defaults = await flood(defaultIntakeConfig.pow);
    expect(defaults).toBe(POW_CAP_BITS);
    // A configuration asking for more is held to the cap as well.
    expect(await flood({ ...defaultIntakeConfig.pow, maxBits: 30 })).toBe(POW_CAP_BITS);
    expect(2 ** defaults / POW_CAP_PHONE_ATTEMPTS_PER_SECOND).toBeLessThanOrEqual(POW_CAP_SECONDS);
  });
});
