// Pure-JavaScript backend on the audited noble libraries, for browsers without WebAssembly
// (Tor Browser "Safer", jitless V8). Every function matches libsodium byte for byte; the test
// vectors and the cross-backend tests hold it to that.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hsalsa, xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { u64le } from '../bytes.ts';
import { DecryptionError } from '../errors.ts';
import type { Argon2idCost, Blake2bOptions, CryptoBackend } from './types.ts';

// "expand 32-byte k", the Salsa20 constants, as little-endian words.
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

function toWordsLE(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) {
    words[i] =
      (bytes[i * 4]! |
        (bytes[i * 4 + 1]! << 8) |
        (bytes[i * 4 + 2]! << 16) |
        (bytes[i * 4 + 3]! << 24)) >>>
      0;
  }
  return words;
}

function fromWordsLE(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[i * 4] = w & 0xff;
    out[i * 4 + 1] = (w >>> 8) & 0xff;
    out[i * 4 + 2] = (w >>> 16) & 0xff;
    out[i * 4 + 3] = (w >>> 24) & 0xff;
  }
  return out;
}

/** crypto_box_beforenm: HSalsa20(X25519(sk, pk), 0^16). */
function boxBeforeNm(publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array {
  let shared: Uint8Array;
  try {
    // noble rejects an all-zero shared secret (low-order public key), as libsodium does.
    shared = x25519.getSharedSecret(secretKey, publicKey);
  } catch {
    throw new DecryptionError();
  }
  const out = new Uint32Array(8);
  hsalsa(SIGMA, toWordsLE(shared), new Uint32Array(4), out);
  shared.fill(0);
  const key = fromWordsLE(out);
  out.fill(0);
  return key;
}

function sealNonce(epk: Uint8Array, pk: Uint8Array): Uint8Array {
  const input = new Uint8Array(64);
  input.set(epk, 0);
  input.set(pk, 32);
  return blake2b(input, { dkLen: 24 });
}

function kdfSalt(subkeyId: number): Uint8Array {
  if (!Number.isInteger(subkeyId) || subkeyId < 0 || subkeyId > 0x7fffffff) {
    throw new RangeError('kdf: subkey id must be in 0..2^31-1');
  }
  // libsodium's crypto_kdf: the subkey id as a little-endian u64, then eight zero bytes.
  const salt = new Uint8Array(16);
  salt.set(u64le(subkeyId));
  return salt;
}

function kdfPersonal(context: string): Uint8Array {
  // libsodium requires exactly 8 context bytes; we keep to ASCII so both sides agree.
  if (!/^[\x20-\x7e]{8}$/.test(context)) throw new RangeError('kdf: context must be 8 ASCII chars');
  const personal = new Uint8Array(16);
  for (let i = 0; i < 8; i++) personal[i] = context.charCodeAt(i);
  return personal;
}

export function createNobleBackend(): CryptoBackend {
  return {
    name: 'noble',
    randomBytes(length: number): Uint8Array {
      const out = new Uint8Array(length);
      globalThis.crypto.getRandomValues(out);
      return out;
    },
    blake2b(message: Uint8Array, o: Blake2bOptions): Uint8Array {
      return blake2b(message, { dkLen: o.outLen, ...(o.key !== undefined ? { key: o.key } : {}) });
    },
    kdfDerive(
      masterKey: Uint8Array,
      subkeyId: number,
      context: string,
      outLen: number,
    ): Uint8Array {
      return blake2b(new Uint8Array(0), {
        dkLen: outLen,
        key: masterKey,
        salt: kdfSalt(subkeyId),
        personalization: kdfPersonal(context),
      });
    },
    async argon2id(
      password: Uint8Array,
      salt: Uint8Array,
      cost: Argon2idCost,
      outLen: number,
      onProgress?: (fraction: number) => void,
    ): Promise<Uint8Array> {
      return argon2idAsync(password, salt, {
        t: cost.opsLimit,
        m: cost.memLimitBytes / 1024,
        p: 1,
        dkLen: outLen,
        maxmem: 2 ** 32 - 1,
        asyncTick: 50,
        ...(onProgress ? { onProgress } : {}),
      });
    },
    aeadEncrypt(key, nonce, plaintext, ad) {
      return xchacha20poly1305(key, nonce, ad).encrypt(plaintext);
    },
    aeadDecrypt(key, nonce, ciphertext, ad) {
      try {
        return xchacha20poly1305(key, nonce, ad).decrypt(ciphertext);
      } catch {
        throw new DecryptionError();
      }
    },
    x25519PublicKey(secretKey) {
      return x25519.getPublicKey(secretKey);
    },
    boxSeal(message, recipientPublicKey, ephemeralSecretKey) {
      const epk = x25519.getPublicKey(ephemeralSecretKey);
      const key = boxBeforeNm(recipientPublicKey, ephemeralSecretKey);
      // noble's xsalsa20poly1305 output is tag || ciphertext, as crypto_box_easy.
      const boxed = xsalsa20poly1305(key, sealNonce(epk, recipientPublicKey)).encrypt(message);
      key.fill(0);
      const out = new Uint8Array(32 + boxed.length);
      out.set(epk, 0);
      out.set(boxed, 32);
      return out;
    },
    boxSealOpen(sealed, publicKey, secretKey) {
      if (sealed.length < 48) throw new DecryptionError();
      const epk = sealed.subarray(0, 32);
      const key = boxBeforeNm(epk, secretKey);
      try {
        return xsalsa20poly1305(key, sealNonce(epk, publicKey)).decrypt(sealed.subarray(32));
      } catch {
        throw new DecryptionError();
      } finally {
        key.fill(0);
      }
    },
    ed25519PublicKey(seed) {
      return ed25519.getPublicKey(seed);
    },
    ed25519Sign(message, seed) {
      return ed25519.sign(message, seed);
    },
    ed25519Verify(signature, message, publicKey) {
      if (signature.length !== 64 || publicKey.length !== 32) return false;
      try {
        return ed25519.verify(signature, message, publicKey, { zip215: false });
      } catch {
        return false;
      }
    },
  };
}
