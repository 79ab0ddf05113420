import { deploymentKeyTransitionSchema, sealedDeploymentKeySchema } from '@integrity-desk/protocol';
import { z } from 'zod';
import { eventParser, eventTypesOf } from '../shared/event-schema.ts';

/**
 * The `deployment` stream: first-run setup, the deployment signing key and its rotations. The
 * key is a key of its own (never a person's vault key): its public half is here, its seed only
 * sealed to the administrators who hold it (`DeploymentKeyShared`). A rotation is a transition
 * signed by the previous key, so browsers that pinned any earlier key follow it. The receipt
 * salt is a fixed value of the deployment, stored at setup, so no rotation can orphan a receipt.
 * Appending setup with 'no_stream' makes it happen exactly once.
 */
const id = z.string().min(1).max(128);
const at = z.iso.datetime();

export const deploymentEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('DeploymentInitialised'),
    data: z.object({
      signPublicKey: z.string().min(1).max(512),
      administratorId: id,
      /**
       * Public, base64url of 16 bytes. Absent on deployments set up before it was stored: their
       * salt stays derived from this first `signPublicKey` (services/server crypto-settings).
       */
      receiptSalt: z
        .string()
        .regex(/^[A-Za-z0-9_-]{22}$/)
        .optional(),
      initialisedAt: at,
    }),
  }),
  z.object({
    type: z.literal('DeploymentKeyShared'),
    data: z.object({
      /** The deployment seed sealed to this administrator's box key (opened in their browser). */
      sealedKey: sealedDeploymentKeySchema,
      /** The administrator who shared it, or 'setup' for the first administrator's own copy. */
      sharedBy: id,
      sharedAt: at,
    }),
  }),
  z.object({
    type: z.literal('DeploymentKeyRotated'),
    data: z.object({ transition: deploymentKeyTransitionSchema, by: id, rotatedAt: at }),
  }),
]);
export type DeploymentEvent = z.infer<typeof deploymentEventSchema>;
export const deploymentEventTypes = eventTypesOf(deploymentEventSchema);
export const parseDeploymentEvent = eventParser(deploymentEventSchema);
