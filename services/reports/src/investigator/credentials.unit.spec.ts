import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import { deciderSpec, specClock } from '../shared/decider-spec.ts';
import {
  fakeInvestigatorHistory,
  fakeLoginVerifier,
  fakeSealedTotpSecret,
  fakeVault,
} from '../shared/fixtures.ts';
import {
  EnrolmentRefusedError,
  evolveInvestigator,
  investigatorDecider,
  InvestigatorNotFoundError,
  type InvestigatorCommand,
  type InvestigatorEvent,
} from './index.ts';

/** TOTP reset by an administrator, re-enrolment with a one-time code, and vault changes. */
const spec = deciderSpec(investigatorDecider);
const { now, at, meta } = specClock('2026-03-02T10:00:00.000Z');
const investigatorId = '6f1c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
const vault = fakeVault(investigatorId);
const newSecret = fakeSealedTotpSecret('second');
const resetHash = 'c'.repeat(64);

const { invited, enrolled, confirmed, deactivated } = fakeInvestigatorHistory(
  investigatorId,
  {
    invitedAt: '2026-03-01T08:00:00.000Z',
    expiresAt: '2026-03-01T11:00:00.000Z',
    enrolledAt: '2026-03-01T09:00:00.000Z',
    confirmedAt: '2026-03-01T09:01:00.000Z',
    deactivatedAt: at,
  },
  { sealedTotpSecret: fakeSealedTotpSecret('first') },
);
const active = [invited, enrolled, confirmed];

const reset: InvestigatorCommand = {
  type: 'ResetTotp',
  data: { investigatorId, enrolmentCodeHash: resetHash, validForHours: 72 },
  metadata: meta(),
};
const wasReset: InvestigatorEvent = {
  type: 'InvestigatorTotpReset',
  data: {
    investigatorId,
    enrolmentCodeHash: resetHash,
    expiresAt: '2026-03-05T10:00:00.000Z',
    by: 'admin-1',
    resetAt: at,
  },
};
const reenrol = (hash = resetHash, when = now): InvestigatorCommand => ({
  type: 'ReenrolTotp',
  data: { investigatorId, enrolmentCodeHash: hash, sealedTotpSecret: newSecret },
  metadata: { now: when, eventId: 'e', actor: { kind: 'system' } },
});
const reenrolled: InvestigatorEvent = {
  type: 'InvestigatorTotpReenrolled',
  data: { investigatorId, sealedTotpSecret: newSecret, reenrolledAt: at },
};
const confirm: InvestigatorCommand = {
  type: 'ConfirmTotp',
  data: { investigatorId },
  metadata: meta({ kind: 'system' }),
};
const newVault = { ...vault, kdf: { ...vault.kdf, salt: 'bmV3LXNhbHQtMTYtYnl0ZQ' } };
const newVerifier = { ...fakeLoginVerifier(), hash: 'bmV3LXZlcmlmaWVyLWhhc2gtb2YtMzItYnl0ZXMtb2s' };
const changeVault = (v = newVault): InvestigatorCommand => ({
  type: 'ChangeVault',
  data: { investigatorId, vault: v, loginVerifier: newVerifier },
  metadata: meta({ kind: 'investigator', investigatorId }),
});
const fold = (events: InvestigatorEvent[]) =>
  events.reduce(evolveInvestigator, investigatorDecider.initialState);

