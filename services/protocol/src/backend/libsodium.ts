// libsodium (WebAssembly) backend: libsodium-wrappers-sumo, the only place that imports it.
import type sodiumType from 'libsodium-wrappers-sumo';
import { DecryptionError } from '../errors.ts';
import type { Argon2idCost, Blake2bOptions, CryptoBackend } from './types.ts';

type Sodium = typeof sodiumType;

export function libsodiumBackendFrom(sodium: Sodium): CryptoBackend {
  return {
    name: 'libsodium',
    randomBytes(length: number): Uint8Array {
      return sodium.randombytes_buf(length);
    },
    blake2b(message: Uint8Array, o: Blake2bOptions): Uint8Array {
      return sodium.crypto_generichash(o.outLen, message, o.key ?? null);
    },
    kdfDerive(
      masterKey: Uint8Array,
      subkeyId: number,
      context: string,
      outLen: number,
    ): Uint8Array {
      return sodium.crypto_kdf_derive_from_key(outLen, subkeyId, context, masterKey);
    },
    async argon2id(
      password: Uint8Array,
      salt: Uint8Array,
      cost: Argon2idCost,
      outLen: number,
      onProgress?: (fraction: number) => void,
    ): Promise<Uint8Array> {
      onProgress?.(0);
      const out = sodium.crypto_pwhash(
        outLen,
        password,
        salt,
        cost.opsLimit,
        cost.memLimitBytes,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      );
      onProgress?.(1);
      return out;
    },
    aeadEncrypt(key, nonce, plaintext, ad) {
      return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
    },
    aeadDecrypt(key, nonce, ciphertext, ad) {
      try {
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
      } catch {
        throw new DecryptionError();
      }
    },
    x25519PublicKey(secretKey) {
      return sodium.crypto_scalarmult_base(secretKey);
    },
    boxSeal(message, recipientPublicKey, ephemeralSecretKey) {
      const epk = sodium.crypto_scalarmult_base(ephemeralSecretKey);
      const nonceInput = new Uint8Array(64);
      nonceInput.set(epk, 0);
      nonceInput.set(recipientPublicKey, 32);
      const nonce = sodium.crypto_generichash(24, nonceInput, null);
      const boxed = sodium.crypto_box_easy(message, nonce, recipientPublicKey, ephemeralSecretKey);
      const out = new Uint8Array(32 + boxed.length);
      out.set(epk, 0);
      out.set(boxed, 32);
      return out;
    },
    boxSealOpen(sealed, publicKey, secretKey) {
      try {
        return sodium.crypto_box_seal_open(sealed, publicKey, secretKey);
      } catch {
        throw new DecryptionError();
      }
    },
    ed25519PublicKey(seed) {
      return sodium.crypto_sign_seed_keypair(seed).publicKey;
    },
    ed25519Sign(message, seed) {
      const kp = sodium.crypto_sign_seed_keypair(seed);
      try {
        return sodium.crypto_sign_detached(message, kp.privateKey);
      } finally {
        kp.privateKey.fill(0);
      }
    },
    ed25519Verify(signature, message, publicKey) {
      if (signature.length !== 64 || publicKey.length !== 32) return false;
      try {
        return sodium.crypto_sign_verify_detached(signature, message, publicKey);
      } catch {
        return false;
      }
    },
  };
}

/** Loads libsodium's WebAssembly module; rejects where WebAssembly is unavailable. */
export async function createLibsodiumBackend(): Promise<CryptoBackend> {
  const mod = await import('libsodium-wrappers-sumo');
  const sodium = (mod.default ?? mod) as Sodium;
  await sodium.ready;
  return libsodiumBackendFrom(sodium);
}
