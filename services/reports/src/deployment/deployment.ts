import { z } from 'zod';
import type { CommandMetadata } from '../shared/command.ts';
import type { Decider } from '../shared/handle.ts';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';

/**
 * The `deployment` stream: first-run setup. It holds the deployment's public signing key (the
 * private key stays with the administrators, wrapped in their vaults) and the first
 * administrator. Appending with 'no_stream' makes setup happen exactly once.
 */
export const deploymentEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('DeploymentInitialised'),
    data: z.object({
      signPublicKey: z.string().min(1).max(512),
      administratorId: z.string().min(1).max(128),
      initialisedAt: z.iso.datetime(),
    }),
  }),
]);
export type DeploymentEvent = z.infer<typeof deploymentEventSchema>;
export const deploymentEventTypes = ['DeploymentInitialised'] as const;

export type DeploymentCommand = {
  readonly type: 'InitialiseDeployment';
  readonly data: { signPublicKey: string; administratorId: string };
  readonly metadata: CommandMetadata;
};

export type DeploymentState =
  | { readonly status: 'none' }
  | {
      readonly status: 'initialised';
      readonly signPublicKey: string;
      readonly administratorId: string;
    };
export const initialDeploymentState: DeploymentState = { status: 'none' };

export function decideDeployment(
  command: DeploymentCommand,
  state: DeploymentState,
): DeploymentEvent[] {
  switch (command.type) {
    case 'InitialiseDeployment':
      if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
      return [
        {
          type: 'DeploymentInitialised',
          data: { ...command.data, initialisedAt: command.metadata.now.toISOString() },
        },
      ];
    default: {
      const _exhaustive: never = command.type;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}

export function evolveDeployment(_state: DeploymentState, event: DeploymentEvent): DeploymentState {
  return {
    status: 'initialised',
    signPublicKey: event.data.signPublicKey,
    administratorId: event.data.administratorId,
  };
}

export const deploymentStream = 'deployment';
export const deploymentDecider: Decider<DeploymentCommand, DeploymentEvent, DeploymentState> = {
  decide: decideDeployment,
  evolve: evolveDeployment,
  initialState: initialDeploymentState,
  parse: (type, data) => deploymentEventSchema.parse({ type, data }),
};
