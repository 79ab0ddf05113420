// The whistleblower's receipt: 27 random Crockford symbols (135 bits) + 1 check symbol, shown
// as 7 groups of 4. A key derivation turns it into the locator and two key pairs; it never leaves
// the browser. Which derivation is versioned (SECURITY.md, Protocol step 2): receipts issued
// since version 2 use keyed BLAKE2b, those issued before keep Argon2id at the parameters they
// were issued with, forever. The receipt itself does not say which (its format and check symbol
// are unchanged, so every typo is still caught): a return tries the versions newest first.
import { encodeFields, fromBase64UrlExact, toBase64Url, utf8 } from './bytes.ts';
import { generateCheckedCode, groupCode, normaliseCheckedCode } from './checked-code.ts';
import { assertArgon2Params, type Argon2Params } from './params.ts';
import type { CryptoBackend } from './backend/types.ts';
import type { ReceiptKdfVersion } from './receipt-kdf.ts';

export const RECEIPT_DATA_SYMBOLS = 27;
export const RECEIPT_SYMBOLS = RECEIPT_DATA_SYMBOLS + 1;
export const RECEIPT_ENTROPY_BITS = RECEIPT_DATA_SYMBOLS * 5;

/** A fresh receipt, grouped for display: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`. */
export function generateReceipt(backend: CryptoBackend): string {
  return groupCode(generateCheckedCode(backend, RECEIPT_DATA_SYMBOLS));
}

/** Canonical 28-symbol form; throws ReceiptFormatError for a mistyped receipt. */
export function normaliseReceipt(input: string): string {
  return normaliseCheckedCode(input, RECEIPT_SYMBOLS);
}

/** Does this look like a valid receipt (for live feedback while typing)? */
export function isValidReceipt(input: string): boolean {
  try {
    normaliseReceipt(input);
    return true;
  } catch {
    return false;
  }
}

export interface ReceiptKeys {
  /** base64url of 32 bytes: the only identifier the server indexes. */
  readonly locator: string;
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
  /** Ed25519 seed (secret). */
  readonly signSeed: Uint8Array;
  /** X25519 secret key. */
  readonly boxSecretKey: Uint8Array;
  readonly boxPublicKeyBytes: Uint8Array;
}

export interface DeriveReceiptKeysInput {
  receipt: string;
  /** Which derivation: chosen by the caller, never guessed (see RECEIPT_KDF_VERSIONS). */
  version: ReceiptKdfVersion;
  /** Deployment-wide public salt, base64url of 16 bytes (deployment crypto settings). */
  salt: string;
  /** Version 1's Argon2id parameters (the deployment's `receiptKdf`); unused by version 2. */
  params: Argon2Params;
  onProgress?: (fraction: number) => void;
}

const RECEIPT_KDF_CONTEXT = 'IDreceip';
const SUBKEY_LOCATOR = 1;
const SUBKEY_SIGN = 2;
const SUBKEY_BOX = 3;

/** The 32-byte master secret of a receipt, by version. */
async function receiptMaster(
  backend: CryptoBackend,
  receipt: string,
  salt: Uint8Array,
  input: DeriveReceiptKeysInput,
): Promise<Uint8Array> {
  switch (input.version) {
    case 1:
      assertArgon2Params(input.params, 'owasp');
      return backend.argon2id(
        utf8(`integrity-desk/receipt/v1:${receipt}`),
        salt,
        input.params,
        32,
        input.onProgress,
      );
    case 2: {
      // BLAKE2b-256 keyed with the deployment's salt over the labelled receipt: a PRF of the
      // receipt per deployment. One hash, so there is no progress to show.
      const master = backend.blake2b(encodeFields('integrity-desk/receipt/v2', receipt), {
        outLen: 32,
        key: salt,
      });
      input.onProgress?.(1);
      return master;
    }
    default: {
      const unknown: never = input.version;
      throw new RangeError(`unknown receipt derivation ${String(unknown)}`);
    }
  }
}

/** master(receipt, salt) by version; crypto_kdf subkeys: 1 locator, 2 Ed25519 seed, 3 X25519 key. */
export async function deriveReceiptKeys(
  backend: CryptoBackend,
  input: DeriveReceiptKeysInput,
): Promise<ReceiptKeys> {
  const receipt = normaliseReceipt(input.receipt);
  const salt = fromBase64UrlExact(input.salt, 16, 'receipt salt');
  const master = await receiptMaster(backend, receipt, salt, input);
  const locator = backend.kdfDerive(master, SUBKEY_LOCATOR, RECEIPT_KDF_CONTEXT, 32);
  const signSeed = backend.kdfDerive(master, SUBKEY_SIGN, RECEIPT_KDF_CONTEXT, 32);
  const boxSecretKey = backend.kdfDerive(master, SUBKEY_BOX, RECEIPT_KDF_CONTEXT, 32);
  master.fill(0);
  const boxPublicKeyBytes = backend.x25519PublicKey(boxSecretKey);
  return {
    locator: toBase64Url(locator),
    signPublicKey: toBase64Url(backend.ed25519PublicKey(signSeed)),
    boxPublicKey: toBase64Url(boxPublicKeyBytes),
    signSeed,
    boxSecretKey,
    boxPublicKeyBytes,
  };
}

/**
 * deriveReceiptKeys with a deployment's `receiptKdf` settings (its salt, and version 1's Argon2id
 * parameters): what the whistleblower's worker and intake's no-JavaScript pages both call.
 */
export function deriveReceiptKeysForDeployment(
  backend: CryptoBackend,
  input: {
    receipt: string;
    version: ReceiptKdfVersion;
    kdf: { readonly salt: string; readonly opsLimit: number; readonly memLimitBytes: number };
    onProgress?: (fraction: number) => void;
  },
): Promise<ReceiptKeys> {
  const { kdf } = input;
  return deriveReceiptKeys(backend, {
    receipt: input.receipt,
    version: input.version,
    salt: kdf.salt,
    params: { opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes },
    ...(input.onProgress && { onProgress: input.onProgress }),
  });
}

function sessionMessage(locator: string, challenge: string, context: string): Uint8Array {
  return encodeFields(
    'integrity-desk/receipt-session/v1',
    context,
    fromBase64UrlExact(locator, 32, 'locator'),
    fromBase64UrlExact(challenge, 32, 'challenge'),
  );
}

/**
 * Proves knowledge of the receipt without sending it: signs the server's 32-byte challenge,
 * bound to the locator and to a context label (e.g. "intake-session"), so a signature made for
 * one purpose is useless for another. Returns the base64url signature.
 */
export function signSessionChallenge(
  backend: CryptoBackend,
  keys: ReceiptKeys,
  challenge: string,
  context: string,
): string {
  return toBase64Url(
    backend.ed25519Sign(sessionMessage(keys.locator, challenge, context), keys.signSeed),
  );
}

/** Server side: checks a session proof against the stored public key. */
export function verifySessionProof(
  backend: CryptoBackend,
  input: {
    signPublicKey: string;
    locator: string;
    challenge: string;
    context: string;
    signature: string;
  },
): boolean {
  try {
    return backend.ed25519Verify(
      fromBase64UrlExact(input.signature, 64, 'signature'),
      sessionMessage(input.locator, input.challenge, input.context),
      fromBase64UrlExact(input.signPublicKey, 32, 'signPublicKey'),
    );
  } catch {
    return false;
  }
}
