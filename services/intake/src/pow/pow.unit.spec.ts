import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultIntakeConfig, type PowConfig } from '../config.ts';
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
  const pow = createPow(c, randomBytes(32), randomBytes, () => t);
  return { pow, advance: (ms: number) => void (t += ms) };
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
  it('accepts a solved challenge once and refuses its replay for other content', () => {
    const { pow } = setup();
    const { challenge, bits } = pow.issue();
    expect(bits).toBe(8);
    const solution = solvePow(challenge);
    expect(leadingZeroBits(powDigest(challenge, solution))).toBeGreaterThanOrEqual(8);
    expect(pow.spend(challenge, solution, 'a').ok).toBe(true);
    expect(pow.spend(challenge, solution, 'a').ok).toBe(true); // identical retry
    expect(pow.spend(challenge, solution, 'b')).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses tampering, wrong solutions, malformed input and expiry', () => {
    const { pow, advance } = setup();
    const { challenge } = pow.issue();
    const solution = solvePow(challenge);
    const easier = challenge.replace(/^pow1\.8\./, 'pow1.4.');
    expect(pow.spend(easier, solvePow(easier), 'x').ok).toBe(false);
    let wrong = 0;
    while (leadingZeroBits(powDigest(challenge, String(wrong))) >= 8) wrong++;
    expect(pow.spend(challenge, String(wrong), 'x').ok).toBe(false);
    for (const bad of [undefined, 1, '', 'a.b', `${challenge}x`])
      expect(pow.spend(bad, solution, 'x').ok).toBe(false);
    expect(pow.spend(challenge, '-1', 'x').ok).toBe(false);
    expect(pow.spend(challenge, '1e3', 'x').ok).toBe(false);
    advance(config.ttlMs + 1);
    expect(pow.spend(challenge, solution, 'x').ok).toBe(false);
  });

  it('refuses a challenge signed with another key', () => {
    const a = setup();
    const b = setup();
    const { challenge } = a.pow.issue();
    expect(b.pow.spend(challenge, solvePow(challenge), 'x').ok).toBe(false);
  });

  it('fails closed when the spent set is full, and frees it as challenges expire', () => {
    const { pow, advance } = setup();
    for (let i = 0; i < 3; i++) {
      const { challenge } = pow.issue();
      expect(pow.spend(challenge, solvePow(challenge), `b${i}`).ok).toBe(true);
    }
    const { challenge } = pow.issue();
    expect(pow.spend(challenge, solvePow(challenge), 'x')).toEqual({ ok: false, reason: 'busy' });
    advance(config.ttlMs + 1);
    const fresh = pow.issue();
    expect(pow.spend(fresh.challenge, solvePow(fresh.challenge), 'y').ok).toBe(true);
    expect(pow.spentCount()).toBe(1);
  });
});

describe('adaptive difficulty', () => {
  it('adds a bit per doubling of the global rate and falls back after the minute', () => {
    let t = 0;
    const d = createDifficulty(config, () => t);
    expect(d.bits()).toBe(8);
    for (let i = 0; i < 10; i++) d.recordAttempt();
    expect(d.bits()).toBe(8);
    for (let i = 0; i < 30; i++) d.recordAttempt(); // 40/min = 4x the normal rate
    expect(d.bits()).toBe(10);
    for (let i = 0; i < 10_000; i++) d.recordAttempt();
    expect(d.bits()).toBe(16); // capped
    t += 30_000;
    expect(d.bits()).toBe(16);
    t += 31_000;
    expect(d.ratePerMinute()).toBe(0);
    expect(d.bits()).toBe(8);
  });
});
