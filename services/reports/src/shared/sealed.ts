import { z } from 'zod';

/**
 * Opaque protocol payloads. The domain never looks inside ciphertext: it only checks that a
 * sealed payload is a JSON object, so that routing code cannot depend on its content.
 * TODO(protocol): replace with the protocol's envelope schemas once they are published.
 */
export const sealedSchema = z.record(z.string(), z.unknown());
export type Sealed = z.infer<typeof sealedSchema>;

/**
 * The submission envelope: opaque ciphertext and wrapped keys, plus the whistleblower's public
 * routing material (receipt locator and public keys), which the receipt session needs in plain.
 */
export const submissionEnvelopeSchema = z
  .object({
    whistleblower: z
      .object({
        locator: z.string().min(1).max(512),
        signPublicKey: z.string().min(1).max(512),
        boxPublicKey: z.string().min(1).max(512),
      })
      .loose(),
  })
  .loose();
export type SubmissionEnvelope = z.infer<typeof submissionEnvelopeSchema>;
