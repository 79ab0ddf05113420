import { fromBase64UrlExact } from './bytes.ts';
import type { CryptoBackend } from './backend/types.ts';

/**
 * Ed25519 over `message` with a base64url signature and public key. A signature or key that
 * does not decode to the right length is a failed check, never an exception of its own.
 */
export function signatureHolds(
  backend: CryptoBackend,
  signature: string,
  message: Uint8Array,
  publicKey: string,
): boolean {
  try {
    return backend.ed25519Verify(
      fromBase64UrlExact(signature, 64, 'signature'),
      message,
      fromBase64UrlExact(publicKey, 32, 'publicKey'),
    );
  } catch {
    return false;
  }
}
