// Sharing a report key with a colleague added to the channel after the report was sealed
// (SECURITY.md, Protocol step 5). Someone who holds the key seals it with crypto_box_seal to the
// colleague's X25519 key and signs the share with their own Ed25519 key. The box key must come
// from the channel's recipient list verified against the deployment key, never from the server
// unsigned: a server that swapped in its own key would learn the report key.
import { encodeFields, fromBase64Url, fromBase64UrlExact, toBase64Url } from './bytes.ts';
import { FormatError, SignatureError, UnknownAuthorError } from './errors.ts';
import { verifyRecipientList } from './recipient-list.ts';
import {
  openReportAnswers,
  sealToPublicKey,
  unwrapKey,
  verifySubmissionEnvelope,
} from './report.ts';
import { signatureHolds } from './signature.ts';
import type { CryptoBackend } from './backend/types.ts';
import type { RecipientEntry, ReportKeyShare, SubmissionEnvelope } from './schemas.ts';
import { reportKeyShareSchema } from './schemas.ts';

function shareSigningBytes(share: Omit<ReportKeyShare, 'signature'>): Uint8Array {
  return encodeFields(
    'integrity-desk/report-key-share/v1',
    share.reportId,
    share.recipientId,
    fromBase64Url(share.boxPublicKey),
    fromBase64Url(share.wrappedKey),
    share.sharedBy,
  );
}

export interface ShareReportKeyInput {
  reportId: string;
  reportKey: Uint8Array;
  /** The colleague's entry in the channel's recipient list, as verifyRecipientList returned it. */
  recipient: RecipientEntry;
  /** The sharer's investigator id and Ed25519 seed. */
  sharedBy: string;
  sharerSignSeed: Uint8Array;
}

/** Seals the report key to one verified recipient entry and signs the share. */
export function shareReportKey(backend: CryptoBackend, input: ShareReportKeyInput): ReportKeyShare {
  if (input.reportKey.length !== 32) throw new FormatError('report key must be 32 bytes');
  const boxPublicKey = fromBase64UrlExact(input.recipient.boxPublicKey, 32, 'boxPublicKey');
  const unsigned = {
    v: 1 as const,
    reportId: input.reportId,
    recipientId: input.recipient.recipientId,
    boxPublicKey: input.recipient.boxPublicKey,
    sharedBy: input.sharedBy,
    wrappedKey: toBase64Url(sealToPublicKey(backend, input.reportKey, boxPublicKey)),
  };
  const signature = backend.ed25519Sign(shareSigningBytes(unsigned), input.sharerSignSeed);
  return reportKeyShareSchema.parse({ ...unsigned, signature: toBase64Url(signature) });
}

export interface ShareFromListInput {
  reportId: string;
  reportKey: Uint8Array;
  /** The channel's recipient list as the server sent it: verified here before anything is sealed. */
  recipientList: unknown;
  /** The deployment key the browser trusts (pinned in the build). */
  pinnedPublicKey: string;
  /** The report's channel: a valid list of another channel is refused. */
  channelId: string;
  recipientIds: readonly string[];
  sharedBy: string;
  sharerSignSeed: Uint8Array;
}

/**
 * The sharer's browser: verifies the recipient list against the pinned deployment key, then
 * shares only with ids it names, to the box keys it gives. Throws FormatError or SignatureError
 * (list), UnknownAuthorError (an id that is not in the verified list); nothing is sealed then.
 */
export function shareReportKeyFromList(
  backend: CryptoBackend,
  input: ShareFromListInput,
): ReportKeyShare[] {
  const list = verifyRecipientList(backend, input.recipientList, {
    pinnedPublicKey: input.pinnedPublicKey,
    channelId: input.channelId,
  });
  const entries = input.recipientIds.map((id) => {
    const entry = list.recipients.find((r) => r.recipientId === id);
    if (!entry) throw new UnknownAuthorError('not in the signed recipient list');
    return entry;
  });
  return entries.map((recipient) =>
    shareReportKey(backend, {
      reportId: input.reportId,
      reportKey: input.reportKey,
      recipient,
      sharedBy: input.sharedBy,
      sharerSignSeed: input.sharerSignSeed,
    }),
  );
}

export interface ShareOpener {
  reportId: string;
  recipientId: string;
  boxPublicKey: string;
  boxSecretKey: Uint8Array;
  /** Entries of a verified recipient list: the sharer's signing key is looked up here by id. */
  sharers: readonly RecipientEntry[];
}

/**
 * Checks a share's shape, that it is for this report, this recipient and this box key, and the
 * sharer's signature against the key the verified list gives for `sharedBy`. Throws
 * FormatError, UnknownAuthorError or SignatureError.
 */
