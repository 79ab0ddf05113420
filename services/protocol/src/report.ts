// Sealing a report: random report key; answers padded and sealed with XChaCha20-Poly1305 (AD =
// version, report id, channel id, padded size); the report key sealed with crypto_box_seal to
// each recipient and to the whistleblower's receipt box key; the whole envelope signed by the
// whistleblower's receipt signing key.
import {
  encodeFields,
  fromBase64Url,
  fromBase64UrlExact,
  fromUtf8,
  toBase64Url,
  utf8,
} from './bytes.ts';
import { DecryptionError, FormatError, SignatureError } from './errors.ts';
import { generateReportKey, openWithSubkey, reportSubkey } from './keys.ts';
import { pad, unpad } from './padding.ts';
import type { ReceiptKeys } from './receipt.ts';
import type { CryptoBackend } from './backend/types.ts';
import type { RecipientEntry, SubmissionEnvelope } from './schemas.ts';
import { MAX_ANSWERS_BYTES, submissionEnvelopeSchema } from './schemas.ts';

/** Every report's answers pad to at least 4 KiB, so short reports all look alike. */
export const ANSWERS_PAD_FLOOR = 4096;

function answersAd(reportId: string, channelId: string, paddedSize: number): Uint8Array {
  return encodeFields('integrity-desk/report-answers/v1', reportId, channelId, paddedSize);
}

/**
 * What the whistleblower signs. `ciphertext` is `e.answers.ciphertext` decoded (both sides
 * already hold it: decode once). Exported for tests that sign an envelope by hand.
 */
export function envelopeSigningBytes(
  e: Omit<SubmissionEnvelope, 'signature'>,
  ciphertext: Uint8Array,
): Uint8Array {
  const recipients = e.recipients.flatMap((r) => [r.recipientId, fromBase64Url(r.wrappedKey)]);
  return encodeFields(
    'integrity-desk/submission/v1',
    e.reportId,
    e.channelId,
    e.recipientListVersion,
    fromBase64Url(e.answers.nonce),
    ciphertext,
    e.answers.paddedSize,
    e.recipients.length,
    ...recipients,
    fromBase64Url(e.whistleblower.locator),
    fromBase64Url(e.whistleblower.signPublicKey),
    fromBase64Url(e.whistleblower.boxPublicKey),
    fromBase64Url(e.whistleblower.wrappedKey),
  );
}

/** crypto_box_seal of `message` to `publicKey` with a fresh ephemeral key from the CSPRNG. */
export function sealToPublicKey(
  backend: CryptoBackend,
  message: Uint8Array,
  publicKey: Uint8Array,
): Uint8Array {
  const ephemeral = backend.randomBytes(32);
  try {
    return backend.boxSeal(message, publicKey, ephemeral);
  } finally {
    ephemeral.fill(0);
  }
}

export interface SealReportInput {
  reportId: string;
  channelId: string;
  /** Any JSON-serialisable answers object. */
  answers: unknown;
  /** The channel's verified recipient list (see verifyRecipientList). */
  recipients: readonly RecipientEntry[];
  recipientListVersion: number;
  whistleblower: ReceiptKeys;
}

export interface SealedReport {
  envelope: SubmissionEnvelope;
  /** Keep in memory only: attachments and messages of this report use it. */
  reportKey: Uint8Array;
}

export function sealReport(backend: CryptoBackend, input: SealReportInput): SealedReport {
  const reportKey = generateReportKey(backend);
  const answersKey = reportSubkey(backend, reportKey, 'answers');
  const plaintext = pad(utf8(JSON.stringify(input.answers)), ANSWERS_PAD_FLOOR);
  if (plaintext.length > MAX_ANSWERS_BYTES) throw new FormatError('answers too large');
  const nonce = backend.randomBytes(24);
  const ciphertext = backend.aeadEncrypt(
    answersKey,
    nonce,
    plaintext,
    answersAd(input.reportId, input.channelId, plaintext.length),
  );
  answersKey.fill(0);
  const unsigned: Omit<SubmissionEnvelope, 'signature'> = {
    v: 1,
    reportId: input.reportId,
    channelId: input.channelId,
    recipientListVersion: input.recipientListVersion,
    answers: {
      nonce: toBase64Url(nonce),
      ciphertext: toBase64Url(ciphertext),
      paddedSize: plaintext.length,
    },
    recipients: input.recipients.map((r) => ({
      recipientId: r.recipientId,
      wrappedKey: toBase64Url(
        sealToPublicKey(backend, reportKey, fromBase64UrlExact(r.boxPublicKey, 32, 'boxPublicKey')),
      ),
    })),
    whistleblower: {
      locator: input.whistleblower.locator,
      signPublicKey: input.whistleblower.signPublicKey,
      boxPublicKey: input.whistleblower.boxPublicKey,
      wrappedKey: toBase64Url(
        sealToPublicKey(backend, reportKey, input.whistleblower.boxPublicKeyBytes),
      ),
    },
  };
  const signature = backend.ed25519Sign(
    envelopeSigningBytes(unsigned, ciphertext),
    input.whistleblower.signSeed,
  );
  return { envelope: { ...unsigned, signature: toBase64Url(signature) }, reportKey };
}

/**
 * Checks the envelope's shape and the whistleblower's signature (the server does this on
 * intake; recipients do it before opening). Throws FormatError or SignatureError.
 */
export function verifySubmissionEnvelope(
  backend: CryptoBackend,
  envelope: unknown,
): SubmissionEnvelope {
  const parsed = submissionEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw new FormatError('submission envelope does not match the schema');
  return verifyParsedSubmissionEnvelope(backend, parsed.data);
}

