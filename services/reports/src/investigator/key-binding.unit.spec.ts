import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Actor } from '../shared/command.ts';
import { deciderSpec } from '../shared/decider-spec.ts';
import { fakeLoginVerifier, fakeSealedTotpSecret, fakeVault } from '../shared/fixtures.ts';
import {
  investigatorDecider,
  investigatorEventSchema,
  type InvestigatorCommand,
  type InvestigatorEvent,
} from './index.ts';

const spec = deciderSpec(investigatorDecider);
const now = new Date('2026-02-01T08:00:00.000Z');
const at = now.toISOString();
const investigatorId = '00000000-0000-4000-8000-000000000001';
const channelId = '00000000-0000-4000-8000-000000000002';
const self: Actor = { kind: 'investigator', investigatorId };
const proof = 'P'.repeat(86);
const vault = fakeVault(investigatorId);

const invited: InvestigatorEvent = {
  type: 'InvestigatorInvited',
  data: {
    investigatorId,
    handle: 'ndapewa',
    role: 'investigator',
    enrolmentCodeHash: 'a'.repeat(64),
    expiresAt: '2026-02-04T08:00:00.000Z',
    by: 'admin-1',
    invitedAt: at,
  },
};
/** As written before possession proofs: no keyProof. */
const legacyEnrolled: InvestigatorEvent = {
  type: 'InvestigatorEnrolled',
  data: {
    investigatorId,
    signPublicKey: vault.signPublicKey,
    boxPublicKey: vault.boxPublicKey,
    vault,
    loginVerifier: fakeLoginVerifier(),
    sealedTotpSecret: fakeSealedTotpSecret(),
    enrolledAt: at,
  },
};
const confirmed: InvestigatorEvent = {
  type: 'InvestigatorTotpConfirmed',
  data: { investigatorId, confirmedAt: at },
};
const proven: InvestigatorEvent = {
  type: 'InvestigatorKeysProven',
  data: { investigatorId, keyProof: proof, provenAt: at },
};
const prove = (keyProof = proof): InvestigatorCommand => ({
  type: 'ProveKeys',
  data: { investigatorId, keyProof },
  metadata: { now, eventId: 'e', actor: self },
});
const alarm: InvestigatorCommand = {
  type: 'RaiseKeyAlarm',
  data: { investigatorId, channelId, recipientListVersion: 3, reason: 'keys-differ' },
  metadata: { now, eventId: 'e', actor: self },
};

describe('keys bound to people', () => {
  it('still reads an enrolment written before proofs, and folds it without a proof', () => {
    expect(investigatorEventSchema.parse(legacyEnrolled)).toEqual(legacyEnrolled);
    const state = [invited, legacyEnrolled, confirmed].reduce(
      investigatorDecider.evolve,
      investigatorDecider.initialState,
    );
    expect(state.status).toBe('active');
    expect('keyProof' in state && state.keyProof).toBeFalsy();
  });

  it('an active account without a proof adds one', () =>
    spec([invited, legacyEnrolled, confirmed]).when(prove()).then([proven]));

  it('the same proof again writes nothing; another one is refused', () => {
    spec([invited, legacyEnrolled, confirmed, proven]).when(prove()).then([]);
    spec([invited, legacyEnrolled, confirmed, proven])
      .when(prove('Q'.repeat(86)))
      .thenThrows(InvalidCommandError);
  });

  it('an account not yet active cannot prove or raise an alarm', () => {
    spec([invited, legacyEnrolled]).when(prove()).thenThrows(IllegalTransitionError);
    spec([invited]).when(alarm).thenThrows(IllegalTransitionError);
  });

  it('records an alarm for the account and the channel, changing nothing else', () => {
    spec([invited, legacyEnrolled, confirmed])
      .when(alarm)
      .then([
        {
          type: 'InvestigatorKeyMismatchAlarmed',
          data: {
            investigatorId,
            channelId,
            recipientListVersion: 3,
            reason: 'keys-differ',
            alarmedAt: at,
          },
        },
      ]);
    const before = [invited, legacyEnrolled, confirmed].reduce(
      investigatorDecider.evolve,
      investigatorDecider.initialState,
    );
    const [event] = investigatorDecider.decide(alarm, before);
    expect(investigatorDecider.evolve(before, event!)).toBe(before);
  });

  it('the operator can do neither', () =>
    spec([invited, legacyEnrolled, confirmed])
      .when({ ...prove(), metadata: { now, eventId: 'e', actor: { kind: 'operator' } } })
      .thenThrows(InvalidCommandError));
});
