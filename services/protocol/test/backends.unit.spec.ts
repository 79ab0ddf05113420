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

describe('node backend: libsodium with Ed25519 verification in its native build', async () => {
  const { createNodeBackend } = await import('../src/backend/node.ts');
  const { ed25519 } = await import('@noble/curves/ed25519.js');
  const node = await createNodeBackend();
  const P = 2n ** 255n - 19n;
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  const le = (n: bigint) =>
    Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 255n));
  const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
  const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const withSign = (e: Uint8Array) => [e, Uint8Array.from(e, (b, i) => (i === 31 ? b | 0x80 : b))];
  /** y of every point of order dividing 8, and p, p + 1 (non-canonical 0 and 1). */
  const smallOrder = [
    le(0n),
    le(1n),
    hex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'),
    hex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'),
    le(P - 1n),
    le(P),
    le(P + 1n),
  ];
  const verifyAll = (sig: Uint8Array, m: Uint8Array, pk: Uint8Array) => [
    lib.ed25519Verify(sig, m, pk),
    node.ed25519Verify(sig, m, pk),
  ];

  it('is libsodium for everything else', () => {
    expect(node.name).toBe('node');
    const seed = lib.randomBytes(32);
    const m = lib.randomBytes(100);
    expect(node.ed25519Sign(m, seed)).toEqual(lib.ed25519Sign(m, seed));
    expect(node.x25519PublicKey(seed)).toEqual(lib.x25519PublicKey(seed));
  });

  it('Argon2id: the native build on the thread pool, identical to crypto_pwhash', async () => {
    for (const [t, m, outLen] of [
      [1, 8 * 1024, 32],
      [2, 19 * 1024 * 1024, 32],
      [3, 256 * 1024, 64],
    ] as const) {
      const pw = lib.randomBytes(20);
      const salt = lib.randomBytes(16);
      const cost = { opsLimit: t, memLimitBytes: m };
      expect(await node.argon2id(pw, salt, cost, outLen)).toEqual(
        await lib.argon2id(pw, salt, cost, outLen),
      );
    }
  });

  it('the edge cases below cover every point of small order (derived from the curve)', () => {
    // The torsion subgroup of edwards25519 is cyclic of order 8: a point of order 8 generates it.
    const T = ed25519.Point.fromBytes(smallOrder[2]!);
    const multiples = [ed25519.Point.ZERO];
    for (let k = 1; k < 8; k++) multiples.push(multiples[k - 1]!.add(T));
    expect(multiples[4]!.equals(ed25519.Point.ZERO)).toBe(false);
    expect(multiples[7]!.add(T).equals(ed25519.Point.ZERO)).toBe(true);
    const ys = new Set(
      multiples.map((q) =>
        hexOf(Uint8Array.from(q.toBytes(), (b, i) => (i === 31 ? b & 0x7f : b))),
      ),
    );
    ys.add(hexOf(le(P))).add(hexOf(le(P + 1n)));
    expect(new Set(smallOrder.map(hexOf))).toEqual(ys);
  });

  it('agrees with the WebAssembly build on valid and altered signatures, keys and messages', () => {
    fc.assert(
      fc.property(bytes(32), msg, fc.nat(63), fc.nat(7), (seed, m, at, bit) => {
        const pk = lib.ed25519PublicKey(seed);
        const sig = lib.ed25519Sign(m, seed);
        expect(verifyAll(sig, m, pk)).toEqual([true, true]);
        const badSig = sig.slice();
        badSig[at]! ^= 1 << bit;
        expect(verifyAll(badSig, m, pk)).toEqual([false, false]);
        const badPk = pk.slice();
        badPk[at % 32]! ^= 1 << bit;
        expect(verifyAll(sig, m, badPk)).toEqual([false, false]);
        expect(verifyAll(sig, new Uint8Array([...m, at]), pk)).toEqual([false, false]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses small-order keys and R, non-canonical keys and S, wrong lengths', () => {
    const m = new Uint8Array([1, 2, 3]);
    // With the identity as public key, R = s*B and S = s satisfy the cofactorless equation for
    // any message, with no secret at all (node:crypto's OpenSSL accepts it).
    const s = 123456789n;
    const forged = new Uint8Array([...ed25519.Point.BASE.multiply(s).toBytes(), ...le(s)]);
    for (const pk of withSign(smallOrder[1]!))
      expect(verifyAll(forged, m, pk)).toEqual([false, false]);

    const seed = lib.randomBytes(32);
    const pk = lib.ed25519PublicKey(seed);
    const sig = lib.ed25519Sign(m, seed);
    let sValue = 0n;
    for (let i = 31; i >= 0; i--) sValue = (sValue << 8n) | BigInt(sig[32 + i]!);
    // S + L is the same scalar, non-canonical (malleability).
    const malleable = new Uint8Array([...sig.subarray(0, 32), ...le(sValue + L)]);
    expect(verifyAll(malleable, m, pk)).toEqual([false, false]);
    for (const small of smallOrder.flatMap(withSign)) {
      expect(verifyAll(sig, m, small)).toEqual([false, false]);
      const smallR = new Uint8Array([...small, ...sig.subarray(32)]);
      expect(verifyAll(smallR, m, pk)).toEqual([false, false]);
    }
    // y = p .. p + 18: non-canonical encodings.
    for (let d = 0n; d < 19n; d++)
      for (const enc of withSign(le(P + d))) expect(verifyAll(sig, m, enc)).toEqual([false, false]);
    expect(node.ed25519Verify(sig.subarray(0, 63), m, pk)).toBe(false);
    expect(node.ed25519Verify(sig, m, pk.subarray(0, 31))).toBe(false);
    expect(node.ed25519Verify(new Uint8Array([...sig, 0]), m, pk)).toBe(false);
  });

  /** Valid, altered, small-order, malleable, non-canonical and wrongly sized cases. */
  const edgeCases = () => {
    const cases: Array<[Uint8Array, Uint8Array, Uint8Array]> = [];
    for (let i = 0; i < 50; i++) {
      const seed = lib.randomBytes(32);
      const m = lib.randomBytes(1 + i * 97);
      const pk = lib.ed25519PublicKey(seed);
      const sig = lib.ed25519Sign(m, seed);
      const badSig = sig.slice();
      badSig[i % 64]! ^= 1 << (i % 8);
      cases.push([sig, m, pk], [badSig, m, pk], [sig, new Uint8Array([...m, 1]), pk]);
      for (const small of smallOrder.flatMap(withSign)) {
        cases.push([sig, m, small], [new Uint8Array([...small, ...sig.subarray(32)]), m, pk]);
      }
      cases.push([sig.subarray(0, 63), m, pk], [sig, m, pk.subarray(0, 31)]);
    }
    return cases;
  };

  it('verifies off the event loop with the same answers, in the verification thread', async () => {
    const offThread = node.ed25519VerifyOffThread!;
    expect(offThread).toBeTypeOf('function');
    const cases = edgeCases();
    const expected = cases.map(([sig, m, pk]) => lib.ed25519Verify(sig, m, pk));
    expect(expected.filter(Boolean)).toHaveLength(50);
    expect(await Promise.all(cases.map((c) => offThread(...c)))).toEqual(expected);
  });

  it('answers on the calling thread, the same way, when the verification thread dies', async () => {
    const { startVerifyThread } = await import('../src/backend/verify-thread.ts');
    let calledHere = 0;
    const here = (sig: Uint8Array, m: Uint8Array, pk: Uint8Array) => {
      calledHere++;
      return node.ed25519Verify(sig, m, pk);
    };
    const dying = startVerifyThread(
      here,
      new URL('./fixtures/dying-verify-worker.mjs', import.meta.url),
    );
    const cases = edgeCases();
    const expected = cases.map(([sig, m, pk]) => lib.ed25519Verify(sig, m, pk));
    expect(await Promise.all(cases.map((c) => dying(...c)))).toEqual(expected);
    // Every case of the right sizes was answered here (wrong sizes are refused before).
    const rightSizes = cases.filter(([sig, , pk]) => sig.length === 64 && pk.length === 32);
    expect(calledHere).toBe(rightSizes.length);
  });
});
