// The two backends agree byte for byte on random inputs, and agree with libsodium's own
// high-level functions (crypto_box_seal_open, crypto_kdf_derive_from_key, ...).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import sodium from 'libsodium-wrappers-sumo';
import { createLibsodiumBackend } from '../src/backend/libsodium.ts';
import { createNobleBackend } from '../src/backend/noble.ts';
import { loadBackend, webAssemblyWorks } from '../src/index.ts';

await sodium.ready;
const lib = await createLibsodiumBackend();
const noble = createNobleBackend();
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const msg = fc.uint8Array({ minLength: 0, maxLength: 300 });

describe('backend equivalence', () => {
  it('selects libsodium in Node, where WebAssembly works', async () => {
    expect(webAssemblyWorks()).toBe(true);
    expect((await loadBackend()).name).toBe('libsodium');
    expect((await loadBackend({ prefer: 'noble' })).name).toBe('noble');
  });

  it('crypto_box_seal: identical output, opened by libsodium itself, and by each other', () => {
    fc.assert(
      fc.property(msg, bytes(32), bytes(32), (m, sk, esk) => {
        const pk = lib.x25519PublicKey(sk);
        expect(noble.x25519PublicKey(sk)).toEqual(pk);
        const a = lib.boxSeal(m, pk, esk);
        const b = noble.boxSeal(m, pk, esk);
        expect(b).toEqual(a);
        expect(sodium.crypto_box_seal_open(b, pk, sk)).toEqual(m);
        expect(noble.boxSealOpen(sodium.crypto_box_seal(m, pk), pk, sk)).toEqual(m);
        expect(lib.boxSealOpen(b, pk, sk)).toEqual(m);
      }),
      { numRuns: 100 },
    );
  });

  it('XChaCha20-Poly1305: identical output and both refuse a wrong AD', () => {
    fc.assert(
      fc.property(bytes(32), bytes(24), msg, msg, (k, n, m, ad) => {
        const c = lib.aeadEncrypt(k, n, m, ad);
        expect(noble.aeadEncrypt(k, n, m, ad)).toEqual(c);
        expect(noble.aeadDecrypt(k, n, c, ad)).toEqual(m);
        const wrongAd = new Uint8Array([...ad, 1]);
        expect(() => lib.aeadDecrypt(k, n, c, wrongAd)).toThrow();
        expect(() => noble.aeadDecrypt(k, n, c, wrongAd)).toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('Ed25519: identical keys and signatures; verification agrees', () => {
    fc.assert(
      fc.property(bytes(32), msg, (seed, m) => {
        const pk = lib.ed25519PublicKey(seed);
        expect(noble.ed25519PublicKey(seed)).toEqual(pk);
        const sig = lib.ed25519Sign(m, seed);
        expect(noble.ed25519Sign(m, seed)).toEqual(sig);
        expect(noble.ed25519Verify(sig, m, pk)).toBe(true);
        const bad = sig.slice();
        bad[0]! ^= 1;
        expect(noble.ed25519Verify(bad, m, pk)).toBe(false);
        expect(lib.ed25519Verify(bad, m, pk)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('BLAKE2b and crypto_kdf_derive_from_key: identical', () => {
    fc.assert(
      fc.property(msg, bytes(32), fc.integer({ min: 0, max: 0x7fffffff }), (m, key, id) => {
        expect(noble.blake2b(m, { outLen: 32, key })).toEqual(lib.blake2b(m, { outLen: 32, key }));
        expect(noble.blake2b(m, { outLen: 24 })).toEqual(lib.blake2b(m, { outLen: 24 }));
        const sub = sodium.crypto_kdf_derive_from_key(32, id, 'IDreport', key);
        expect(noble.kdfDerive(key, id, 'IDreport', 32)).toEqual(sub);
      }),
      { numRuns: 100 },
    );
  });

  it('Argon2id: identical to crypto_pwhash', async () => {
    for (const [t, m] of [
      [1, 8 * 1024],
      [2, 64 * 1024],
      [3, 256 * 1024],
    ] as const) {
      const pw = lib.randomBytes(20);
      const salt = lib.randomBytes(16);
      const cost = { opsLimit: t, memLimitBytes: m };
      expect(await noble.argon2id(pw, salt, cost, 32)).toEqual(
        await lib.argon2id(pw, salt, cost, 32),
      );
    }
  });
});
