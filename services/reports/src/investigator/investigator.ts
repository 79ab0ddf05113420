import { z } from 'zod';
import type { CommandMetadata } from '../shared/command.ts';
import type { Decider } from '../shared/handle.ts';
import { toMinute } from '../shared/time.ts';
import {
  loginVerifierSchema,
  vaultSchema,
  type LoginVerifier,
  type Vault,
} from '../shared/sealed.ts';

export type { LoginVerifier, Vault };
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import {
  EnrolmentRefusedError,
  initialInvestigatorState,
  InvestigatorNotFoundError,
  roles,
  sealedTotpSecretSchema,
  type InvestigatorState,
  type Role,
  type SealedTotpSecret,
  type TotpAtRest,
} from './account.ts';
import {
  credentialEventSchemas,
  decideCredentials,
  evolveCredentials,
  type CredentialCommand,
} from './credentials.ts';
import {
  decideKeyBinding,
  evolveKeyBinding,
  keyBindingEventSchemas,
  keyProofSchema,
  type KeyBindingCommand,
} from './key-binding.ts';

export * from './account.ts';
export * from './credentials.ts';
export * from './key-binding.ts';

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
export const investigatorEventTypes = investigatorEventSchema.options.map(
  (o) => o.shape.type.value,
) as readonly InvestigatorEvent['type'][];

interface Cmd<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
export type InvestigatorCommand =
  | Cmd<
      'InviteInvestigator',
      {
        investigatorId: string;
        handle: string;
        role: Role;
        enrolmentCodeHash: string;
        validForHours: number;
      }
    >
  | Cmd<
      'EnrolInvestigator',
      {
        investigatorId: string;
        enrolmentCodeHash: string;
        signPublicKey: string;
        boxPublicKey: string;
        vault: Vault;
        loginVerifier: LoginVerifier;
        /** Sealed by the caller (the decider stays pure); a plain secret cannot be written. */
        sealedTotpSecret: SealedTotpSecret;
        /** Verified by the caller against the keys above (the decider holds no crypto). */
        keyProof: string;
      }
    >
  | Cmd<'ConfirmTotp', { investigatorId: string }>
  | Cmd<'ChangeInvestigatorRole', { investigatorId: string; role: Role }>
  | Cmd<'DeactivateInvestigator', { investigatorId: string }>
  | Cmd<'RecordSignIn', { investigatorId: string }>
  | Cmd<'RecordSignOut', { investigatorId: string }>
  | Cmd<'RecordSignInFailures', { investigatorId: string; failures: number; throttled: number }>
  | CredentialCommand
  | KeyBindingCommand;

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= 1_000_000_000;

function by(metadata: CommandMetadata): string {
  if (metadata.actor.kind === 'investigator') return metadata.actor.investigatorId;
  if (metadata.actor.kind === 'system') return 'system';
  if (metadata.actor.kind === 'operator') return 'operator';
  throw new InvalidCommandError('a whistleblower cannot manage accounts');
}

