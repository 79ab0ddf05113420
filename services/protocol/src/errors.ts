// Typed errors. Callers map them to fixed messages; none of them carries secret material.

export type ProtocolErrorCode =
  | 'decryption_failed'
  | 'bad_signature'
  | 'bad_receipt'
  | 'stale_recipient_list'
  | 'replayed_message'
  | 'unknown_author'
  | 'weak_parameters'
  | 'invalid_format'
  | 'return_path_refused';

/**
 * Each code's error name, written out rather than read from the class: the browser's worker
 * hands the page an error's name only, and the production build's minifier renames classes
 * (`SignatureError` became `n`), so a page matching on `new.target.name` never matched.
 */
const ERROR_NAMES: Record<ProtocolErrorCode, string> = {
  decryption_failed: 'DecryptionError',
  bad_signature: 'SignatureError',
  bad_receipt: 'ReceiptFormatError',
  stale_recipient_list: 'StaleRecipientListError',
  replayed_message: 'ReplayedMessageError',
  unknown_author: 'UnknownAuthorError',
  weak_parameters: 'WeakParametersError',
  invalid_format: 'FormatError',
  return_path_refused: 'ReturnPathError',
};

export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode;
  constructor(code: ProtocolErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = ERROR_NAMES[code];
  }
}

/** The class of one code's errors, with the message a caller gets when it gives none. */
function errorOf(code: ProtocolErrorCode, defaultMessage: string) {
  return class extends ProtocolError {
    constructor(message = defaultMessage) {
      super(code, message);
    }
  };
}

/** A ciphertext, nonce, wrapped key or associated data did not authenticate. */
export class DecryptionError extends errorOf('decryption_failed', 'decryption failed') {}

/** A signature did not verify against the expected public key and content. */
export class SignatureError extends errorOf('bad_signature', 'signature verification failed') {}

/** A receipt that is not 28 valid symbols or whose check symbol does not match. */
export class ReceiptFormatError extends errorOf('bad_receipt', 'receipt is not valid') {}

/** A recipient list older than (or as old as, with different content) the last one seen. */
export class StaleRecipientListError extends errorOf(
  'stale_recipient_list',
  'recipient list is older than the last one seen',
) {}

/** A message whose sequence is not after the last one seen from its author. */
export class ReplayedMessageError extends errorOf(
  'replayed_message',
  'message replayed or out of order',
) {}

/** A message signed by a key that is not an author of the report. */
export class UnknownAuthorError extends errorOf(
  'unknown_author',
  'message author is not allowed on this report',
) {}

/** Argon2id parameters below the production floor (and not the explicit test-only set). */
export class WeakParametersError extends errorOf(
  'weak_parameters',
  'Argon2id parameters are below the production floor',
) {}

/** Malformed input: wrong lengths, encodings, versions. */
export class FormatError extends errorOf('invalid_format', 'invalid format') {}

/**
 * What the server handed a returning whistleblower is not what their receipt signed (another
 * envelope, other keys, another report, a wrapped key of the server's own): nothing may be sent
 * under that key. The message says which check failed; it never carries key material.
 */
export class ReturnPathError extends errorOf(
  'return_path_refused',
  'the case does not match the receipt',
) {}
