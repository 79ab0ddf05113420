import { createHash } from 'node:crypto';
import { SharedStateUnavailableError, type EphemeralStore } from '@integrity-desk/shared-state';
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
 * challenges that were spent, until they expire, so none can be used twice (in the shared state:
 * on every process behind one address). The difficulty is
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

export interface PowState {
  /** Spent challenges (nonce to the binding it paid for), until they expire. */
  readonly spent: EphemeralStore;
  /** Paid attempts per second, for the difficulty. */
  readonly attempts: EphemeralStore;
}

export function createPow(
  config: PowConfig,
  key: Buffer,
  random: (n: number) => Buffer,
  now: () => number,
  state: PowState,
) {
  const signer = createHmacSigner(key, 'pow');
  const difficulty = createDifficulty(config, now, state.attempts);
  const { spent } = state;

  /** Whether the challenge was spent on this binding (a retry), or on another (a replay). */
  async function previously(nonce: string, binding: string): Promise<PowVerdict | undefined> {
    const previous = await spent.get(nonce);
    if (previous === undefined) return undefined;
    return previous === binding
      ? { ok: true, nonce, expiresAt: 0 }
      : { ok: false, reason: 'replayed' };
  }

  return {
    difficulty,
    async issue(): Promise<{
      challenge: string;
      bits: number;
      expiresAt: number;
      algorithm: string;
    }> {
      const bits = await difficulty.bits();
      const expiresAt = now() + config.ttlMs;
      const nonce = random(16).toString('base64url');
      const challenge = signer.sign(['pow1', String(bits), String(expiresAt), nonce]);
      return { challenge, bits, expiresAt, algorithm: powAlgorithm };
    },
    /**
     * Checks a solution and marks the challenge spent, in the shared state, so no process behind
     * the same address takes it again. `binding` identifies what it was spent on: presenting the
     * same challenge again with the same binding (a retried request with the same body) passes,
     * anything else is a replay. Fails closed: when the shared state cannot answer (Redis away,
     * the memory bound reached) the verdict is `busy`, never a pass.
     */
    async spend(challenge: unknown, solution: unknown, binding: string): Promise<PowVerdict> {
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
      try {
        // The retry of a request this challenge already paid for is the same success, even if
        // the difficulty has risen since: it was accepted once.
        const earlier = await previously(nonce, binding);
        if (earlier) return earlier.ok ? { ok: true, nonce, expiresAt } : earlier;
        // Checked at redemption, not only at issue: a challenge handed out while it was quiet is
        // worth no more than the going difficulty asks for now.
        if (bits < (await difficulty.bits())) return { ok: false, reason: 'outdated' };
        if (!(await spent.setIfAbsent(nonce, binding, expiresAt - at))) {
          // Another request (on this process or another) spent it a moment ago.
          const other = await previously(nonce, binding);
          return other?.ok ? { ok: true, nonce, expiresAt } : { ok: false, reason: 'replayed' };
        }
        await difficulty.recordAttempt();
        return { ok: true, nonce, expiresAt };
      } catch (error) {
        if (error instanceof SharedStateUnavailableError) return { ok: false, reason: 'busy' };
        throw error;
      }
    },
    /** Gives a spent challenge back when the request it paid for was refused without effect. */
    async release(nonce: string): Promise<void> {
      await spent.delete(nonce);
    },
  };
}

export type Pow = ReturnType<typeof createPow>;
