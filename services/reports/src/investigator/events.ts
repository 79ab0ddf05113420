import { z } from 'zod';
import { eventParser, eventTypesOf } from '../shared/event-schema.ts';
import { loginVerifierSchema, vaultSchema } from '../shared/sealed.ts';
import { credentialEventSchemas } from './credentials.ts';
import { keyBindingEventSchemas, keyProofSchema } from './key-binding.ts';
import { roles, sealedTotpSecretSchema } from './state.ts';

/**
 * `investigator-<uuid>` streams: staff accounts. The server holds public keys, the vault
 * (ciphertext under a key only the investigator's password derives), a slow hash of the
 * protocol's login secret, and the TOTP secret sealed under a desk key that is not in the event
 * log. It never sees the password or private keys.
 */
const id = z.string().min(1).max(128);
const at = z.iso.datetime();
const count = z.number().int().min(0).max(1_000_000_000);

export const investigatorEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('InvestigatorInvited'),
    data: z.object({
      investigatorId: id,
      handle: z.string().min(1).max(64),
      role: z.enum(roles),
      /** sha256 of the one-time enrolment code; the code itself is shown once, never stored. */
      enrolmentCodeHash: z.string().regex(/^[0-9a-f]{64}$/),
      expiresAt: at,
      by: id,
      invitedAt: at,
    }),
  }),
  z.object({
    type: z.literal('InvestigatorEnrolled'),
    data: z
      .object({
        investigatorId: id,
        signPublicKey: z.string().min(1).max(512),
        boxPublicKey: z.string().min(1).max(512),
        vault: vaultSchema,
        loginVerifier: loginVerifierSchema,
        /** Legacy: events written before TOTP secrets were sealed. Never written now. */
        totpSecret: z.string().min(16).max(128).optional(),
        sealedTotpSecret: sealedTotpSecretSchema.optional(),
        /**
         * The signing key's signature over the account id and both public keys (key-binding.ts),
         * verified by the desk before it is written. Absent in events written before proofs:
         * such an account proves its keys at its next unlock (InvestigatorKeysProven).
         */
        keyProof: keyProofSchema.optional(),
        enrolledAt: at,
      })
      .refine(
        (d) => (d.totpSecret === undefined) !== (d.sealedTotpSecret === undefined),
        'exactly one of totpSecret (legacy) and sealedTotpSecret',
      ),
  }),
  z.object({
    type: z.literal('InvestigatorTotpConfirmed'),
    data: z.object({ investigatorId: id, confirmedAt: at }),
  }),
  z.object({
    type: z.literal('InvestigatorRoleChanged'),
    data: z.object({ investigatorId: id, role: z.enum(roles), by: id, changedAt: at }),
  }),
  z.object({
    type: z.literal('InvestigatorDeactivated'),
    data: z.object({ investigatorId: id, by: id, deactivatedAt: at }),
  }),
  // Sign-ins, for the audit trail: no address, no user agent, times to the minute.
  z.object({
    type: z.literal('InvestigatorSignedIn'),
    data: z.object({ investigatorId: id, signedInAt: at }),
  }),
  z.object({
    type: z.literal('InvestigatorSignedOut'),
    data: z.object({ investigatorId: id, signedOutAt: at }),
  }),
  /**
   * Failed sign-ins for this account since the previous such event, aggregated by the desk so
   * that nobody hammering a handle can write without bound: `failures` were checked and wrong,
   * `throttled` were refused unchecked while sign-in was slowed down.
   */
  z.object({
    type: z.literal('InvestigatorSignInFailed'),
    data: z
      .object({ investigatorId: id, failures: count, throttled: count, failedAt: at })
      .refine((d) => d.failures + d.throttled > 0, 'at least one attempt'),
  }),
  ...credentialEventSchemas,
  ...keyBindingEventSchemas,
]);
export type InvestigatorEvent = z.infer<typeof investigatorEventSchema>;
export const investigatorEventTypes = eventTypesOf(investigatorEventSchema);
export const parseInvestigatorEvent = eventParser(investigatorEventSchema);
