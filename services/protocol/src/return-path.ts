// The whistleblower's return: the browser gets the report key back from the server, and must not
// take the server's word for it. The receipt's box public key stands in the stored envelope in
// plain, so anyone who controls the server can seal a key of their own to it; a browser that
// used whatever unwrapped would then seal every later reply and file to the server. So the
// browser holds what the server hands back to what only the receipt can produce: the envelope
// it signed at submission, under the signing key it derives itself.
import { constantTimeEqual, fromBase64UrlExact } from './bytes.ts';
import { ReturnPathError } from './errors.ts';
import type { ReceiptKeys } from './receipt.ts';
import { openReportAnswers, unwrapKey, verifyParsedSubmissionEnvelope } from './report.ts';
import type { CryptoBackend } from './backend/types.ts';
import { returnedCaseSchema, type SubmissionEnvelope } from './schemas.ts';

export interface OpenedReturnedCase {
  /** The signed submission envelope, verified under the receipt's own signing key. */
  envelope: SubmissionEnvelope;
  /** Keep in memory only: the whistleblower's replies and files are sealed under it. */
  reportKey: Uint8Array;
}

/**
 * Verifies the part of `GET /case` that the report key comes from, against the receipt's keys,
 * and only then unwraps the key: the envelope verifies under the receipt's signing key (as
 * derived, never as the server gives it); its locator, signing and box keys are the receipt's;
 * the case's report and channel ids are the ones that signature covers; the wrapped key handed
 * back is byte for byte the whistleblower's wrapped key in that envelope; and the key it holds
 * opens the signed answers. Any failure is a ReturnPathError and no key leaves this function.
 */
export function openReturnedCase(
  backend: CryptoBackend,
  caseView: unknown,
  keys: ReceiptKeys,
): OpenedReturnedCase {
  const parsed = returnedCaseSchema.safeParse(caseView);
  if (!parsed.success) throw new ReturnPathError('the case does not carry a signed envelope');
  const { envelope, wrappedKey, reportId, channelId } = parsed.data;
  const wb = envelope.whistleblower;
  if (
    wb.locator !== keys.locator ||
    wb.signPublicKey !== keys.signPublicKey ||
    wb.boxPublicKey !== keys.boxPublicKey
  )
    throw new ReturnPathError('the envelope is not this receipt’s');
  // Verified with the key the receipt derives: the envelope's own field only names it.
  try {
    verifyParsedSubmissionEnvelope(backend, {
      ...envelope,
      whistleblower: { ...wb, signPublicKey: keys.signPublicKey },
    });
  } catch {
    throw new ReturnPathError('the envelope is not signed by this receipt');
  }
  if (envelope.reportId !== reportId || envelope.channelId !== channelId)
    throw new ReturnPathError('the case is not the report this receipt signed');
  if (
    !constantTimeEqual(
      fromBase64UrlExact(wrappedKey, 80, 'wrappedKey'),
      fromBase64UrlExact(wb.wrappedKey, 80, 'wrappedKey'),
    )
  )
    throw new ReturnPathError('the wrapped key is not the one this receipt signed');
  let reportKey: Uint8Array | undefined;
  try {
    reportKey = unwrapKey(backend, wb.wrappedKey, keys.boxPublicKeyBytes, keys.boxSecretKey);
    openReportAnswers(backend, envelope, reportKey);
    return { envelope, reportKey };
  } catch {
    reportKey?.fill(0);
    throw new ReturnPathError('the report key does not open the signed answers');
  }
}
