import { hkdfSync } from 'node:crypto';

/**
 * The desk's server key and what is derived from it. The key itself (32 random bytes, kept
 * outside the event log: services/server reads it from a file) is never used directly: each
 * purpose gets its own subkey through HKDF-SHA-256 with a label naming that purpose, so no key
 * serves two purposes and a subkey leaked in one place says nothing about the others.
 */
export const SERVER_KEY_BYTES = 32;

const LABELS = {
  totpSeal: 'integrity-desk/desk/totp-seal/v1',
  totpSealKeyId: 'integrity-desk/desk/totp-seal-key-id/v1',
  kdfDecoy: 'integrity-desk/desk/kdf-decoy/v1',
} as const;

export interface DeskKeys {
  /** AES-256-GCM key of the TOTP secrets at rest (auth/totp-seal.ts). */
  readonly totpSeal: Buffer;
  /** Fingerprint of that key (16 hex), stored beside each sealed secret. */
  readonly totpSealKeyId: string;
  /** HMAC key of the decoy KDF salts for handles without an active account (auth/decoy.ts). */
  readonly kdfDecoy: Uint8Array;
}

function subkey(serverKey: Uint8Array, label: string, bytes: number): Buffer {
  // The server key is uniformly random, so HKDF's extract step needs no salt (RFC 5869, 3.1).
  return Buffer.from(hkdfSync('sha256', serverKey, new Uint8Array(0), label, bytes));
}

/**
 * `legacyKdfDecoyKey`: deployments made before the server key kept a separate decoy key file;
 * using it keeps their decoy salts unchanged across the upgrade (a salt that changed would tell a
 * decoy from a real account).
 */
export function deriveDeskKeys(serverKey: Uint8Array, legacyKdfDecoyKey?: Uint8Array): DeskKeys {
  if (serverKey.length !== SERVER_KEY_BYTES)
    throw new Error(`the desk server key must be ${SERVER_KEY_BYTES} bytes`);
  return {
    totpSeal: subkey(serverKey, LABELS.totpSeal, 32),
    totpSealKeyId: subkey(serverKey, LABELS.totpSealKeyId, 8).toString('hex'),
    kdfDecoy: legacyKdfDecoyKey ?? subkey(serverKey, LABELS.kdfDecoy, 32),
  };
}
