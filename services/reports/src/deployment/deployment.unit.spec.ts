import { describe, it } from 'vitest';
import { IllegalTransitionError } from '../report/errors.ts';
import { deciderSpec } from '../shared/decider-spec.ts';
import { deploymentDecider, type DeploymentCommand } from './deployment.ts';

const spec = deciderSpec(deploymentDecider);
const now = new Date('2026-02-01T08:00:00.000Z');
const init: DeploymentCommand = {
  type: 'InitialiseDeployment',
  data: { signPublicKey: 'dpk', administratorId: 'admin-1' },
  metadata: { now, eventId: 'e', actor: { kind: 'system' } },
};

describe('deployment decider', () => {
  it('initialises once', () =>
    spec([])
      .when(init)
      .then([
        {
          type: 'DeploymentInitialised',
          data: {
            signPublicKey: 'dpk',
            administratorId: 'admin-1',
            initialisedAt: now.toISOString(),
          },
        },
      ]));
  it('refuses a second setup', () =>
    spec([
      {
        type: 'DeploymentInitialised',
        data: { signPublicKey: 'x', administratorId: 'a', initialisedAt: now.toISOString() },
      },
    ])
      .when(init)
      .thenThrows(IllegalTransitionError));
});
