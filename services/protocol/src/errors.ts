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

/** A ciphertext, nonce, wrapped key or associated data did not authenticate. */
export class DecryptionError extends ProtocolError {
  constructor(message = 'decryption failed') {
    super('decryption_failed', message);
  }
}

/** A signature did not verify against the expected public key and content. */
export class SignatureError extends ProtocolError {
  constructor(message = 'signature verification failed') {
    super('bad_signature', message);
  }
}

/** A receipt that is not 28 valid symbols or whose check symbol does not match. */
export class ReceiptFormatError extends ProtocolError {
  constructor(message = 'receipt is not valid') {
    super('bad_receipt', message);
  }
}

/** A recipient list older than (or as old as, with different content) the last one seen. */
export class StaleRecipientListError extends ProtocolError {
  constructor(message = 'recipient list is older than the last one seen') {
    super('stale_recipient_list', message);
  }
}

/** A message whose sequence is not after the last one seen from its author. */
export class ReplayedMessageError extends ProtocolError {
  constructor(message = 'message replayed or out of order') {
    super('replayed_message', message);
  }
}

/** A message signed by a key that is not an author of the report. */
export class UnknownAuthorError extends ProtocolError {
  constructor(message = 'message author is not allowed on this report') {
    super('unknown_author', message);
  }
}

/** Argon2id parameters below the production floor (and not the explicit test-only set). */
export class WeakParametersError extends ProtocolError {
  constructor(message = 'Argon2id parameters are below the production floor') {
    super('weak_parameters', message);
  }
}

/** Malformed input: wrong lengths, encodings, versions. */
export class FormatError extends ProtocolError {
  constructor(message = 'invalid format') {
    super('invalid_format', message);
  }
}

/**
 * What the server handed a returning whistleblower is not what their receipt signed (another
 * envelope, other keys, another report, a wrapped key of the server's own): nothing may be sent
 * under that key. The message says which check failed; it never carries key material.
 */
export class ReturnPathError extends ProtocolError {
  constructor(message = 'the case does not match the receipt') {
    super('return_path_refused', message);
  }
}
