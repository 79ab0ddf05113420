import { verifyDeploymentKeyTransition } from '@integrity-desk/protocol';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { CommandMetadata } from '../shared/command.ts';
import type {
  DeploymentCommand,
  InitialiseDeployment,
  RotateDeploymentKey,
  ShareDeploymentKey,
} from './commands.ts';
import { DeploymentKeyRefusedError } from './errors.ts';
import type { DeploymentEvent } from './events.ts';
import type { DeploymentState } from './state.ts';

const iso = (m: CommandMetadata) => m.now.toISOString();

function actorId(metadata: CommandMetadata): string {
  if (metadata.actor.kind !== 'investigator')
    throw new DeploymentKeyRefusedError('only an administrator manages the deployment key');
  return metadata.actor.investigatorId;
}

function holder(state: DeploymentState, metadata: CommandMetadata, command: string) {
  if (state.status === 'none') throw new IllegalTransitionError(command, state.status);
  const by = actorId(metadata);
  if (!state.holders[by])
    throw new DeploymentKeyRefusedError('only a holder of the deployment key can do this');
  return { state, by };
}

export function initialise(
  command: InitialiseDeployment,
  state: DeploymentState,
): DeploymentEvent[] {
  if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
  const { sealedKey, ...data } = command.data;
  if (
    sealedKey.signPublicKey !== data.signPublicKey ||
    sealedKey.administratorId !== data.administratorId
  )
    throw new InvalidCommandError('the sealed key is not the deployment key of this setup');
  const now = iso(command.metadata);
  return [
    { type: 'DeploymentInitialised', data: { ...data, initialisedAt: now } },
    { type: 'DeploymentKeyShared', data: { sealedKey, sharedBy: 'setup', sharedAt: now } },
  ];
}

export function shareKey(command: ShareDeploymentKey, state: DeploymentState): DeploymentEvent[] {
  const { state: s, by } = holder(state, command.metadata, command.type);
  const { sealedKey, recipientIsActiveAdministrator } = command.data;
  if (!recipientIsActiveAdministrator)
    throw new DeploymentKeyRefusedError('the deployment key goes to active administrators only');
  if (sealedKey.signPublicKey !== s.signPublicKey)
    throw new DeploymentKeyRefusedError('not the current deployment key');
  const sharedAt = iso(command.metadata);
  return [{ type: 'DeploymentKeyShared', data: { sealedKey, sharedBy: by, sharedAt } }];
}

export function rotateKey(command: RotateDeploymentKey, state: DeploymentState): DeploymentEvent[] {
  // The current key's signature on the transition is the proof of holding it: no record of
  // a sealed copy is needed (a deployment set up before the key was its own has none).
  if (state.status === 'none') throw new IllegalTransitionError(command.type, state.status);
  const s = state;
  const by = actorId(command.metadata);
  const { transition, sealedKey, backend } = command.data;
  try {
    verifyDeploymentKeyTransition(backend, transition, {
      sequence: s.transitions.length + 1,
      previousPublicKey: s.signPublicKey,
    });
  } catch {
    throw new DeploymentKeyRefusedError('the transition is not signed by the current key');
  }
  if (sealedKey.signPublicKey !== transition.nextPublicKey || sealedKey.administratorId !== by)
    throw new InvalidCommandError('the sealed key is not the new key for the rotator');
  const now = iso(command.metadata);
  return [
    { type: 'DeploymentKeyRotated', data: { transition, by, rotatedAt: now } },
    { type: 'DeploymentKeyShared', data: { sealedKey, sharedBy: by, sharedAt: now } },
  ];
}

export function decideDeployment(
  command: DeploymentCommand,
  state: DeploymentState,
): DeploymentEvent[] {
  switch (command.type) {
    case 'InitialiseDeployment':
      return initialise(command, state);
    case 'ShareDeploymentKey':
      return shareKey(command, state);
    case 'RotateDeploymentKey':
      return rotateKey(command, state);
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}