export function decideInvestigator(
  command: InvestigatorCommand,
  state: InvestigatorState,
): InvestigatorEvent[] {
  const now = command.metadata.now;
  const iso = now.toISOString();
  // The operator's recovery tool puts an account into TOTP reset and nothing else: it must not
  // give whoever runs the server a way to enrol, promote or sign in as anyone.
  if (command.metadata.actor.kind === 'operator' && command.type !== 'ResetTotp')
    throw new InvalidCommandError('an operator can only reset a second factor');
  switch (command.type) {
    case 'InviteInvestigator': {
      if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
      const d = command.data;
      return [
        {
          type: 'InvestigatorInvited',
          data: {
            investigatorId: d.investigatorId,
            handle: d.handle,
            role: d.role,
            enrolmentCodeHash: d.enrolmentCodeHash,
            expiresAt: new Date(now.getTime() + d.validForHours * 3_600_000).toISOString(),
            by: by(command.metadata),
            invitedAt: iso,
          },
        },
      ];
    }
    case 'EnrolInvestigator': {
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      if (state.status !== 'invited') throw new IllegalTransitionError(command.type, state.status);
      if (state.enrolmentCodeHash !== command.data.enrolmentCodeHash || iso >= state.expiresAt)
        throw new EnrolmentRefusedError('enrolment refused');
      const { enrolmentCodeHash: _code, ...data } = command.data;
      return [{ type: 'InvestigatorEnrolled', data: { ...data, enrolledAt: iso } }];
    }
    case 'ConfirmTotp': {
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      // At enrolment, or after a reset once a new secret is bound.
      const bound = state.status === 'totp_reset' && state.pendingTotp !== undefined;
      if (state.status !== 'enrolled' && !bound)
        throw new IllegalTransitionError(command.type, state.status);
      return [
        {
          type: 'InvestigatorTotpConfirmed',
          data: { investigatorId: state.investigatorId, confirmedAt: iso },
        },
      ];
    }
    case 'ChangeInvestigatorRole': {
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      if (state.status === 'deactivated')
        throw new IllegalTransitionError(command.type, state.status);
      if (state.role === command.data.role) throw new InvalidCommandError('role unchanged');
      return [
        {
          type: 'InvestigatorRoleChanged',
          data: {
            investigatorId: state.investigatorId,
            role: command.data.role,
            by: by(command.metadata),
            changedAt: iso,
          },
        },
      ];
    }
    case 'DeactivateInvestigator': {
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      // An unused invitation simply expires; only an enrolled account is deactivated.
      if (state.status === 'deactivated' || state.status === 'invited')
        throw new IllegalTransitionError(command.type, state.status);
      return [
        {
          type: 'InvestigatorDeactivated',
          data: {
            investigatorId: state.investigatorId,
            by: by(command.metadata),
            deactivatedAt: iso,
          },
        },
      ];
    }
    case 'RecordSignIn':
    case 'RecordSignOut': {
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      if (state.status !== 'active') throw new IllegalTransitionError(command.type, state.status);
      const investigatorId = state.investigatorId;
      const minute = toMinute(now);
      return command.type === 'RecordSignIn'
        ? [{ type: 'InvestigatorSignedIn', data: { investigatorId, signedInAt: minute } }]
        : [{ type: 'InvestigatorSignedOut', data: { investigatorId, signedOutAt: minute } }];
    }
    case 'RecordSignInFailures': {
      // Any account that exists, active or not: attempts on a deactivated one are worth seeing.
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      const { failures, throttled } = command.data;
      if (!isCount(failures) || !isCount(throttled) || failures + throttled === 0)
        throw new InvalidCommandError('no failed attempt to record');
      return [
        {
          type: 'InvestigatorSignInFailed',
          data: {
            investigatorId: state.investigatorId,
            failures,
            throttled,
            failedAt: toMinute(now),
          },
        },
      ];
    }
    case 'ResetTotp':
    case 'ReenrolTotp':
    case 'ChangeVault':
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      return decideCredentials(command, state, by(command.metadata));
    case 'ProveKeys':
    case 'RaiseKeyAlarm':
      if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
      return decideKeyBinding(command, state);
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}

export function evolveInvestigator(
  state: InvestigatorState,
  event: InvestigatorEvent,
): InvestigatorState {
  switch (event.type) {
    case 'InvestigatorInvited': {
      const { by: _by, invitedAt: _at, ...d } = event.data;
      return { status: 'invited', ...d };
    }
    case 'InvestigatorEnrolled': {
      if (state.status !== 'invited') return state;
      const { enrolledAt: _at, totpSecret, sealedTotpSecret, ...d } = event.data;
      const totp = totpAtRest(event.type, sealedTotpSecret, totpSecret);
      return totp ? { ...state, ...d, totp, status: 'enrolled' } : state;
    }
    case 'InvestigatorTotpConfirmed': {
      if (state.status === 'enrolled') return { ...state, status: 'active' };
      // After a reset, confirming the newly bound secret makes it the account's.
      if (state.status === 'totp_reset' && state.pendingTotp) {
        const { pendingTotp, ...rest } = state;
        return { ...rest, totp: pendingTotp, status: 'active' };
      }
      return state;
    }
    case 'InvestigatorRoleChanged':
      return state.status === 'none' ? state : { ...state, role: event.data.role };
    case 'InvestigatorDeactivated': {
      if (state.status === 'totp_reset') {
        const { pendingTotp: _pending, ...rest } = state;
        return { ...rest, status: 'deactivated' };
      }
      return state.status === 'enrolled' || state.status === 'active'
        ? { ...state, status: 'deactivated' }
        : state;
    }
    case 'InvestigatorSignedIn':
    case 'InvestigatorSignedOut':
    case 'InvestigatorSignInFailed':
      // The audit trail's: they change nothing the account's rules depend on.
      return state;
    case 'InvestigatorTotpReset':
    case 'InvestigatorTotpReenrolled':
    case 'InvestigatorVaultChanged':
      return evolveCredentials(state, event);
    case 'InvestigatorKeysProven':
    case 'InvestigatorKeyMismatchAlarmed':
      return evolveKeyBinding(state, event);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function totpAtRest(
  eventType: string,
  sealed: SealedTotpSecret | undefined,
  plain: string | undefined,
): TotpAtRest | undefined {
  if (sealed) return { kind: 'sealed', sealed, sealedIn: eventType };
  if (plain !== undefined) return { kind: 'plain', secret: plain };
  return undefined;
}

export const investigatorStream = (investigatorId: string) => `investigator-${investigatorId}`;

export const investigatorDecider: Decider<
  InvestigatorCommand,
  InvestigatorEvent,
  InvestigatorState
> = {
  decide: decideInvestigator,
  evolve: evolveInvestigator,
  initialState: initialInvestigatorState,
  parse: (type, data) => investigatorEventSchema.parse({ type, data }),
};
