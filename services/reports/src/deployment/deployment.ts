import {
  deploymentKeyTransitionSchema,
  sealedDeploymentKeySchema,
  verifyDeploymentKeyTransition,
  type CryptoBackend,
  type DeploymentKeyTransition,
  type SealedDeploymentKey,
} from '@integrity-desk/protocol';
import { z } from 'zod';
import type { CommandMetadata } from '../shared/command.ts';
import type { Decider } from '../shared/handle.ts';
import {
  IllegalTransitionError,
  InvalidCommandError,
  ReportDomainError,
} from '../report/errors.ts';

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
export const deploymentEventTypes = deploymentEventSchema.options.map(
  (o) => o.shape.type.value,
) as readonly DeploymentEvent['type'][];

interface Cmd<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
export type DeploymentCommand =
  | Cmd<
      'InitialiseDeployment',
      {
        signPublicKey: string;
        administratorId: string;
        receiptSalt: string;
        /** The first administrator's own sealed copy of the seed. */
        sealedKey: SealedDeploymentKey;
      }
    >
  | Cmd<
      'ShareDeploymentKey',
      {
        sealedKey: SealedDeploymentKey;
        /** Read by the handler: the recipient is an active administrator. */
        recipientIsActiveAdministrator: boolean;
      }
    >
  | Cmd<
      'RotateDeploymentKey',
      {
        transition: DeploymentKeyTransition;
        /** The new seed sealed to the administrator who rotates. */
        sealedKey: SealedDeploymentKey;
        /** Verifies the transition's signature only: the decision stays pure. */
        backend: CryptoBackend;
      }
    >;

export type DeploymentState =
  | { readonly status: 'none' }
  | {
      readonly status: 'initialised';
      /** The current deployment key: the last transition's, or the first one. */
      readonly signPublicKey: string;
      readonly initialSignPublicKey: string;
      readonly administratorId: string;
      readonly receiptSalt: string | undefined;
      /** Every rotation, oldest first: what a browser that pinned an older key follows. */
      readonly transitions: readonly DeploymentKeyTransition[];
      /** Sealed copies of the current key, by administrator. */
      readonly holders: Readonly<Record<string, SealedDeploymentKey>>;
    };
export const initialDeploymentState: DeploymentState = { status: 'none' };

/** A share or rotation by someone who holds no copy of the current key, or of another key. */
export class DeploymentKeyRefusedError extends ReportDomainError {
  override readonly name = 'DeploymentKeyRefusedError';
  override readonly code = 'deployment_key_refused';
}

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

export function decideDeployment(
  command: DeploymentCommand,
  state: DeploymentState,
): DeploymentEvent[] {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'InitialiseDeployment': {
      if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
      const { sealedKey, ...data } = command.data;
      if (
        sealedKey.signPublicKey !== data.signPublicKey ||
        sealedKey.administratorId !== data.administratorId
      )
        throw new InvalidCommandError('the sealed key is not the deployment key of this setup');
      return [
        { type: 'DeploymentInitialised', data: { ...data, initialisedAt: now } },
        { type: 'DeploymentKeyShared', data: { sealedKey, sharedBy: 'setup', sharedAt: now } },
      ];
    }
    case 'ShareDeploymentKey': {
      const { state: s, by } = holder(state, command.metadata, command.type);
      const { sealedKey, recipientIsActiveAdministrator } = command.data;
      if (!recipientIsActiveAdministrator)
        throw new DeploymentKeyRefusedError(
          'the deployment key goes to active administrators only',
        );
      if (sealedKey.signPublicKey !== s.signPublicKey)
        throw new DeploymentKeyRefusedError('not the current deployment key');
      return [{ type: 'DeploymentKeyShared', data: { sealedKey, sharedBy: by, sharedAt: now } }];
    }
    case 'RotateDeploymentKey': {
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
      return [
        { type: 'DeploymentKeyRotated', data: { transition, by, rotatedAt: now } },
        { type: 'DeploymentKeyShared', data: { sealedKey, sharedBy: by, sharedAt: now } },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}

export function evolveDeployment(state: DeploymentState, event: DeploymentEvent): DeploymentState {
  switch (event.type) {
    case 'DeploymentInitialised':
      return {
        status: 'initialised',
        signPublicKey: event.data.signPublicKey,
        initialSignPublicKey: event.data.signPublicKey,
        administratorId: event.data.administratorId,
        receiptSalt: event.data.receiptSalt,
        transitions: [],
        holders: {},
      };
    case 'DeploymentKeyShared': {
      if (state.status === 'none') return state;
      const sealed = event.data.sealedKey;
      if (sealed.signPublicKey !== state.signPublicKey) return state;
      return { ...state, holders: { ...state.holders, [sealed.administratorId]: sealed } };
    }
    case 'DeploymentKeyRotated':
      if (state.status === 'none') return state;
      // Copies of the old key no longer make anyone a holder: the rotator re-shares the new one.
      return {
        ...state,
        signPublicKey: event.data.transition.nextPublicKey,
        transitions: [...state.transitions, event.data.transition],
        holders: {},
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const deploymentStream = 'deployment';
export const deploymentDecider: Decider<DeploymentCommand, DeploymentEvent, DeploymentState> = {
  decide: decideDeployment,
  evolve: evolveDeployment,
  initialState: initialDeploymentState,
  parse: (type, data) => deploymentEventSchema.parse({ type, data }),
};
