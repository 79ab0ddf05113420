// Keys bound to people. The desk hands an administrator's browser each investigator's public keys
// to sign into a recipient list; nothing but these two checks stops a server that swaps in keys
// of its own:
// - a possession proof, made once by the investigator's browser: its Ed25519 key signs the
//   account id and both public keys (an X25519 key cannot sign, so the signing key vouches for
//   the box key it was generated with). A server that replaces only the box key breaks the
//   signature; one that replaces both keys signs with its own key, which the second check finds.
// - a safety number a person compares out of band (by phone, in person): 60 digits over the
//   account id and both public keys, shown to the investigator from their own vault and to the
//   administrator from the keys about to be signed (Signal's safety numbers and SecureDrop's key
//   fingerprints are the models).
import { encodeFields, fromBase64UrlExact, toBase64Url } from './bytes.ts';
import type { CryptoBackend } from './backend/types.ts';
import { FormatError } from './errors.ts';
import { signatureHolds } from './signature.ts';

/** The public half of an investigator's keys, as enrolment records and recipient lists give it. */
export interface PublicKeysOf {
  readonly investigatorId: string;
  /** base64url X25519 public key. */
  readonly boxPublicKey: string;
  /** base64url Ed25519 public key. */
  readonly signPublicKey: string;
}

function possessionBytes(keys: PublicKeysOf): Uint8Array {
  return encodeFields(
    'integrity-desk/key-possession/v1',
    keys.investigatorId,
    fromBase64UrlExact(keys.boxPublicKey, 32, 'boxPublicKey'),
    fromBase64UrlExact(keys.signPublicKey, 32, 'signPublicKey'),
  );
}

/**
 * The investigator's browser: signs its own public keys with its signing seed. Both public keys
 * are derived here from the secrets, so a proof is only ever made for keys this browser holds.
 */
export function proveKeyPossession(
  backend: CryptoBackend,
  input: { investigatorId: string; boxSecretKey: Uint8Array; signSeed: Uint8Array },
): string {
  const keys: PublicKeysOf = {
    investigatorId: input.investigatorId,
    boxPublicKey: toBase64Url(backend.x25519PublicKey(input.boxSecretKey)),
    signPublicKey: toBase64Url(backend.ed25519PublicKey(input.signSeed)),
  };
  return toBase64Url(backend.ed25519Sign(possessionBytes(keys), input.signSeed));
}

/**
 * The desk at enrolment and the administrator's browser before it signs a list: whether `proof`
 * is the signing key's signature over exactly these keys for exactly this account. A missing,
 * malformed or wrong proof is `false`, never an exception.
 */
export function verifyKeyPossession(
  backend: CryptoBackend,
  keys: PublicKeysOf,
  proof: string | null | undefined,
): boolean {
  if (typeof proof !== 'string') return false;
  let message: Uint8Array;
  try {
    message = possessionBytes(keys);
  } catch {
    return false;
  }
  return signatureHolds(backend, proof, message, keys.signPublicKey);
}

export const SAFETY_NUMBER_GROUPS = 12;

/**
 * A 60-digit safety number, 12 groups of 5, over the account id and both public keys: BLAKE2b-512
 * of their encodeFields, 60 of its bytes read as twelve 40-bit big-endian numbers, each reduced
 * mod 100000 (the bias of 2^40 mod 10^5 is below 2^-23 per group). About 199 bits, so a server
 * cannot search for keys of its own with the same number. Signal iterates its hash 5200 times
 * because each party has only 30 digits; with 60 digits for one person that buys nothing.
 */
export function safetyNumber(backend: CryptoBackend, keys: PublicKeysOf): string {
  let digest: Uint8Array;
  try {
    digest = backend.blake2b(
      encodeFields(
        'integrity-desk/safety-number/v1',
        keys.investigatorId,
        fromBase64UrlExact(keys.boxPublicKey, 32, 'boxPublicKey'),
        fromBase64UrlExact(keys.signPublicKey, 32, 'signPublicKey'),
      ),
      { outLen: 64 },
    );
  } catch {
    throw new FormatError('safety number: keys are not 32-byte base64url');
  }
  const groups: string[] = [];
  for (let g = 0; g < SAFETY_NUMBER_GROUPS; g++) {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 256 + digest[g * 5 + i]!;
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}
