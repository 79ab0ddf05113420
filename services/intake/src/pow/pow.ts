import { createHash } from 'node:crypto';
import type { PowConfig } from '../config.ts';
import { createHmacSigner } from '../http/hmac-token.ts';
import { createDifficulty } from './difficulty.ts';

/**
 * Proof of work, hashcash style on SHA-256, because every browser has it natively through
 * WebCrypto (`crypto.subtle.digest`), also Tor Browser at "Safer" with WebAssembly and the JIT
 * off. The client finds a decimal `solution` such that SHA-256(utf8(challenge + ':' + solution))
 * starts with `bits` zero bits; the expected work is 2^bits hashes, checking it is one hash.
 *
 * Challenges are stateless (`pow1.<bits>.<expiresAtMs>.<nonce>.<mac>`): the server only remembers
 * challenges that were spent, until they expire, so none can be used twice. The difficulty is
 * checked again when a challenge is spent: one issued at fewer bits than the going difficulty is
 * refused (`outdated`), and the browser solves a fresh one, so challenges solved while it was
 * quiet cannot be stockpiled for a flood. Every newly spent challenge counts as an attempt
 * towards the going difficulty (difficulty.ts), whatever the request then turns out to be.
 */
export const powAlgorithm = 'sha256-leading-zero-bits/v1';

export type PowVerdict =
  | { readonly ok: true; readonly nonce: string; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: 'invalid' | 'replayed' | 'busy' | 'outdated' };

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function powDigest(challenge: string, solution: string): Buffer {
  return createHash('sha256').update(`${challenge}:${solution}`, 'utf8').digest();
}

/** Reference solver (tests, bench, documentation of what the browser does). */
export function solvePow(challenge: string): string {
  const bits = Number(challenge.split('.')[1]);
  for (let i = 0; ; i++) {
    const solution = String(i);
    if (leadingZeroBits(powDigest(challenge, solution)) >= bits) return solution;
  }
}

const solutionPattern = /^[0-9]{1,20}$/;

export function createPow(
  config: PowConfig,
  key: Buffer,
  random: (n: number) => Buffer,
  now: () => number,
) {
  const signer = createHmacSigner(key, 'pow');
  const difficulty = createDifficulty(config, now);
  /** nonce -> [expiresAt, binding]; the binding lets an identical retry through (idempotence). */
  const spent = new Map<string, [number, string]>();
  let nextSweep = 0;

  function sweep(at: number): void {
    if (at < nextSweep && spent.size < config.maxSpent) return;
    nextSweep = at + 10_000;
    for (const [nonce, [expiresAt]] of spent) if (expiresAt <= at) spent.delete(nonce);
  }

  return {
    difficulty,
    issue(): { challenge: string; bits: number; expiresAt: number; algorithm: string } {
      const bits = difficulty.bits();
      const expiresAt = now() + config.ttlMs;
      const nonce = random(16).toString('base64url');
      const challenge = signer.sign(['pow1', String(bits), String(expiresAt), nonce]);
      return { challenge, bits, expiresAt, algorithm: powAlgorithm };
    },
    /**
     * Checks a solution and marks the challenge spent. `binding` identifies what it was spent
     * on: presenting the same challenge again with the same binding (a retried request with the
     * same body) passes, anything else is a replay.
     */
    spend(challenge: unknown, solution: unknown, binding: string): PowVerdict {
      if (typeof challenge !== 'string' || typeof solution !== 'string') {
        return { ok: false, reason: 'invalid' };
      }
      if (challenge.length > 200 || !solutionPattern.test(solution)) {
        return { ok: false, reason: 'invalid' };
      }
      const fields = signer.open(challenge);
      if (!fields || fields.length !== 4 || fields[0] !== 'pow1')
        return { ok: false, reason: 'invalid' };
      const bits = Number(fields[1]);
      const expiresAt = Number(fields[2]);
      const nonce = fields[3]!;
      const at = now();
      if (!Number.isInteger(bits) || !Number.isFinite(expiresAt) || expiresAt <= at) {
        return { ok: false, reason: 'invalid' };
      }
      if (bits < config.minBits) return { ok: false, reason: 'invalid' };
      if (leadingZeroBits(powDigest(challenge, solution)) < bits)
        return { ok: false, reason: 'invalid' };
      const previous = spent.get(nonce);
      if (previous) {
        // The retry of a request this challenge already paid for is the same success, even if
        // the difficulty has risen since: it was accepted once.
        return previous[1] === binding
          ? { ok: true, nonce, expiresAt }
          : { ok: false, reason: 'replayed' };
      }
      // Checked at redemption, not only at issue: a challenge handed out while it was quiet is
      // worth no more than the going difficulty asks for now.
      if (bits < difficulty.bits()) return { ok: false, reason: 'outdated' };
      sweep(at);
      // Fail closed: when the memory bound is reached, refuse rather than forget spent ones.
      if (spent.size >= config.maxSpent) return { ok: false, reason: 'busy' };
      spent.set(nonce, [expiresAt, binding]);
      difficulty.recordAttempt();
      return { ok: true, nonce, expiresAt };
    },
    /** Gives a spent challenge back when the request it paid for was refused without effect. */
    release(nonce: string): void {
      spent.delete(nonce);
    },
    spentCount: () => spent.size,
  };
}

export type Pow = ReturnType<typeof createPow>;
