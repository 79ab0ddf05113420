// A channel's recipient public keys, signed by the deployment signing key. Browsers verify the
// list against the public key pinned in the front-end build and refuse an older version than
// the last one they saw, so a server cannot silently swap in its own key or roll back.
import { encodeFields, fromBase64Url, toBase64Url } from './bytes.ts';
import { FormatError, SignatureError, StaleRecipientListError } from './errors.ts';
import type { CryptoBackend } from './backend/types.ts';
import { signatureHolds } from './signature.ts';
import type { RecipientList, ReferralMode } from './schemas.ts';
import { recipientListSchema } from './schemas.ts';

/** A list before its signature (each version's own fields). */
type UnsignedList = RecipientList extends infer L
  ? L extends RecipientList
    ? Omit<L, 'signature'>
    : never
  : never;

function listSigningBytes(list: UnsignedList): Uint8Array {
  const recipients = [
    list.recipients.length,
    ...list.recipients.flatMap((r) => [
      r.recipientId,
      fromBase64Url(r.boxPublicKey),
      fromBase64Url(r.signPublicKey),
    ]),
  ];
  if (list.v === 1)
    return encodeFields(
      'integrity-desk/recipient-list/v1',
      list.channelId,
      list.version,
      ...recipients,
    );
  return encodeFields(
    'integrity-desk/recipient-list/v2',
    list.channelId,
    list.version,
    list.referralMode,
    ...recipients,
  );
}

/**
 * How the list's channel refers reports (Protocol step 11), as its signature covers it: only a
 * `v: 2` list can say `inform`; a `v: 1` list (every list signed before) means `consent`.
 */
export function referralModeOf(list: RecipientList): ReferralMode {
  return list.v === 2 ? list.referralMode : 'consent';
}

/**
 * Administrator side: sign a channel's list with the deployment signing seed. With a
 * `referralMode` the list is `v: 2` and signs it; without, `v: 1` as before (consent).
 */
export function signRecipientList(
  backend: CryptoBackend,
  list: {
    channelId: string;
    version: number;
    recipients: RecipientList['recipients'];
    referralMode?: ReferralMode;
  },
  deploymentSignSeed: Uint8Array,
): RecipientList {
  const { referralMode, ...rest } = list;
  const unsigned: UnsignedList =
    referralMode === undefined ? { v: 1, ...rest } : { v: 2, referralMode, ...rest };
  const signature = backend.ed25519Sign(listSigningBytes(unsigned), deploymentSignSeed);
  return recipientListSchema.parse({ ...unsigned, signature: toBase64Url(signature) });
}

/**
 * Browser side: schema, signature against the pinned deployment key, and no rollback below
 * `lastSeenVersion`. Throws FormatError, SignatureError or StaleRecipientListError.
 */
export function verifyRecipientList(
  backend: CryptoBackend,
  list: unknown,
  options: { pinnedPublicKey: string; lastSeenVersion?: number; channelId?: string },
): RecipientList {
  const parsed = recipientListSchema.safeParse(list);
  if (!parsed.success) throw new FormatError('recipient list does not match the schema');
  const l = parsed.data;
  if (options.channelId !== undefined && l.channelId !== options.channelId) {
    throw new FormatError('recipient list is for another channel');
  }
  const { signature, ...unsigned } = l;
  if (!signatureHolds(backend, signature, listSigningBytes(unsigned), options.pinnedPublicKey))
    throw new SignatureError('recipient list signature does not verify');
  if (options.lastSeenVersion !== undefined && l.version < options.lastSeenVersion) {
    throw new StaleRecipientListError();
  }
  return l;
}
