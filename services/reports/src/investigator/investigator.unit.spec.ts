import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Actor } from '../shared/command.ts';
import { deciderSpec, specClock } from '../shared/decider-spec.ts';
import {
  fakeInvestigatorHistory,
  fakeLoginVerifier,
  fakeSealedTotpSecret,
  fakeUuid,
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

const spec = deciderSpec(investigatorDecider);
const { now, at, meta } = specClock('2026-02-01T08:00:00.000Z');
const investigatorId = 'inv-1';
const codeHash = 'a'.repeat(64);
const verifier = fakeLoginVerifier();
const sealedTotpSecret = fakeSealedTotpSecret();
const keys = { signPublicKey: 'spk', boxPublicKey: 'bpk', vault: fakeVault(fakeUuid('inv')) };
const keyProof = 'P'.repeat(86);
const { invited, enrolled, confirmed, deactivated } = fakeInvestigatorHistory(
  investigatorId,
  { invitedAt: at },
  { keys },
);

const invite: InvestigatorCommand = {
  type: 'InviteInvestigator',
  data: {
    investigatorId,
    handle: 'ndapewa',
    role: 'investigator',
    enrolmentCodeHash: codeHash,
    validForHours: 72,
  },
  metadata: meta(),
};
const enrol = (hash = codeHash, when = now): InvestigatorCommand => ({
  type: 'EnrolInvestigator',
  data: {
    investigatorId,
    enrolmentCodeHash: hash,
    ...keys,
    loginVerifier: verifier,
    sealedTotpSecret,
    keyProof,
  },
  metadata: { ...meta({ kind: 'system' }), now: when },
});
const confirm: InvestigatorCommand = {
  type: 'ConfirmTotp',
  data: { investigatorId },
  metadata: meta(),
};
const promote: InvestigatorCommand = {
  type: 'ChangeInvestigatorRole',
  data: { investigatorId, role: 'administrator' },
  metadata: meta(),
};
const deactivate: InvestigatorCommand = {
  type: 'DeactivateInvestigator',
  data: { investigatorId },
  metadata: meta(),
};

describe('investigator decider', () => {
  it('invites with a 72-hour enrolment code', () =>
    spec([])
      .when(invite)
      .then([{ ...invited, data: { ...invited.data, expiresAt: '2026-02-04T08:00:00.000Z' } }]));
  it('refuses a second invitation', () =>
    spec([invited]).when(invite).thenThrows(IllegalTransitionError));
  it('refuses an invitation from a whistleblower', () =>
    spec([])
      .when({ ...invite, metadata: meta({ kind: 'whistleblower' }) })
      .thenThrows(InvalidCommandError));

  it('enrols with the right code before it expires', () =>
    spec([invited])
      .when(enrol())
      .then([{ ...enrolled, data: { ...enrolled.data, keyProof } }]));
  it('refuses a wrong code', () =>
    spec([invited])
      .when(enrol('b'.repeat(64)))
      .thenThrows(EnrolmentRefusedError));
  it('refuses an expired code', () =>
    spec([invited])
      .when(enrol(codeHash, new Date('2026-02-04T08:00:00.000Z')))
      .thenThrows(EnrolmentRefusedError));
  it('refuses enrolment without invitation', () =>
    spec([]).when(enrol()).thenThrows(InvestigatorNotFoundError));
  it('refuses a second enrolment', () =>
    spec([invited, enrolled]).when(enrol()).thenThrows(IllegalTransitionError));

  it('confirms TOTP once enrolled', () =>
    spec([invited, enrolled]).when(confirm).then([confirmed]));
  it('refuses TOTP confirmation before enrolment or twice', () => {
    spec([invited]).when(confirm).thenThrows(IllegalTransitionError);
    spec([invited, enrolled, confirmed]).when(confirm).thenThrows(IllegalTransitionError);
    spec([]).when(confirm).thenThrows(InvestigatorNotFoundError);
  });

  it('changes the role', () =>
    spec([invited, enrolled, confirmed])
      .when(promote)
      .then([
        {
          type: 'InvestigatorRoleChanged',
          data: { investigatorId, role: 'administrator', by: 'admin-1', changedAt: at },
        },
      ]));
  it('refuses an unchanged role, an unknown or a deactivated account', () => {
    spec([invited])
      .when({ ...promote, data: { investigatorId, role: 'investigator' } })
      .thenThrows(InvalidCommandError);
    spec([]).when(promote).thenThrows(InvestigatorNotFoundError);
    spec([invited, enrolled, confirmed, deactivated])
      .when(promote)
      .thenThrows(IllegalTransitionError);
  });

  it('deactivates an enrolled account', () =>
    spec([invited, enrolled, confirmed]).when(deactivate).then([deactivated]));
  it('refuses to deactivate twice, an unused invitation, or an unknown account', () => {
    spec([invited, enrolled, deactivated]).when(deactivate).thenThrows(IllegalTransitionError);
    spec([invited]).when(deactivate).thenThrows(IllegalTransitionError);
    spec([]).when(deactivate).thenThrows(InvestigatorNotFoundError);
  });

  it('holds the sealed TOTP secret as sealed, naming the event that sealed it', () => {
    const state = [invited, enrolled].reduce(evolveInvestigator, investigatorDecider.initialState);
    expect(state.status === 'enrolled' && state.totp).toEqual({
      kind: 'sealed',
      sealed: sealedTotpSecret,
      sealedIn: 'InvestigatorEnrolled',
    });
  });
});

describe('TOTP secrets at rest', () => {
  const legacy = {
    investigatorId,
    ...keys,
    loginVerifier: verifier,
    totpSecret: 'JBSWY3DPEHPK3PXPJBSW',
    enrolledAt: at,
  };
  it('still reads an enrolment written before sealing, as a plain secret', () => {
    const event = investigatorDecider.parse('InvestigatorEnrolled', legacy);
    const state = [invited, event].reduce(evolveInvestigator, investigatorDecider.initialState);
    expect(state.status === 'enrolled' && state.totp).toEqual({
      kind: 'plain',
      secret: 'JBSWY3DPEHPK3PXPJBSW',
    });
  });
  it('refuses an enrolment with both secrets, with neither, or with a malformed seal', () => {
    expect(() =>
      investigatorDecider.parse('InvestigatorEnrolled', { ...legacy, sealedTotpSecret }),
    ).toThrow();
    const { totpSecret: _plain, ...neither } = legacy;
    expect(() => investigatorDecider.parse('InvestigatorEnrolled', neither)).toThrow();
    expect(() =>
      investigatorDecider.parse('InvestigatorEnrolled', {
        ...neither,
        sealedTotpSecret: { ...sealedTotpSecret, alg: 'none' },
      }),
    ).toThrow();
    expect(() =>
      investigatorDecider.parse('InvestigatorEnrolled', {
        ...neither,
        sealedTotpSecret: { ...sealedTotpSecret, secret: 'JBSWY3DPEHPK3PXPJBSW' },
      }),
    ).toThrow();
  });
});

describe('sign-ins in the audit trail', () => {
  const later = new Date('2026-02-01T08:17:42.123Z');
  const self: Actor = { kind: 'investigator', investigatorId };
  const signIn: InvestigatorCommand = {
    type: 'RecordSignIn',
    data: { investigatorId },
    metadata: { ...meta(self), now: later },
  };
  const signOut: InvestigatorCommand = { ...signIn, type: 'RecordSignOut' };
  const failures = (f: number, t: number): InvestigatorCommand => ({
    type: 'RecordSignInFailures',
    data: { investigatorId, failures: f, throttled: t },
    metadata: { ...meta({ kind: 'system' }), now: later },
  });
  const active = [invited, enrolled, confirmed];

  it('records a sign-in and a sign-out of an active account, to the minute', () => {
    spec(active)
      .when(signIn)
      .then([
        {
          type: 'InvestigatorSignedIn',
          data: { investigatorId, signedInAt: '2026-02-01T08:17:00.000Z' },
        },
      ]);
    spec(active)
      .when(signOut)
      .then([
        {
          type: 'InvestigatorSignedOut',
          data: { investigatorId, signedOutAt: '2026-02-01T08:17:00.000Z' },
        },
      ]);
  });
  it('refuses a sign-in of an unknown, unconfirmed or deactivated account', () => {
    spec([]).when(signIn).thenThrows(InvestigatorNotFoundError);
    spec([invited, enrolled]).when(signIn).thenThrows(IllegalTransitionError);
    spec([...active, deactivated])
      .when(signIn)
      .thenThrows(IllegalTransitionError);
    spec([invited]).when(signOut).thenThrows(IllegalTransitionError);
  });
  it('records failed attempts of any existing account, aggregated', () => {
    const failed: InvestigatorEvent = {
      type: 'InvestigatorSignInFailed',
      data: { investigatorId, failures: 3, throttled: 40, failedAt: '2026-02-01T08:17:00.000Z' },
    };
    spec(active).when(failures(3, 40)).then([failed]);
    spec([invited]).when(failures(3, 40)).then([failed]);
    spec([...active, deactivated])
      .when(failures(3, 40))
      .then([failed]);
  });
  it('refuses failures of an unknown account, or none at all, or a bad count', () => {
    spec([]).when(failures(1, 0)).thenThrows(InvestigatorNotFoundError);
    spec(active).when(failures(0, 0)).thenThrows(InvalidCommandError);
    spec(active).when(failures(-1, 2)).thenThrows(InvalidCommandError);
    spec(active).when(failures(1.5, 0)).thenThrows(InvalidCommandError);
  });
  it('sign-in events change nothing the account rules depend on', () => {
    const before = active.reduce(evolveInvestigator, investigatorDecider.initialState);
    const after = [
      ...active,
      ...investigatorDecider.decide(signIn, before),
      ...investigatorDecider.decide(failures(1, 0), before),
      ...investigatorDecider.decide(signOut, before),
    ].reduce(evolveInvestigator, investigatorDecider.initialState);
    expect(after).toEqual(before);
  });
});
