/**
 * The one place intake takes payload schemas and signature checks from: services/protocol.
 * Intake never writes crypto of its own for what the protocol provides.
 */
import {
  attachmentHeaderSchema,
  FormatError,
  idSchema,
  messageEnvelopeSchema,
  reportKeyShareSchema,
  SignatureError,
  submissionEnvelopeSchema,
  verifySessionProof,
  verifyParsedSubmissionEnvelopeOffThread,
  type AttachmentHeader,
  type CryptoBackend,
  type MessageEnvelope,
  type ReportKeyShare,
  type SubmissionEnvelope,
} from '@integrity-desk/protocol';
import { createNodeBackend } from '@integrity-desk/protocol/node';
import { ProblemError } from '../http/problem.ts';

export {
  attachmentHeaderSchema,
  idSchema,
  messageEnvelopeSchema,
  reportKeyShareSchema,
  submissionEnvelopeSchema,
};
export type {
  AttachmentHeader,
  CryptoBackend,
  MessageEnvelope,
  ReportKeyShare,
  SubmissionEnvelope,
};

/** The context label the whistleblower pages sign session challenges with (frontend keys.ts). */
export const SESSION_CONTEXT = 'intake-session';

/**
 * One backend per process, loaded lazily: the protocol's Node backend (libsodium, with Ed25519
 * verification in its native build), since intake verifies a signature on every submission.
 */
export function backendProvider(given?: CryptoBackend): () => Promise<CryptoBackend> {
  let loading: Promise<CryptoBackend> | undefined = given && Promise.resolve(given);
  return () => (loading ??= createNodeBackend());
}

/**
 * Whistleblower signature and size of a submission whose shape the route already checked
 * (`submissionEnvelopeSchema` is part of the body schema); a fixed problem when either fails.
 */
export async function verifySubmission(
  backend: CryptoBackend,
  envelope: SubmissionEnvelope,
): Promise<void> {
  try {
    // Off the event loop where the backend can (the Node backend's verification thread): the
    // signature is the costliest check of a submission, and requests go on being parsed meanwhile.
    await verifyParsedSubmissionEnvelopeOffThread(backend, envelope);
  } catch (error) {
    if (error instanceof SignatureError) throw new ProblemError('invalidSignature');
    if (error instanceof FormatError) throw new ProblemError('invalidRequest');
    throw error;
  }
}

export function verifySessionSignature(
  backend: CryptoBackend,
  input: { signPublicKey: string; locator: string; challenge: string; signature: string },
): boolean {
  return verifySessionProof(backend, { ...input, context: SESSION_CONTEXT });
}

/** Ciphertext bytes of an attachment: each chunk carries a 16-byte tag. */
export function attachmentCiphertextSize(header: AttachmentHeader): number {
  return header.paddedSize + 16 * header.chunkCount;
}