/**
 * verifySubmissionEnvelope for an envelope that is already the output of
 * `submissionEnvelopeSchema` (the server parses each request body once, with the envelope in it):
 * the whistleblower's signature and the size. Throws FormatError or SignatureError.
 */
export function verifyParsedSubmissionEnvelope(
  backend: CryptoBackend,
  e: SubmissionEnvelope,
): SubmissionEnvelope {
  const input = submissionSignatureInput(e);
  let ok: boolean;
  try {
    ok = !!input && backend.ed25519Verify(input.signature, input.message, input.publicKey);
  } catch {
    ok = false;
  }
  return checkedSubmission(e, input, ok);
}

/**
 * verifyParsedSubmissionEnvelope with the signature checked off the calling thread, where the
 * backend can (`ed25519VerifyOffThread`: a server keeps its event loop for requests); the same
 * checks and the same answers, otherwise on this thread.
 */
export async function verifyParsedSubmissionEnvelopeOffThread(
  backend: CryptoBackend,
  e: SubmissionEnvelope,
): Promise<SubmissionEnvelope> {
  if (!backend.ed25519VerifyOffThread) return verifyParsedSubmissionEnvelope(backend, e);
  const input = submissionSignatureInput(e);
  const ok =
    !!input &&
    (await backend.ed25519VerifyOffThread(input.signature, input.message, input.publicKey));
  return checkedSubmission(e, input, ok);
}

/** What the whistleblower signed, decoded; undefined when a field does not decode. */
function submissionSignatureInput(e: SubmissionEnvelope) {
  const { signature, ...unsigned } = e;
  try {
    const ciphertext = fromBase64Url(e.answers.ciphertext);
    return {
      ciphertext,
      signature: fromBase64UrlExact(signature, 64, 'signature'),
      message: envelopeSigningBytes(unsigned, ciphertext),
      publicKey: fromBase64UrlExact(e.whistleblower.signPublicKey, 32, 'signPublicKey'),
    };
  } catch {
    return undefined;
  }
}

function checkedSubmission(
  e: SubmissionEnvelope,
  input: { ciphertext: Uint8Array } | undefined,
  signatureOk: boolean,
): SubmissionEnvelope {
  if (!signatureOk || !input) throw new SignatureError('submission signature does not verify');
  if (input.ciphertext.length !== e.answers.paddedSize + 16)
    throw new FormatError('paddedSize does not match ciphertext');
  return e;
}

export type ReportOpener =
  | { kind: 'recipient'; recipientId: string; boxPublicKey: string; boxSecretKey: Uint8Array }
  | { kind: 'whistleblower'; keys: ReceiptKeys };

/** Unwraps the report key with one recipient secret key or the receipt keys. */
export function openReportKey(
  backend: CryptoBackend,
  envelope: SubmissionEnvelope,
  opener: ReportOpener,
): Uint8Array {
  if (opener.kind === 'recipient') {
    const entry = envelope.recipients.find((r) => r.recipientId === opener.recipientId);
    if (!entry) throw new DecryptionError('not a recipient of this report');
    return unwrapKey(
      backend,
      entry.wrappedKey,
      fromBase64UrlExact(opener.boxPublicKey, 32, 'pk'),
      opener.boxSecretKey,
    );
  }
  return unwrapKey(
    backend,
    envelope.whistleblower.wrappedKey,
    opener.keys.boxPublicKeyBytes,
    opener.keys.boxSecretKey,
  );
}

/** Opens a sealed 32-byte report key; anything else is a DecryptionError. */
export function unwrapKey(
  backend: CryptoBackend,
  wrapped: string,
  pk: Uint8Array,
  sk: Uint8Array,
): Uint8Array {
  const key = backend.boxSealOpen(fromBase64UrlExact(wrapped, 80, 'wrappedKey'), pk, sk);
  if (key.length !== 32) throw new DecryptionError();
  return key;
}

/** Decrypts and parses the answers; throws DecryptionError on any tampering. */
export function openReportAnswers(
  backend: CryptoBackend,
  envelope: SubmissionEnvelope,
  reportKey: Uint8Array,
): unknown {
  return openWithSubkey(reportSubkey(backend, reportKey, 'answers'), (answersKey) => {
    const padded = backend.aeadDecrypt(
      answersKey,
      fromBase64UrlExact(envelope.answers.nonce, 24, 'nonce'),
      fromBase64Url(envelope.answers.ciphertext),
      answersAd(envelope.reportId, envelope.channelId, envelope.answers.paddedSize),
    );
    return JSON.parse(fromUtf8(unpad(padded))) as unknown;
  });
}

/** Verify the signature, unwrap the report key, decrypt the answers. */
export function openReport(
  backend: CryptoBackend,
  envelope: unknown,
  opener: ReportOpener,
): { envelope: SubmissionEnvelope; reportKey: Uint8Array; answers: unknown } {
  const verified = verifySubmissionEnvelope(backend, envelope);
  const reportKey = openReportKey(backend, verified, opener);
  return {
    envelope: verified,
    reportKey,
    answers: openReportAnswers(backend, verified, reportKey),
  };
}

/** Re-wrap the report key for a newly assigned recipient (referral), by someone who holds it. */
export function wrapReportKeyFor(
  backend: CryptoBackend,
  reportKey: Uint8Array,
  boxPublicKey: string,
): string {
  return toBase64Url(
    sealToPublicKey(backend, reportKey, fromBase64UrlExact(boxPublicKey, 32, 'boxPublicKey')),
  );
}
