import type { Decider } from '../shared/handle.ts';
import type { DeploymentCommand } from './commands.ts';
import { decideDeployment } from './decide.ts';
import { parseDeploymentEvent, type DeploymentEvent } from './events.ts';
import { evolveDeployment } from './evolve.ts';
import { initialDeploymentState, type DeploymentState } from './state.ts';

export const deploymentStream = 'deployment';
export const deploymentDecider: Decider<DeploymentCommand, DeploymentEvent, DeploymentState> = {
  decide: decideDeployment,
  evolve: evolveDeployment,
  initialState: initialDeploymentState,
  parse: parseDeploymentEvent,
};
