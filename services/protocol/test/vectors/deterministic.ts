// A deterministic stand-in for the CSPRNG, for generating known-answer vectors only. It wraps a
// real backend and replaces randomBytes with BLAKE2b(key = H(seed), counter) blocks.
import { blake2b } from '@noble/hashes/blake2.js';
import type { CryptoBackend } from '../../src/backend/types.ts';

export function withDeterministicRandom(backend: CryptoBackend, seed: string): CryptoBackend {
  let counter = 0;
  const key = blake2b(new TextEncoder().encode(seed), { dkLen: 32 });
  return {
    ...backend,
    randomBytes(length: number): Uint8Array {
      const out = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const block = blake2b(new Uint8Array(new Uint32Array([counter++]).buffer), {
          dkLen: 64,
          key,
        });
        const take = Math.min(64, length - filled);
        out.set(block.subarray(0, take), filled);
        filled += take;
      }
      return out;
    },
  };
}
