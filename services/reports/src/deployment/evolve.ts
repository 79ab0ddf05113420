import type { DeploymentEvent } from './events.ts';
import type { DeploymentState } from './state.ts';

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