export function verifyReportKeyShare(
  backend: CryptoBackend,
  share: unknown,
  expected: Omit<ShareOpener, 'boxSecretKey'>,
): ReportKeyShare {
  const parsed = reportKeyShareSchema.safeParse(share);
  if (!parsed.success) throw new FormatError('key share does not match the schema');
  const s = parsed.data;
  if (
    s.reportId !== expected.reportId ||
    s.recipientId !== expected.recipientId ||
    s.boxPublicKey !== expected.boxPublicKey
  )
    throw new FormatError('key share is bound to another report or recipient');
  const sharer = expected.sharers.find((r) => r.recipientId === s.sharedBy);
  if (!sharer) throw new UnknownAuthorError('sharer is not in the signed recipient list');
  const { signature, ...unsigned } = s;
  if (!signatureHolds(backend, signature, shareSigningBytes(unsigned), sharer.signPublicKey))
    throw new SignatureError('key share signature does not verify');
  return s;
}

/** Verifies a share (verifyReportKeyShare) and unseals the report key with the box secret key. */
export function openReportKeyShare(
  backend: CryptoBackend,
  share: unknown,
  opener: ShareOpener,
): Uint8Array {
  const s = verifyReportKeyShare(backend, share, opener);
  return unwrapKey(
    backend,
    s.wrappedKey,
    fromBase64UrlExact(opener.boxPublicKey, 32, 'boxPublicKey'),
    opener.boxSecretKey,
  );
}

/**
 * The whistleblower as a sharer (SECURITY.md, Protocol step 11: consent to a referral). Their
 * shares name the report's own id as `sharedBy` and are signed with the receipt's signing key
 * that the verified submission envelope gives, never a key the server names.
 */
export function whistleblowerSharer(envelope: SubmissionEnvelope): RecipientEntry {
  return {
    recipientId: envelope.reportId,
    boxPublicKey: envelope.whistleblower.boxPublicKey,
    signPublicKey: envelope.whistleblower.signPublicKey,
  };
}

export interface ReferralSharesInput {
  reportId: string;
  reportKey: Uint8Array;
  /** The target channel's recipient list as the server sent it: verified here first. */
  recipientList: unknown;
  pinnedPublicKey: string;
  /** The referral's target channel: a valid list of another channel is refused. */
  channelId: string;
  /** The receipt's Ed25519 seed. */
  whistleblowerSignSeed: Uint8Array;
}

/**
 * The whistleblower's browser consents to a referral: it verifies the target channel's list
 * against the pinned deployment key and seals the report key to every recipient it names, each
 * share signed with the receipt's key (`sharedBy` = the report id). Throws FormatError or
 * SignatureError (list); nothing is sealed then.
 */
export function shareReportKeyForReferral(
  backend: CryptoBackend,
  input: ReferralSharesInput,
): ReportKeyShare[] {
  const list = verifyRecipientList(backend, input.recipientList, {
    pinnedPublicKey: input.pinnedPublicKey,
    channelId: input.channelId,
  });
  return list.recipients.map((recipient) =>
    shareReportKey(backend, {
      reportId: input.reportId,
      reportKey: input.reportKey,
      recipient,
      sharedBy: input.reportId,
      sharerSignSeed: input.whistleblowerSignSeed,
    }),
  );
}

/**
 * openReport for a recipient whose key came by a share: the whistleblower's signature, the
 * share, then the answers. The answers' AEAD is bound to the report and made under the report
 * key, so a share of any other key fails here (DecryptionError) instead of opening something.
 * Besides the listed `sharers`, the report's whistleblower may have shared it (a referral they
 * consented to): a share whose `sharedBy` is the report id is checked against the verified
 * envelope's whistleblower key only.
 */
export function openSharedReport(
  backend: CryptoBackend,
  envelope: unknown,
  share: unknown,
  opener: Omit<ShareOpener, 'reportId'>,
): { envelope: SubmissionEnvelope; reportKey: Uint8Array; answers: unknown } {
  const verified = verifySubmissionEnvelope(backend, envelope);
  const sharers = [
    ...opener.sharers.filter((r) => r.recipientId !== verified.reportId),
    whistleblowerSharer(verified),
  ];
  const reportKey = openReportKeyShare(backend, share, {
    ...opener,
    sharers,
    reportId: verified.reportId,
  });
  try {
    return {
      envelope: verified,
      reportKey,
      answers: openReportAnswers(backend, verified, reportKey),
    };
  } catch (error) {
    reportKey.fill(0);
    throw error;
  }
}
