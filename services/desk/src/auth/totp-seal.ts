import { encodeFields } from '@integrity-desk/protocol';
import type { SealedTotpSecret, TotpAtRest } from '@integrity-desk/reports';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { DeskKeys } from './server-keys.ts';

/**
 * TOTP secrets at rest. Whoever reads the event log or a backup of it must not get every
 * investigator's second factor, so the secret is sealed before it enters an event, under a
 * subkey of the desk's server key, which lives outside the log (server-keys.ts).
 *
 * AES-256-GCM from node:crypto (OpenSSL): available in every Node build without another
 * dependency, constant-time and hardware-accelerated on the CPUs servers run on. Its 96-bit
 * nonces are random; that is safe far beyond our use (NIST SP 800-38D allows 2^32 random-nonce
 * messages per key; a desk seals one secret per enrolment or reset). ChaCha20-Poly1305 would
 * serve equally; GCM's one weakness, nonce reuse, cannot arise at this volume.
 *
 * Associated data binds the ciphertext to the account and to the event that carries it:
 * encodeFields("integrity-desk/desk/totp-secret/v1", investigatorId, eventType). A sealed
 * secret copied into another account's stream, or into another kind of event, does not open.
 */
const LABEL = 'integrity-desk/desk/totp-secret/v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The events that carry a sealed TOTP secret. */
export type TotpSealPurpose = 'InvestigatorEnrolled' | 'InvestigatorTotpReenrolled';

export class TotpSecretUnavailableError extends Error {
  override readonly name = 'TotpSecretUnavailableError';
  constructor(
    /** 'other-key': sealed under another desk server key; 'broken': does not authenticate. */
    readonly reason: 'other-key' | 'broken',
  ) {
    super(reason === 'other-key' ? 'sealed under another desk key' : 'sealed secret is broken');
  }
}

const aad = (investigatorId: string, purpose: string) =>
  encodeFields(LABEL, investigatorId, purpose);

export function sealTotpSecret(
  keys: DeskKeys,
  randomBytes: (n: number) => Buffer,
  investigatorId: string,
  purpose: TotpSealPurpose,
  secret: string,
): SealedTotpSecret {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.totpSeal, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(investigatorId, purpose));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    v: 1,
    alg: 'A256GCM',
    keyId: keys.totpSealKeyId,
    nonce: nonce.toString('base64url'),
    ciphertext: body.toString('base64url'),
  };
}

/** The base32 secret of an account, sealed or (legacy events) plain. */
export function openTotpSecret(keys: DeskKeys, investigatorId: string, totp: TotpAtRest): string {
  if (totp.kind === 'plain') return totp.secret;
  const { sealed } = totp;
  if (sealed.keyId !== keys.totpSealKeyId) throw new TotpSecretUnavailableError('other-key');
  const body = Buffer.from(sealed.ciphertext, 'base64url');
  if (body.length <= TAG_BYTES) throw new TotpSecretUnavailableError('broken');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keys.totpSeal,
      Buffer.from(sealed.nonce, 'base64url'),
      { authTagLength: TAG_BYTES },
    );
    decipher.setAAD(aad(investigatorId, totp.sealedIn));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    throw new TotpSecretUnavailableError('broken');
  }
}