describe('TOTP reset', () => {
  it('an administrator resets the TOTP of an active account, recorded with the actor', () =>
    spec(active).when(reset).then([wasReset]));
  it('can reset again while a reset is pending (a lost code is replaced)', () =>
    spec([...active, wasReset, reenrolled])
      .when(reset)
      .then([wasReset]));
  it('refuses a reset of an unknown, invited, unconfirmed or deactivated account', () => {
    spec([]).when(reset).thenThrows(InvestigatorNotFoundError);
    spec([invited]).when(reset).thenThrows(IllegalTransitionError);
    spec([invited, enrolled]).when(reset).thenThrows(IllegalTransitionError);
    spec([...active, deactivated])
      .when(reset)
      .thenThrows(IllegalTransitionError);
  });
  it('refuses a reset by a whistleblower or with a nonsensical validity', () => {
    spec(active)
      .when({ ...reset, metadata: { ...reset.metadata, actor: { kind: 'whistleblower' } } })
      .thenThrows(InvalidCommandError);
    spec(active)
      .when({ ...reset, data: { ...reset.data, validForHours: 0 } } as InvestigatorCommand)
      .thenThrows(InvalidCommandError);
  });
  it('the operator resets a TOTP (the recovery tool), recorded as by operator', () => {
    const operator = { ...reset.metadata, actor: { kind: 'operator' } as const };
    spec([...active, wasReset])
      .when({ ...reset, metadata: operator })
      .then([{ ...wasReset, data: { ...wasReset.data, by: 'operator' } }]);
  });
  it('the operator can do nothing else to an account', () => {
    const operator = { now, eventId: 'e', actor: { kind: 'operator' } as const };
    spec([...active, wasReset])
      .when({ ...reenrol(), metadata: operator })
      .thenThrows(InvalidCommandError);
    spec([...active, wasReset, reenrolled])
      .when({ ...confirm, metadata: operator })
      .thenThrows(InvalidCommandError);
    spec(active)
      .when({ ...changeVault(), metadata: operator })
      .thenThrows(InvalidCommandError);
    spec(active)
      .when({
        type: 'ChangeInvestigatorRole',
        data: { investigatorId, role: 'administrator' },
        metadata: operator,
      })
      .thenThrows(InvalidCommandError);
    spec(active)
      .when({ type: 'RecordSignIn', data: { investigatorId }, metadata: operator })
      .thenThrows(InvalidCommandError);
  });
  it('the old secret stops working at once: the account is no longer active', () => {
    expect(fold([...active, wasReset]).status).toBe('totp_reset');
  });

  it('re-enrols a new sealed secret with the reset code before it expires', () =>
    spec([...active, wasReset])
      .when(reenrol())
      .then([reenrolled]));
  it('refuses a wrong or expired reset code, and re-enrolment without a reset', () => {
    spec([...active, wasReset])
      .when(reenrol('d'.repeat(64)))
      .thenThrows(EnrolmentRefusedError);
    spec([...active, wasReset])
      .when(reenrol(resetHash, new Date('2026-03-05T10:00:00.000Z')))
      .thenThrows(EnrolmentRefusedError);
    spec(active).when(reenrol()).thenThrows(IllegalTransitionError);
    spec([]).when(reenrol()).thenThrows(InvestigatorNotFoundError);
  });
  it('confirming the new secret makes it the account secret and the account active again', () => {
    spec([...active, wasReset, reenrolled])
      .when(confirm)
      .then([{ type: 'InvestigatorTotpConfirmed', data: { investigatorId, confirmedAt: at } }]);
    const state = fold([
      ...active,
      wasReset,
      reenrolled,
      { type: 'InvestigatorTotpConfirmed', data: { investigatorId, confirmedAt: at } },
    ]);
    expect(state.status).toBe('active');
    expect(state.status === 'active' && state.totp).toEqual({
      kind: 'sealed',
      sealed: newSecret,
      sealedIn: 'InvestigatorTotpReenrolled',
    });
    expect(state).not.toHaveProperty('pendingTotp');
  });
  it('refuses to confirm before a new secret is bound', () =>
    spec([...active, wasReset])
      .when(confirm)
      .thenThrows(IllegalTransitionError));
  it('a second reset drops a secret bound under the first code', () => {
    const state = fold([...active, wasReset, reenrolled, wasReset]);
    expect(state.status).toBe('totp_reset');
    expect(state).not.toHaveProperty('pendingTotp');
  });
  it('an account in reset can still be deactivated', () => {
    spec([...active, wasReset])
      .when({
        type: 'DeactivateInvestigator',
        data: { investigatorId },
        metadata: meta(),
      })
      .then([deactivated]);
    expect(fold([...active, wasReset, reenrolled, deactivated]).status).toBe('deactivated');
  });
});

describe('vault change', () => {
  const changed: InvestigatorEvent = {
    type: 'InvestigatorVaultChanged',
    data: { investigatorId, vault: newVault, loginVerifier: newVerifier, changedAt: at },
  };
  it('replaces the vault and the login verifier of an active account', () => {
    spec(active).when(changeVault()).then([changed]);
    const state = fold([...active, changed]);
    expect(state.status === 'active' && state.vault).toEqual(newVault);
    expect(state.status === 'active' && state.loginVerifier).toEqual(newVerifier);
  });
  it('refuses a vault around other key pairs or for another account', () => {
    spec(active)
      .when(changeVault({ ...newVault, boxPublicKey: 'b'.repeat(43) }))
      .thenThrows(InvalidCommandError);
    spec(active)
      .when(changeVault({ ...newVault, signPublicKey: 's'.repeat(43) }))
      .thenThrows(InvalidCommandError);
    spec(active)
      .when(changeVault({ ...newVault, investigatorId: 'someone-else' }))
      .thenThrows(InvalidCommandError);
  });
  it('refuses a vault change of an account that is not active', () => {
    spec([]).when(changeVault()).thenThrows(InvestigatorNotFoundError);
    spec([invited, enrolled]).when(changeVault()).thenThrows(IllegalTransitionError);
    spec([...active, wasReset])
      .when(changeVault())
      .thenThrows(IllegalTransitionError);
    spec([...active, deactivated])
      .when(changeVault())
      .thenThrows(IllegalTransitionError);
  });
});
