// The crypto worker's proof of work (frontend/src/lib/crypto/pow/): its hand-written SHA-256
// from a midstate agrees with node:crypto on every prefix and tail length, its solutions pass
// intake's own verifier (the real createPow: HMAC-signed challenge, SHA-256 check, spent set),
// and a long search reports progress with an estimate and stops when cancelled.
import { createMemoryStore } from '@integrity-desk/shared-state';
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../frontend/src/lib/crypto/jobs.ts';
import { estimatePow } from '../../frontend/src/lib/crypto/pow/estimate.ts';
import { createWebCryptoPowSearch } from '../../frontend/src/lib/crypto/pow/search-webcrypto.ts';
import { createPowSearch } from '../../frontend/src/lib/crypto/pow/search.ts';
import { PrefixHasher } from '../../frontend/src/lib/crypto/pow/sha256-midstate.ts';
import { solvePow } from '../../frontend/src/lib/crypto/pow/solve.ts';
import { defaultIntakeConfig } from '../../services/intake/src/config.ts';
import { createPow, powDigest } from '../../services/intake/src/pow/pow.ts';

function digestOf(hasher: PrefixHasher): Buffer {
  const out = Buffer.alloc(32);
  hasher.digest().forEach((word, i) => out.writeInt32BE(word, i * 4));
  return out;
}

describe('SHA-256 from a midstate', () => {
  it('equals node:crypto for any prefix and a tail of 1 to 20 digits', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.stringMatching(/^[0-9]{1,20}$/),
        (prefix, tail) => {
          const hasher = new PrefixHasher(prefix, 20);
          hasher.block.set(Buffer.from(tail, 'latin1'), hasher.tailStart);
          hasher.setTailLength(tail.length);
          const want = createHash('sha256').update(prefix).update(tail, 'latin1').digest();
          expect(digestOf(hasher).toString('hex')).toBe(want.toString('hex'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps agreeing as the decimal grows a digit (9 to 10, 99 to 100)', () => {
    const challenge = 'pow1.0.1.n.m';
    const search = createPowSearch(challenge, 0);
    for (let i = 0; i < 1200; i++) {
      const solution = search.run(1)!;
      expect(solution).toBe(String(i));
    }
  });
});

function intakePow() {
  let t = 1_000_000;
  const now = () => t;
  const pow = createPow(
    { ...defaultIntakeConfig.pow, baseBits: 12, minBits: 4 },
    randomBytes(32),
    randomBytes,
    now,
    { spent: createMemoryStore({ now }), attempts: createMemoryStore({ now }) },
  );
  return { pow, tick: () => void (t += 1) };
}

describe('solutions intake accepts', () => {
  it('the WebCrypto engine finds the same solutions as the JavaScript one, and intake takes them', async () => {
    const { pow } = intakePow();
    for (let i = 0; i < 5; i++) {
      const { challenge, bits } = await pow.issue();
      const native = await createWebCryptoPowSearch(challenge, bits).run(1_000_000);
      expect(native).toBe(createPowSearch(challenge, bits).run(1_000_000));
      expect(await pow.spend(challenge, native, `b${i}`)).toMatchObject({ ok: true });
    }
  });

  it('every challenge intake issues is solved and the solution spent', async () => {
    const { pow, tick } = intakePow();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (binding) => {
        const { challenge, bits } = await pow.issue();
        const solved = await solvePow(challenge, () => {});
        expect(solved.challenge).toBe(challenge);
        expect(powDigest(challenge, solved.solution).readUInt32BE(0) >>> (32 - bits)).toBe(0);
        expect(await pow.spend(challenge, solved.solution, binding)).toMatchObject({ ok: true });
        tick();
      }),
      { numRuns: 40 },
    );
  });
});

describe('a long search', () => {
  it('reports progress with a time estimate, then stops when cancelled', async () => {
    const seen: Progress[] = [];
    const abort = new AbortController();
    // 40 bits: a trillion attempts expected, never found within this test.
    const solving = solvePow(
      'pow1.40.1.n.m',
      (p) => {
        seen.push(p);
        if (seen.some((s) => s.secondsLeft !== undefined && s.fraction > 0)) abort.abort();
      },
      abort.signal,
    );
    await expect(solving).rejects.toMatchObject({ name: 'Cancelled' });
    const estimate = seen.find((s) => s.secondsLeft !== undefined && s.fraction > 0)!;
    // 2^40 attempts at any rate a computer reaches: far more than an hour left.
    expect(estimate.secondsLeft).toBeGreaterThan(3600);
    expect(estimate.secondsLeft).toBeLessThan(Infinity);
  }, 30_000);

  it('estimates what is left from the rate so far', () => {
    expect(estimatePow(0, 16, 0)).toEqual({ fraction: 0, secondsLeft: Infinity });
    // Half the expected 65,536 attempts in 5 s: 5 s more.
    expect(estimatePow(32_768, 16, 5000).secondsLeft).toBe(5);
    // Past the expected number: any moment now.
    expect(estimatePow(100_000, 16, 5000).secondsLeft).toBe(0);
    expect(estimatePow(65_536, 16, 1000).fraction).toBeCloseTo(1 - Math.exp(-1));
  });
});
