import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { CommandMetadata } from '../shared/command.ts';
import { toMinute } from '../shared/time.ts';
import type {
  ChangeInvestigatorRole,
  ConfirmTotp,
  DeactivateInvestigator,
  EnrolInvestigator,
  InvestigatorCommand,
  InviteInvestigator,
  RecordSignIn,
  RecordSignInFailures,
  RecordSignOut,
} from './commands.ts';
import { decideCredentials } from './credentials.ts';
import { EnrolmentRefusedError, InvestigatorNotFoundError } from './errors.ts';
import type { InvestigatorEvent } from './events.ts';
import { decideKeyBinding } from './key-binding.ts';
import type { InvestigatorState } from './state.ts';

type Existing = Exclude<InvestigatorState, { status: 'none' }>;

function existing(state: InvestigatorState): Existing {
  if (state.status === 'none') throw new InvestigatorNotFoundError('not found');
  return state;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= 1_000_000_000;
const iso = (m: CommandMetadata) => m.now.toISOString();

function by(metadata: CommandMetadata): string {
  if (metadata.actor.kind === 'investigator') return metadata.actor.investigatorId;
  if (metadata.actor.kind === 'system') return 'system';
  if (metadata.actor.kind === 'operator') return 'operator';
  throw new InvalidCommandError('a whistleblower cannot manage accounts');
}

export function invite(command: InviteInvestigator, state: InvestigatorState): InvestigatorEvent[] {
  if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
  const d = command.data;
  const now = command.metadata.now;
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
        invitedAt: iso(command.metadata),
      },
    },
  ];
}

export function enrol(command: EnrolInvestigator, state: InvestigatorState): InvestigatorEvent[] {
  const s = existing(state);
  if (s.status !== 'invited') throw new IllegalTransitionError(command.type, s.status);
  const at = iso(command.metadata);
  if (s.enrolmentCodeHash !== command.data.enrolmentCodeHash || at >= s.expiresAt)
    throw new EnrolmentRefusedError('enrolment refused');
  const { enrolmentCodeHash: _code, ...data } = command.data;
  return [{ type: 'InvestigatorEnrolled', data: { ...data, enrolledAt: at } }];
}

export function confirmTotp(command: ConfirmTotp, state: InvestigatorState): InvestigatorEvent[] {
  const s = existing(state);
  // At enrolment, or after a reset once a new secret is bound.
  const bound = s.status === 'totp_reset' && s.pendingTotp !== undefined;
  if (s.status !== 'enrolled' && !bound) throw new IllegalTransitionError(command.type, s.status);
  return [
    {
      type: 'InvestigatorTotpConfirmed',
      data: { investigatorId: s.investigatorId, confirmedAt: iso(command.metadata) },
    },
  ];
}

export function changeRole(
  command: ChangeInvestigatorRole,
  state: InvestigatorState,
): InvestigatorEvent[] {
  const s = existing(state);
  if (s.status === 'deactivated') throw new IllegalTransitionError(command.type, s.status);
  if (s.role === command.data.role) throw new InvalidCommandError('role unchanged');
  return [
    {
      type: 'InvestigatorRoleChanged',
      data: {
        investigatorId: s.investigatorId,
        role: command.data.role,
        by: by(command.metadata),
        changedAt: iso(command.metadata),
      },
    },
  ];
}

export function deactivate(
  command: DeactivateInvestigator,
  state: InvestigatorState,
): InvestigatorEvent[] {
  const s = existing(state);
  // An unused invitation simply expires; only an enrolled account is deactivated.
  if (s.status === 'deactivated' || s.status === 'invited')
    throw new IllegalTransitionError(command.type, s.status);
  return [
    {
      type: 'InvestigatorDeactivated',
      data: {
        investigatorId: s.investigatorId,
        by: by(command.metadata),
        deactivatedAt: iso(command.metadata),
      },
    },
  ];
}

function active(command: RecordSignIn | RecordSignOut, state: InvestigatorState): Existing {
  const s = existing(state);
  if (s.status !== 'active') throw new IllegalTransitionError(command.type, s.status);
  return s;
}

export function recordSignIn(command: RecordSignIn, state: InvestigatorState): InvestigatorEvent[] {
  const { investigatorId } = active(command, state);
  const signedInAt = toMinute(command.metadata.now);
  return [{ type: 'InvestigatorSignedIn', data: { investigatorId, signedInAt } }];
}

export function recordSignOut(
  command: RecordSignOut,
  state: InvestigatorState,
): InvestigatorEvent[] {
  const { investigatorId } = active(command, state);
  const signedOutAt = toMinute(command.metadata.now);
  return [{ type: 'InvestigatorSignedOut', data: { investigatorId, signedOutAt } }];
}

export function recordSignInFailures(
  command: RecordSignInFailures,
  state: InvestigatorState,
): InvestigatorEvent[] {
  // Any account that exists, active or not: attempts on a deactivated one are worth seeing.
  const s = existing(state);
  const { failures, throttled } = command.data;
  if (!isCount(failures) || !isCount(throttled) || failures + throttled === 0)
    throw new InvalidCommandError('no failed attempt to record');
  return [
    {
      type: 'InvestigatorSignInFailed',
      data: {
        investigatorId: s.investigatorId,
        failures,
        throttled,
        failedAt: toMinute(command.metadata.now),
      },
    },
  ];
}

export function decideInvestigator(
  command: InvestigatorCommand,
  state: InvestigatorState,
): InvestigatorEvent[] {
  // The operator's recovery tool puts an account into TOTP reset and nothing else: it must not
  // give whoever runs the server a way to enrol, promote or sign in as anyone.
  if (command.metadata.actor.kind === 'operator' && command.type !== 'ResetTotp')
    throw new InvalidCommandError('an operator can only reset a second factor');
  switch (command.type) {
    case 'InviteInvestigator':
      return invite(command, state);
    case 'EnrolInvestigator':
      return enrol(command, state);
    case 'ConfirmTotp':
      return confirmTotp(command, state);
    case 'ChangeInvestigatorRole':
      return changeRole(command, state);
    case 'DeactivateInvestigator':
      return deactivate(command, state);
    case 'RecordSignIn':
      return recordSignIn(command, state);
    case 'RecordSignOut':
      return recordSignOut(command, state);
    case 'RecordSignInFailures':
      return recordSignInFailures(command, state);
    case 'ResetTotp':
    case 'ReenrolTotp':
    case 'ChangeVault':
      return decideCredentials(command, existing(state), by(command.metadata));
    case 'ProveKeys':
    case 'RaiseKeyAlarm':
      return decideKeyBinding(command, existing(state));
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}
