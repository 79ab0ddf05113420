// The functions of sodium-native the Node backend uses (the package ships no types).
declare module 'sodium-native' {
  const sodium: {
    crypto_sign_verify_detached(
      signature: Uint8Array,
      message: Uint8Array,
      publicKey: Uint8Array,
    ): boolean;
    /** Runs on libuv's thread pool; resolves once `out` holds the hash. */
    crypto_pwhash_async(
      out: Uint8Array,
      password: Uint8Array,
      salt: Uint8Array,
      opsLimit: number,
      memLimit: number,
      alg: number,
    ): Promise<void>;
    readonly crypto_pwhash_ALG_ARGON2ID13: number;
  };
  export default sodium;
}
