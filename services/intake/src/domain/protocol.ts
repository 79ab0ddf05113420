/**
 * The one place intake takes payload schemas and signature checks from (services/protocol).
 * PROVISIONAL until the protocol package publishes them: strict zod shapes of the agreed fields
 * and Ed25519 verification with node:crypto. Switching is a change of this file only.
 */
import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';

const b64 = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_\-+/=]+$/);
const uuid = z.uuid();

export const sealedPayloadSchema = z.strictObject({
  v: z.literal(1),
  nonce: b64(64),
  ciphertext: b64(2_000_000),
});

export const submissionEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  reportId: uuid,
  channelId: z.string().min(1).max(128),
  answers: sealedPayloadSchema,
  paddedSize: z.number().int().nonnegative().max(2_000_000),
  recipients: z
    .array(z.strictObject({ recipientId: z.string().min(1).max(128), wrappedKey: b64(512) }))
    .min(1)
    .max(64),
  whistleblower: z.strictObject({
    locator: b64(128),
    signPublicKey: b64(64),
    boxPublicKey: b64(64),
    wrappedKey: b64(512),
  }),
});
export type SubmissionEnvelope = z.infer<typeof submissionEnvelopeSchema>;

export const messageEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  reportId: uuid,
  messageId: uuid,
  sealed: sealedPayloadSchema,
  signature: b64(128),
});

export const attachmentHeaderSchema = z.strictObject({
  v: z.literal(1),
  sealed: sealedPayloadSchema,
});

/** Bytes the whistleblower signs to open a session: bound to this purpose and challenge. */
export function sessionChallengeMessage(challenge: string): Uint8Array {
  return new TextEncoder().encode(`integrity-desk/receipt-session/v1\n${challenge}`);
}

const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** Ed25519 over `sessionChallengeMessage(challenge)`; false on any malformed input. */
export function verifySessionSignature(
  signPublicKey: string,
  challenge: string,
  signature: string,
): boolean {
  try {
    const raw = Buffer.from(signPublicKey, 'base64url');
    const sig = Buffer.from(signature, 'base64url');
    if (raw.length !== 32 || sig.length !== 64) return false;
    const key = createPublicKey({
      key: Buffer.concat([ed25519SpkiPrefix, raw]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, sessionChallengeMessage(challenge), key, sig);
  } catch {
    return false;
  }
}
