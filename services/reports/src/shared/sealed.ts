import { z } from 'zod';

/**
 * Ciphertext containers. Where the protocol defines the payload (submission, message and
 * attachment envelopes, vaults, login verifiers), its strict zod schemas validate every event
 * on write and on read; the domain never looks inside the ciphertext. Internal notes are message
 * envelopes, checked as such by the report decider when they are added, but stored as opaque
 * JSON (older notes may be any sealed object); referrals have no protocol schema yet. Both are
 * bounded in size.
 */
import { reportKeyShareSchema as keyShare } from '@integrity-desk/protocol';

export {
  attachmentHeaderSchema,
  loginVerifierSchema,
  messageEnvelopeSchema,
  reportKeyShareSchema,
  submissionEnvelopeSchema,
  vaultSchema,
  type AttachmentHeader,
  type LoginVerifier,
  type MessageEnvelope,
  type ReportKeyShare,
  type SubmissionEnvelope,
  type Vault,
} from '@integrity-desk/protocol';

const MAX_SEALED_JSON = 256 * 1024;

export const sealedSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_SEALED_JSON, 'sealed payload too large');
/** Commands accept envelopes as plain objects; the event schemas check them before append. */
export type Sealed = Record<string, unknown>;

/**
 * A referral's key shares: the report key sealed to each recipient of the target channel's signed
 * list (one protocol ReportKeyShare each). A ciphertext container of its own for plain-fields.ts.
 * Empty on a proposal that waits for the whistleblower's consent: their browser makes the shares
 * when they accept (SECURITY.md, Protocol step 11).
 */
export const referralSharesSchema = z.array(keyShare).max(64);
