// Test fixtures: both backends, cheap Argon2 through the explicit test-only set, and a
// deterministic CSPRNG stand-in for known-answer vectors (never used outside tests/scripts).
import { blake2b } from '@noble/hashes/blake2.js';
import { createLibsodiumBackend } from '../src/backend/libsodium.ts';
import { createNobleBackend } from '../src/backend/noble.ts';
import type { CryptoBackend } from '../src/backend/types.ts';

export async function bothBackends(): Promise<CryptoBackend[]> {
  return [await createLibsodiumBackend(), createNobleBackend()];
}

/** Replaces randomBytes with a BLAKE2b counter-mode stream from `seed` (test vectors only). */
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

export const TEST_SALT = 'AAECAwQFBgcICQoLDA0ODw'; // bytes 0..15

export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of chunks) {
    parts.push(c.slice());
    total += c.length;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
