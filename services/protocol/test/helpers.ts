// Test fixtures: both backends, cheap Argon2 through the explicit test-only set, and a
// deterministic CSPRNG stand-in for known-answer vectors lives in vectors/deterministic.ts.
import { createLibsodiumBackend } from '../src/backend/libsodium.ts';
import { createNobleBackend } from '../src/backend/noble.ts';
import type { CryptoBackend } from '../src/backend/types.ts';

export async function bothBackends(): Promise<CryptoBackend[]> {
  return [await createLibsodiumBackend(), createNobleBackend()];
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
