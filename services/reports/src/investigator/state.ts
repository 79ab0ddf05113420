import { z } from 'zod';
import type { LoginVerifier, Vault } from '../shared/sealed.ts';

/** What every investigator module shares: roles, TOTP secrets at rest, the account state. */
export const roles = ['administrator', 'investigator'] as const;
export type Role = (typeof roles)[number];

const b64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);

/**
 * A TOTP secret sealed by the desk (services/desk/src/auth/totp-seal.ts): AES-256-GCM under a
 * subkey of the desk's server key, associated data bound to the investigator and the event. The
 * domain never opens it; `keyId` names the desk key (a derived fingerprint, not the key), so a
 * desk process holding another key can say so instead of failing blindly.
 */
export const sealedTotpSecretSchema = z.strictObject({
  v: z.literal(1),
  alg: z.literal('A256GCM'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  nonce: b64url(16, 16),
  ciphertext: b64url(22, 256),
});
export type SealedTotpSecret = z.infer<typeof sealedTotpSecretSchema>;

/**
 * How an account's TOTP secret is held. Events written before sealing carry it in plain
 * (`totpSecret`); they are still read, never written again (a TOTP reset replaces the secret).
 */
export type TotpAtRest =
  | { readonly kind: 'sealed'; readonly sealed: SealedTotpSecret; readonly sealedIn: string }
  | { readonly kind: 'plain'; readonly secret: string };

/** A TOTP reset: the old secret no longer works; `pendingTotp` once a new one is bound. */
export interface TotpResetPending {
  readonly pendingTotp?: TotpAtRest;
}

export interface InvestigatorAccount {
  readonly investigatorId: string;
  readonly handle: string;
  readonly role: Role;
  readonly enrolmentCodeHash: string;
  readonly expiresAt: string;
}
export interface EnrolledAccount extends InvestigatorAccount {
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
  readonly vault: Vault;
  readonly loginVerifier: LoginVerifier;
  readonly totp: TotpAtRest;
  /** The possession proof of the two public keys; absent for accounts enrolled before proofs. */
  readonly keyProof?: string;
}
export type InvestigatorState =
  | { readonly status: 'none' }
  | ({ readonly status: 'invited' } & InvestigatorAccount)
  | ({ readonly status: 'enrolled' | 'active' | 'deactivated' } & EnrolledAccount)
  | ({ readonly status: 'totp_reset' } & EnrolledAccount & TotpResetPending);

export const initialInvestigatorState: InvestigatorState = { status: 'none' };
