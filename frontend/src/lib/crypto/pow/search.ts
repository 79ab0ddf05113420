// The synchronous search behind the proof of work (sha256-leading-zero-bits/v1, as intake checks
// it in services/intake/src/pow/pow.ts): the decimal solution sits in a reused buffer after the
// hashed prefix `challenge ':'` and is incremented there, digit by digit, so an attempt is one
// or two SHA-256 compressions and no allocation at all.
import { PrefixHasher, leadingZeroBitsOfWords } from './sha256-midstate';

/** Intake accepts solutions of 1 to 20 decimal digits. */
const MAX_DIGITS = 20;

export interface PowSearch {
  /** Tries `attempts` solutions from where the last call stopped; the solution, if one passed. */
  run(attempts: number): string | undefined;
  /** Attempts made so far. */
  readonly attempts: number;
}

export function createPowSearch(challenge: string, bits: number): PowSearch {
  const hasher = new PrefixHasher(new TextEncoder().encode(`${challenge}:`), MAX_DIGITS);
  const { block, tailStart } = hasher;
  // Solutions 0, 1, 2, ... as ASCII digits in place.
  let digits = 1;
  block[tailStart] = 0x30;
  hasher.setTailLength(digits);
  let attempts = 0;

  /** Adds one to the decimal number in place; a carry past the first digit makes it longer. */
  function increment(): void {
    let at = tailStart + digits - 1;
    while (at >= tailStart) {
      if (block[at] !== 0x39) {
        block[at]! += 1;
        return;
      }
      block[at] = 0x30;
      at--;
    }
    if (digits === MAX_DIGITS) throw new Error('PowExhausted');
    // 99...9 + 1 = 100...0: a leading 1 and one more zero.
    block[tailStart] = 0x31;
    block[tailStart + digits] = 0x30;
    digits++;
    hasher.setTailLength(digits);
  }

  function solution(): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += String.fromCharCode(block[tailStart + i]!);
    return s;
  }

  return {
    get attempts() {
      return attempts;
    },
    run(n) {
      for (let i = 0; i < n; i++) {
        attempts++;
        if (leadingZeroBitsOfWords(hasher.digest()) >= bits) {
          const found = solution();
          increment();
          return found;
        }
        increment();
      }
      return undefined;
    },
  };
}
