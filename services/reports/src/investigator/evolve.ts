import { evolveCredentials } from './credentials.ts';
import type { InvestigatorEvent } from './events.ts';
import { evolveKeyBinding } from './key-binding.ts';
import type { InvestigatorState, SealedTotpSecret, TotpAtRest } from './state.ts';

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
