import { z } from 'zod';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Command } from '../shared/command.ts';
import {
  loginVerifierSchema,
  vaultSchema,
  type LoginVerifier,
  type Vault,
} from '../shared/sealed.ts';
import { EnrolmentRefusedError } from './errors.ts';
import {
  sealedTotpSecretSchema,
  type InvestigatorState,
  type SealedTotpSecret,
  type TotpResetPending,
} from './state.ts';

/**
 * Credentials of an enrolled account that change after enrolment: a TOTP reset by an
 * administrator (the investigator binds a new secret with a one-time code and their login
 * secret, then confirms it like at enrolment), and a vault change (new password: new vault
 * ciphertext and login verifier around the same key pairs). Pure: codes arrive hashed, TOTP
 * secrets sealed, verifiers computed, all by the caller.
 */
const id = z.string().min(1).max(128);
const at = z.iso.datetime();

export const credentialEventSchemas = [
  z.object({
    type: z.literal('InvestigatorTotpReset'),
    data: z.object({
      investigatorId: id,
      /** sha256 of the one-time code the investigator re-enrols with; never the code. */
      enrolmentCodeHash: z.string().regex(/^[0-9a-f]{64}$/),
      expiresAt: at,
      by: id,
      resetAt: at,
    }),
  }),
  z.object({
    type: z.literal('InvestigatorTotpReenrolled'),
    data: z.object({
      investigatorId: id,
      sealedTotpSecret: sealedTotpSecretSchema,
      reenrolledAt: at,
    }),
  }),
  z.object({
    type: z.literal('InvestigatorVaultChanged'),
    data: z.object({
      investigatorId: id,
      vault: vaultSchema,
      loginVerifier: loginVerifierSchema,
      changedAt: at,
    }),
  }),
] as const;

export type CredentialCommand =
  | Command<
      'ResetTotp',
      { investigatorId: string; enrolmentCodeHash: string; validForHours: number }
    >
  | Command<
      'ReenrolTotp',
      { investigatorId: string; enrolmentCodeHash: string; sealedTotpSecret: SealedTotpSecret }
    >
  | Command<'ChangeVault', { investigatorId: string; vault: Vault; loginVerifier: LoginVerifier }>;

export type CredentialEvent = z.infer<(typeof credentialEventSchemas)[number]>;

export function decideCredentials(
  command: CredentialCommand,
  state: Exclude<InvestigatorState, { status: 'none' }>,
  by: string,
): CredentialEvent[] {
  const now = command.metadata.now;
  const iso = now.toISOString();
  switch (command.type) {
    case 'ResetTotp': {
      // A signed-in account, or one whose reset is pending (a lost code is simply replaced).
      if (state.status !== 'active' && state.status !== 'totp_reset')
        throw new IllegalTransitionError(command.type, state.status);
      const d = command.data;
      if (!Number.isFinite(d.validForHours) || d.validForHours <= 0 || d.validForHours > 24 * 30)
        throw new InvalidCommandError('validity out of range');
      return [
        {
          type: 'InvestigatorTotpReset',
          data: {
            investigatorId: state.investigatorId,
            enrolmentCodeHash: d.enrolmentCodeHash,
            expiresAt: new Date(now.getTime() + d.validForHours * 3_600_000).toISOString(),
            by,
            resetAt: iso,
          },
        },
      ];
    }
    case 'ReenrolTotp': {
      if (state.status !== 'totp_reset')
        throw new IllegalTransitionError(command.type, state.status);
      if (state.enrolmentCodeHash !== command.data.enrolmentCodeHash || iso >= state.expiresAt)
        throw new EnrolmentRefusedError('reset code refused');
      return [
        {
          type: 'InvestigatorTotpReenrolled',
          data: {
            investigatorId: state.investigatorId,
            sealedTotpSecret: command.data.sealedTotpSecret,
            reenrolledAt: iso,
          },
        },
      ];
    }
    case 'ChangeVault': {
      if (state.status !== 'active') throw new IllegalTransitionError(command.type, state.status);
      const { vault } = command.data;
      // Same key pairs: recipient lists and wrapped report keys name them, so they must not move.
      if (
        vault.investigatorId !== state.investigatorId ||
        vault.boxPublicKey !== state.boxPublicKey ||
        vault.signPublicKey !== state.signPublicKey
      )
        throw new InvalidCommandError('a vault change keeps the account and its key pairs');
      return [
        {
          type: 'InvestigatorVaultChanged',
          data: {
            investigatorId: state.investigatorId,
            vault,
            loginVerifier: command.data.loginVerifier,
            changedAt: iso,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}

export function evolveCredentials(
  state: InvestigatorState,
  event: CredentialEvent,
): InvestigatorState {
  switch (event.type) {
    case 'InvestigatorTotpReset': {
      if (state.status !== 'active' && state.status !== 'totp_reset') return state;
      const { enrolmentCodeHash, expiresAt } = event.data;
      // The old secret stops working at once; a new one is bound by ReenrolTotp.
      // A repeated reset also drops a secret bound under the previous code.
      const { pendingTotp: _pending, ...rest } = state as typeof state & TotpResetPending;
      return { ...rest, status: 'totp_reset', enrolmentCodeHash, expiresAt };
    }
    case 'InvestigatorTotpReenrolled':
      return state.status === 'totp_reset'
        ? {
            ...state,
            pendingTotp: {
              kind: 'sealed',
              sealed: event.data.sealedTotpSecret,
              sealedIn: event.type,
            },
          }
        : state;
    case 'InvestigatorVaultChanged':
      return state.status === 'active'
        ? { ...state, vault: event.data.vault, loginVerifier: event.data.loginVerifier }
        : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
