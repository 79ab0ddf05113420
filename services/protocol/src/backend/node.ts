// Node backend, for servers only: exported as `@integrity-desk/protocol/node`, never from the
// isomorphic index, so no browser bundle contains it. It is the libsodium backend with one
// function replaced: Ed25519 verification runs in libsodium compiled natively (sodium-native)
// instead of its WebAssembly build. A server verifies a signature on every submission, session
// and message, and the native build takes about half the time. It is the same library and the
// same function (crypto_sign_verify_detached), so the checks are the same: canonical S, no
// small-order R, a canonical public key not of small order. It also offers the same check on a
// worker thread (verify-thread.ts), for a server's hot path. Argon2id (the desk's login
// verifier, 19 MiB) runs in the native build too, on libuv's thread pool (crypto_pwhash_async),
// so a sign-in never holds the event loop for the tens of milliseconds a hash takes; callers
// bound how many run at once (the desk's sign-in gate), since the pool also serves file I/O.
// The cross-backend tests and vectors hold both builds to the same answers, edge cases included. (node:crypto's Ed25519 was tried: OpenSSL
// 3.0 is no faster here than the WebAssembly build, and it accepts small-order public keys.)
import { createLibsodiumBackend } from './libsodium.ts';
import type { CryptoBackend } from './types.ts';
import { verifyOffThread } from './verify-thread.ts';

type Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/**
 * libsodium, with Ed25519 verification in native code. Node only. Where the native addon cannot
 * load (a platform without a prebuilt binary, an install that skipped it), it is the plain
 * libsodium backend (`name` says which): the same checks, only slower.
 */
export async function createNodeBackend(): Promise<CryptoBackend> {
  const sodium = await createLibsodiumBackend();
  let verify: Verify;
  let native: (typeof import('sodium-native'))['default'];
  try {
    native = (await import('sodium-native')).default;
    verify = (signature, message, publicKey) =>
      native.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return sodium;
  }
  const checked: Verify = (signature, message, publicKey) =>
    signature.length === 64 && publicKey.length === 32 && verify(signature, message, publicKey);
  return {
    ...sodium,
    name: 'node',
    ed25519Verify: checked,
    ed25519VerifyOffThread: verifyOffThread(checked),
    async argon2id(password, salt, cost, outLen, onProgress) {
      onProgress?.(0);
      const out = new Uint8Array(outLen);
      await native.crypto_pwhash_async(
        out,
        password,
        salt,
        cost.opsLimit,
        cost.memLimitBytes,
        native.crypto_pwhash_ALG_ARGON2ID13,
      );
      onProgress?.(1);
      return out;
    },
  };
}
