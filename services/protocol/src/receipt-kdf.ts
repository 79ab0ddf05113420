// Which key derivation a receipt's keys come from (SECURITY.md, Protocol step 2). Plain values
// with no import, so a page can walk the versions without loading a crypto backend
// (`@integrity-desk/protocol/receipt-kdf`); receipt.ts derives by them.

/**
 * 1: Argon2id (receipts issued before version 2; the parameters are the deployment's
 * `receiptKdf` settings, m=19 MiB t=2 everywhere). 2: keyed BLAKE2b, no stretching: the
 * receipt's 135 uniform bits are what make it unguessable (SECURITY.md, Receipt keys).
 */
export type ReceiptKdfVersion = 1 | 2;

/** The derivation every new receipt is issued with. */
export const RECEIPT_KDF_CURRENT: ReceiptKdfVersion = 2;

/**
 * The order a returning receipt's derivations are tried in: newest (and cheapest) first, then
 * each older one. An older receipt pays one refused session before its own derivation.
 */
export const RECEIPT_KDF_VERSIONS: readonly ReceiptKdfVersion[] = Object.freeze([2, 1]);
