import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Actor } from '../shared/command.ts';
import { deciderSpec, specClock } from '../shared/decider-spec.ts';
import { fakeInvestigatorHistory } from '../shared/fixtures.ts';
import {
  investigatorDecider,
  investigatorEventSchema,
  type InvestigatorCommand,
  type InvestigatorEvent,
} from './index.ts';

const spec = deciderSpec(investigatorDecider);
const { at, meta } = specClock('2026-02-01T08:00:00.000Z');
const investigatorId = '00000000-0000-4000-8000-000000000001';
const channelId = '00000000-0000-4000-8000-000000000002';
const self: Actor = { kind: 'investigator', investigatorId };
const proof = 'P'.repeat(86);
/** The enrolment is as written before possession proofs: no keyProof. */
const {
  invited,
  enrolled: legacyEnrolled,
  confirmed,
} = fakeInvestigatorHistory(investigatorId, { invitedAt: at });
const proven: InvestigatorEvent = {
  type: 'InvestigatorKeysProven',
  data: { investigatorId, keyProof: proof, provenAt: at },
};
const prove = (keyProof = proof): InvestigatorCommand => ({
  type: 'ProveKeys',
  data: { investigatorId, keyProof },
  metadata: meta(self),
});
const alarm: InvestigatorCommand = {
  type: 'RaiseKeyAlarm',
  data: { investigatorId, channelId, recipientListVersion: 3, reason: 'keys-differ' },
  metadata: meta(self),
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
      .when({ ...prove(), metadata: meta({ kind: 'operator' }) })
      .thenThrows(InvalidCommandError));
});
