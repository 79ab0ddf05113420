// Key pairs for investigators and the deployment, and the report key's per-purpose subkeys.
import { toBase64Url } from './bytes.ts';
import type { CryptoBackend } from './backend/types.ts';
import { DecryptionError } from './errors.ts';

export interface BoxKeyPair {
  /** base64url X25519 public key. */
  readonly publicKey: string;
  readonly secretKey: Uint8Array;
}

export interface SigningKeyPair {
  /** base64url Ed25519 public key. */
  readonly publicKey: string;
  /** 32-byte Ed25519 seed (the secret). */
  readonly seed: Uint8Array;
}

export function generateBoxKeyPair(backend: CryptoBackend): BoxKeyPair {
  const secretKey = backend.randomBytes(32);
  return { publicKey: toBase64Url(backend.x25519PublicKey(secretKey)), secretKey };
}

export function generateSigningKeyPair(backend: CryptoBackend): SigningKeyPair {
  const seed = backend.randomBytes(32);
  return { publicKey: toBase64Url(backend.ed25519PublicKey(seed)), seed };
}

export function boxKeyPairFromSecret(backend: CryptoBackend, secretKey: Uint8Array): BoxKeyPair {
  return { publicKey: toBase64Url(backend.x25519PublicKey(secretKey)), secretKey };
}

export function signingKeyPairFromSeed(backend: CryptoBackend, seed: Uint8Array): SigningKeyPair {
  return { publicKey: toBase64Url(backend.ed25519PublicKey(seed)), seed };
}

/** A fresh random 32-byte report key. */
export function generateReportKey(backend: CryptoBackend): Uint8Array {
  return backend.randomBytes(32);
}

const REPORT_KDF_CONTEXT = 'IDreport';

/** One subkey of the report key per purpose; never reuse the report key directly. */
export const ReportSubkey = { answers: 1, messages: 2, attachments: 3 } as const;

export function reportSubkey(
  backend: CryptoBackend,
  reportKey: Uint8Array,
  purpose: keyof typeof ReportSubkey,
): Uint8Array {
  return backend.kdfDerive(reportKey, ReportSubkey[purpose], REPORT_KDF_CONTEXT, 32);
}

/**
 * Opens something with a report subkey and wipes the subkey afterwards, whatever happens. Any
 * failure inside (a bad tag, broken padding, JSON that does not parse) leaves as a
 * DecryptionError, so a caller cannot tell which step a tampered ciphertext broke.
 */
export function openWithSubkey<T>(subkey: Uint8Array, open: (subkey: Uint8Array) => T): T {
  try {
    return open(subkey);
  } catch (error) {
    if (error instanceof DecryptionError) throw error;
    throw new DecryptionError();
  } finally {
    subkey.fill(0);
  }
}
