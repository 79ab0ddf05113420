// A channel's recipient public keys, signed by the deployment signing key. Browsers verify the
// list against the public key pinned in the front-end build and refuse an older version than
// the last one they saw, so a server cannot silently swap in its own key or roll back.
import { encodeFields, fromBase64Url, toBase64Url } from './bytes.ts';
import { FormatError, SignatureError, StaleRecipientListError } from './errors.ts';
import type { CryptoBackend } from './backend/types.ts';
import { signatureHolds } from './signature.ts';
import type { RecipientList } from './schemas.ts';
import { recipientListSchema } from './schemas.ts';

function listSigningBytes(list: Omit<RecipientList, 'signature'>): Uint8Array {
  return encodeFields(
    'integrity-desk/recipient-list/v1',
    list.channelId,
    list.version,
    list.recipients.length,
    ...list.recipients.flatMap((r) => [
      r.recipientId,
      fromBase64Url(r.boxPublicKey),
      fromBase64Url(r.signPublicKey),
    ]),
  );
}

/** Administrator side: sign a channel's list with the deployment signing seed. */
export function signRecipientList(
  backend: CryptoBackend,
  list: Omit<RecipientList, 'signature' | 'v'>,
  deploymentSignSeed: Uint8Array,
): RecipientList {
  const unsigned = { v: 1 as const, ...list };
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
