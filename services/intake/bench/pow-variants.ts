// The proof-of-work loops compared by bench:pow, runnable in Node, `node --jitless` and Chromium
// (browser-safe: no node: imports). Each returns attempts per second over about `ms` of work on a
// challenge that cannot be solved (256 bits), so every run does the same work.
import { sha256 } from '@noble/hashes/sha2.js';
import { createPowSearch } from '../../../frontend/src/lib/crypto/pow/search.ts';
import {
  createWebCryptoPowSearch,
  leadingZeroBits,
} from '../../../frontend/src/lib/crypto/pow/search-webcrypto.ts';

export type Variant = 'webcrypto' | 'webcrypto-batched' | 'noble' | 'noble-midstate' | 'midstate';

export const VARIANTS: Variant[] = [
  'webcrypto',
  'webcrypto-batched',
  'noble',
  'noble-midstate',
  'midstate',
];

// The shape of a real challenge: pow1.<bits>.<expiresAtMs>.<nonce>.<mac> (88 characters).
export const CHALLENGE = `pow1.16.1790000000000.${'n'.repeat(22)}.${'m'.repeat(43)}`;

const UNSOLVABLE = 256;

/** Writes `n` in decimal at `at`; its length. */
function writeDecimal(buf: Uint8Array, at: number, n: number): number {
  const digits = String(n);
  for (let k = 0; k < digits.length; k++) buf[at + k] = digits.charCodeAt(k);
  return digits.length;
}

/** The loop the front end had: one awaited WebCrypto digest (and string, and encode) per attempt. */
async function webcrypto(ms: number): Promise<number> {
  const encoder = new TextEncoder();
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < ms) {
    for (const end = i + 256; i < end; i++) {
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', encoder.encode(`${CHALLENGE}:${i}`)),
      );
      if (leadingZeroBits(digest) >= UNSOLVABLE) return 0;
    }
  }
  return (i * 1000) / (performance.now() - t0);
}

/** @noble/hashes' sha256 over a reused input buffer, the decimal written in place. */
function noble(ms: number): number {
  const prefix = new TextEncoder().encode(`${CHALLENGE}:`);
  const buf = new Uint8Array(prefix.length + 20);
  buf.set(prefix);
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < ms) {
    for (const end = i + 256; i < end; i++) {
      const len = writeDecimal(buf, prefix.length, i);
      if (leadingZeroBits(sha256(buf.subarray(0, prefix.length + len))) >= UNSOLVABLE) return 0;
    }
  }
  return (i * 1000) / (performance.now() - t0);
}

/** @noble/hashes with the prefix hashed once and the state cloned per attempt. */
function nobleMidstate(ms: number): number {
  const base = sha256.create().update(new TextEncoder().encode(`${CHALLENGE}:`));
  const digits = new Uint8Array(20);
  const out = new Uint8Array(32);
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < ms) {
    for (const end = i + 256; i < end; i++) {
      const len = writeDecimal(digits, 0, i);
      base.clone().update(digits.subarray(0, len)).digestInto(out);
      if (leadingZeroBits(out) >= UNSOLVABLE) return 0;
    }
  }
  return (i * 1000) / (performance.now() - t0);
}

/** What the front end now runs (frontend/src/lib/crypto/pow/search.ts). */
function midstate(ms: number): number {
  const search = createPowSearch(CHALLENGE, UNSOLVABLE);
  const t0 = performance.now();
  while (performance.now() - t0 < ms) search.run(256);
  return (search.attempts * 1000) / (performance.now() - t0);
}

/** What the front end now runs where WebCrypto is faster (search-webcrypto.ts). */
export async function webcryptoBatched(ms: number, batch?: number): Promise<number> {
  const search = createWebCryptoPowSearch(CHALLENGE, UNSOLVABLE, batch);
  const t0 = performance.now();
  while (performance.now() - t0 < ms) await search.run(256);
  return (search.attempts * 1000) / (performance.now() - t0);
}

export async function attemptsPerSecond(variant: Variant, ms: number): Promise<number> {
  switch (variant) {
    case 'webcrypto':
      return webcrypto(ms);
    case 'webcrypto-batched':
      return webcryptoBatched(ms);
    case 'noble':
      return noble(ms);
    case 'noble-midstate':
      return nobleMidstate(ms);
    case 'midstate':
      return midstate(ms);
  }
}

Object.assign(globalThis, { powBench: { attemptsPerSecond, webcryptoBatched, VARIANTS } });
