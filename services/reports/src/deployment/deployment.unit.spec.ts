import {
  generateBoxKeyPair,
  generateDeploymentKey,
  loadBackend,
  sealDeploymentKey,
  signDeploymentKeyTransition,
} from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Actor } from '../shared/command.ts';
import { deciderSpec } from '../shared/decider-spec.ts';
import { fakeUuid } from '../shared/fixtures.ts';
import {
  deploymentDecider,
  DeploymentKeyRefusedError,
  evolveDeployment,
  initialDeploymentState,
  type DeploymentCommand,
  type DeploymentEvent,
} from './index.ts';

const spec = deciderSpec(deploymentDecider);
const [admin1, admin2, admin3, inv1] = ['admin-1', 'admin-2', 'admin-3', 'inv-1'].map(fakeUuid) as [
  string,
  string,
  string,
  string,
];
const now = new Date('2026-02-01T08:00:00.000Z');
const at = now.toISOString();
const backend = await loadBackend();
const key = generateDeploymentKey(backend);
const next = generateDeploymentKey(backend);
const box = generateBoxKeyPair(backend).publicKey;
const salt = 'AAECAwQFBgcICQoLDA0ODw';
const sealed = (administratorId: string, seed = key.seed) =>
  sealDeploymentKey(backend, { seed, administratorId, boxPublicKey: box });
const meta = (actor: Actor = { kind: 'investigator', investigatorId: admin1 }) => ({
  now,
  eventId: 'e',
  actor,
});

const init: DeploymentCommand = {
  type: 'InitialiseDeployment',
  data: {
    signPublicKey: key.publicKey,
    administratorId: admin1,
    receiptSalt: salt,
    sealedKey: sealed(admin1),
  },
  metadata: meta({ kind: 'system' }),
};
const initialised: DeploymentEvent = {
  type: 'DeploymentInitialised',
  data: {
    signPublicKey: key.publicKey,
    administratorId: admin1,
    receiptSalt: salt,
    initialisedAt: at,
  },
};
const firstCopy: DeploymentEvent = {
  type: 'DeploymentKeyShared',
  data: { sealedKey: init.data.sealedKey, sharedBy: 'setup', sharedAt: at },
};
const share = (to: string, by = admin1, active = true, seed = key.seed) => ({
  type: 'ShareDeploymentKey' as const,
  data: { sealedKey: sealed(to, seed), recipientIsActiveAdministrator: active },
  metadata: meta({ kind: 'investigator', investigatorId: by }),
});
const transition = (sequence = 1, previousSeed = key.seed, nextPublicKey = next.publicKey) =>
  signDeploymentKeyTransition(backend, { sequence, previousSeed, nextPublicKey });
const rotate = (t = transition(), by = admin2, seed = next.seed) => ({
  type: 'RotateDeploymentKey' as const,
  data: { transition: t, sealedKey: sealed(by, seed), backend },
  metadata: meta({ kind: 'investigator', investigatorId: by }),
});

describe('deployment decider', () => {
  it('initialises once, with the first administrator holding a sealed copy', () => {
    spec([]).when(init).then([initialised, firstCopy]);
    spec([initialised, firstCopy]).when(init).thenThrows(IllegalTransitionError);
  });
  it('refuses a setup whose sealed copy is of another key or for someone else', () => {
    for (const sealedKey of [sealed(admin1, next.seed), sealed(admin2)])
      spec([])
        .when({ ...init, data: { ...init.data, sealedKey } } as DeploymentCommand)
        .thenThrows(InvalidCommandError);
  });
  it('lets a holder share the current key with an active administrator', () => {
    const c = share(admin2);
    spec([initialised, firstCopy])
      .when(c)
      .then([
        {
          type: 'DeploymentKeyShared',
          data: {
            sealedKey: c.data.sealedKey,
            sharedBy: admin1,
            sharedAt: at,
          },
        },
      ]);
  });
  it('refuses a share by a non-holder, to a non-administrator, or of another key', () => {
    for (const c of [share(admin3, admin2), share(inv1, admin1, false)])
      spec([initialised, firstCopy]).when(c).thenThrows(DeploymentKeyRefusedError);
    spec([initialised, firstCopy])
      .when(share(admin2, admin1, true, next.seed))
      .thenThrows(DeploymentKeyRefusedError);
    spec([]).when(share(admin2)).thenThrows(IllegalTransitionError);
  });
  it('rotates on a transition signed by the current key, and the new key is current', () => {
    const c = rotate();
    const given = [initialised, firstCopy];
    const events = deploymentDecider.decide(
      c,
      given.reduce(evolveDeployment, initialDeploymentState),
    );
    expect(events.map((e) => e.type)).toEqual(['DeploymentKeyRotated', 'DeploymentKeyShared']);
    const state = [initialised, firstCopy, ...events].reduce(
      evolveDeployment,
      initialDeploymentState,
    );
    expect(state).toMatchObject({
      status: 'initialised',
      signPublicKey: next.publicKey,
      initialSignPublicKey: key.publicKey,
      receiptSalt: salt,
      transitions: [c.data.transition],
    });
    // The old copy no longer makes admin-1 a holder; the rotator holds the new key.
    expect(Object.keys(state.status === 'initialised' ? state.holders : {})).toEqual([admin2]);
  });
  it('refuses a rotation not signed by the current key, or out of sequence', () => {
    const stranger = generateDeploymentKey(backend);
    for (const t of [transition(1, stranger.seed), transition(2)])
      spec([initialised, firstCopy]).when(rotate(t)).thenThrows(DeploymentKeyRefusedError);
    spec([initialised, firstCopy])
      .when(rotate(transition(), admin2, stranger.seed))
      .thenThrows(InvalidCommandError);
  });
});
