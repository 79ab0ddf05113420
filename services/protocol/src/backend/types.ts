// The narrow interface every backend implements, byte for byte identically. Everything above it
// (envelopes, receipts, vaults) is written once, against this interface.

export interface Blake2bOptions {
  /** 16..64 bytes of output. */
  outLen: number;
  /** Optional key, 16..64 bytes (keyed BLAKE2b is a MAC/PRF). */
  key?: Uint8Array;
}

export interface Argon2idCost {
  /** Iterations (t). */
  opsLimit: number;
  /** Memory in bytes (m x 1024); a multiple of 1024. */
  memLimitBytes: number;
}

export interface CryptoBackend {
  /** 'node': libsodium with Ed25519 verification in its native build (servers only, node.ts). */
  readonly name: 'libsodium' | 'noble' | 'node';
  /** CSPRNG bytes for keys and nonces only (never bulk data). */
  randomBytes(length: number): Uint8Array;
  blake2b(message: Uint8Array, options: Blake2bOptions): Uint8Array;
  /**
   * crypto_kdf_derive_from_key: BLAKE2b(key = masterKey, message = empty, salt = LE64(subkeyId) ||
   * 0^8, personal = context (8 ASCII bytes) || 0^8). One subkey per purpose.
   */
  kdfDerive(masterKey: Uint8Array, subkeyId: number, context: string, outLen: number): Uint8Array;
  /** Argon2id v1.3, parallelism 1 (libsodium's crypto_pwhash ALG_ARGON2ID13). */
  argon2id(
    password: Uint8Array,
    salt: Uint8Array,
    cost: Argon2idCost,
    outLen: number,
    onProgress?: (fraction: number) => void,
  ): Promise<Uint8Array>;
  /** XChaCha20-Poly1305 IETF: returns ciphertext || 16-byte tag. */
  aeadEncrypt(
    key: Uint8Array,
    nonce: Uint8Array,
    plaintext: Uint8Array,
    ad: Uint8Array,
  ): Uint8Array;
  /** Throws DecryptionError when the tag does not verify. */
  aeadDecrypt(
    key: Uint8Array,
    nonce: Uint8Array,
    ciphertext: Uint8Array,
    ad: Uint8Array,
  ): Uint8Array;
  /** X25519 public key of a 32-byte secret (clamped as libsodium does). */
  x25519PublicKey(secretKey: Uint8Array): Uint8Array;
  /**
   * crypto_box_seal with a caller-supplied ephemeral secret key: epk || crypto_box_easy(m,
   * nonce = BLAKE2b-192(epk || pk), pk, esk). Exactly libsodium's format; the caller draws esk
   * from the CSPRNG, which is what makes known-answer vectors possible.
   */
  boxSeal(
    message: Uint8Array,
    recipientPublicKey: Uint8Array,
    ephemeralSecretKey: Uint8Array,
  ): Uint8Array;
  /** crypto_box_seal_open; throws DecryptionError. */
  boxSealOpen(sealed: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array;
  /** Ed25519 public key of a 32-byte seed. */
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  ed25519Sign(message: Uint8Array, seed: Uint8Array): Uint8Array;
  /** Strict RFC 8032 verification (canonical S, no ZIP-215 leniency). */
  ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  /**
   * ed25519Verify, the same function with the same answers, run off the calling thread (the
   * Node backend: a worker thread), so a server's event loop goes on serving meanwhile.
   * Backends without threads leave it out.
   */
  ed25519VerifyOffThread?(
    signature: Uint8Array,
    message: Uint8Array,
    publicKey: Uint8Array,
  ): Promise<boolean>;
}
