// Referral to another channel (SECURITY.md, Protocol step 11): proposal with a sealed reason (and
// the target's key shares only when the channel informs only), the whistleblower's answer with
// the shares their browser made, withdrawal, and inform-only channels.
import { describe, it } from 'vitest';
import type { Actor } from '../shared/command.ts';
import { deciderSpec } from '../shared/decider-spec.ts';
import {
  fakeB64,
  fakeMessageEnvelope,
  fakeSubmissionEnvelope,
  fakeUuid,
} from '../shared/fixtures.ts';
import type { ProposeReferral, ReportCommand } from './commands.ts';
import {
  DuplicateItemError,
  IllegalTransitionError,
  InvalidCommandError,
  MessageOutOfSequenceError,
  ReferralConflictError,
  WrongAuthorError,
} from './errors.ts';
import type { ReportEvent } from './events.ts';
import { reportDecider } from './handle.ts';

const spec = deciderSpec(reportDecider);
const reportId = fakeUuid('report');
const channelA = fakeUuid('channel-a');
const channelB = fakeUuid('channel-b');
const alice = fakeUuid('alice');
const bea = fakeUuid('bea');
const ben = fakeUuid('ben');
const referralId = fakeUuid('referral-1');
const now = new Date('2026-03-04T10:17:42.123Z');
const at = now.toISOString();
const atMinute = '2026-03-04T10:17:00.000Z';
const investigator: Actor = { kind: 'investigator', investigatorId: alice };
const whistleblower: Actor = { kind: 'whistleblower' };
const aliceKey = fakeB64(32, 'sign:alice');
const reason = (id = referralId, sequence = 0, authorKey = aliceKey) =>
  fakeMessageEnvelope(reportId, id, 'investigator', { authorKey, sequence });
const share = (recipientId: string, patch: Record<string, unknown> = {}) => ({
  v: 1 as const,
  reportId,
  recipientId,
  boxPublicKey: fakeB64(32, `box:${recipientId}`),
  sharedBy: alice,
  wrappedKey: fakeB64(80, `wrapped:${recipientId}`),
  signature: fakeB64(64, 'signature'),
  ...patch,
});
const deadlines = { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 };
/** The referrer's shares, made at proposal by an inform-only channel. */
const informShares = [share(bea), share(ben)];
/** The whistleblower's shares, made on acceptance: signed with the receipt's key. */
const consentShares = [share(bea, { sharedBy: reportId }), share(ben, { sharedBy: reportId })];
/** A second referral of the case, whose reason is the referrer's next in the thread. */
const second = { referralId: fakeUuid('referral-2'), reason: reason(fakeUuid('referral-2'), 1) };

const submitted: ReportEvent = {
  type: 'ReportSubmitted',
  data: {
    reportId,
    channelId: channelA,
    receivedAt: '2026-03-01T09:00:00.000Z',
    acknowledgementDueAt: '2026-03-08T09:00:00.000Z',
    envelope: fakeSubmissionEnvelope(reportId, channelA),
  },
};
const closed: ReportEvent = {
  type: 'ReportClosed',
  data: { reportId, by: alice, outcome: 'substantiated', closedAt: at },
};

/** What alice proposes, and `ReferralProposed` records: channel B, asking consent, no hand-over. */
const proposal = () => ({
  reportId,
  referralId,
  toChannelId: channelB,
  mode: 'consent' as const,
  handOver: false,
  targetDeadlines: deadlines,
  shares: [] as ReturnType<typeof share>[],
  reason: reason(),
});
const propose = (
  patch: Partial<ProposeReferral['data']> = {},
  actor: Actor = investigator,
): ReportCommand => ({
  type: 'ProposeReferral',
  data: { ...proposal(), authorKey: aliceKey, ...patch },
  metadata: { now, eventId: 'e-1', actor },
});
const answer = (
  type: 'AcceptReferral' | 'DeclineReferral' | 'WithdrawReferral',
  actor: Actor = type === 'WithdrawReferral' ? investigator : whistleblower,
  id = referralId,
  shares = consentShares,
): ReportCommand =>
  ({
    type,
    data: { reportId, referralId: id, ...(type === 'AcceptReferral' && { shares }) },
    metadata: { now, eventId: 'e-2', actor },
  }) as ReportCommand;

/** `command` comes too late (or too early) for the referral: refused as a conflict. */
const conflicts = (after: ReportEvent[], command: ReportCommand) =>
  spec([submitted, ...after])
    .when(command)
    .thenThrows(ReferralConflictError);

const proposed = (patch: Record<string, unknown> = {}): ReportEvent => ({
  type: 'ReferralProposed',
  data: {
    ...proposal(),
    by: alice,
    fromChannelId: channelA,
    proposedAt: at,
    ...patch,
  } as Extract<ReportEvent, { type: 'ReferralProposed' }>['data'],
});
const accepted = (consent: 'given' | 'not_asked', acceptedAt: string): ReportEvent => ({
  type: 'ReferralAccepted',
  data: {
    reportId,
    referralId,
    toChannelId: channelB,
    consent,
    acceptedAt,
    acknowledgementDueAt: new Date(Date.parse(acceptedAt) + 7 * 86_400_000).toISOString(),
    feedbackDueAt: acceptedAt.replace('2026-03-', '2026-06-'),
    ...(consent === 'given' && { shares: consentShares }),
  },
});
const declined: ReportEvent = {
  type: 'ReferralDeclined',
  data: { reportId, referralId, declinedAt: atMinute },
};
const withdrawn: ReportEvent = {
  type: 'ReferralWithdrawn',
  data: { reportId, referralId, by: alice, withdrawnAt: at },
};

describe('referral decider', () => {
  describe('ProposeReferral', () => {
    it('proposes with the sealed reason and the target’s deadlines, and no key share', () =>
      spec([submitted]).when(propose()).then([proposed()]));
    it('refuses a key share in a proposal that awaits the whistleblower’s consent', () =>
      spec([submitted])
        .when(propose({ shares: informShares }))
        .thenThrows(InvalidCommandError));
    it('forwards at once with the target’s shares when the channel informs only', () => {
      const inform = { mode: 'inform' as const, handOver: true, shares: informShares };
      spec([submitted])
        .when(propose(inform))
        .then([proposed(inform), accepted('not_asked', at)]);
    });
    it('refuses a referral to the report’s own channel', () =>
      spec([submitted])
        .when(propose({ toChannelId: channelA }))
        .thenThrows(InvalidCommandError));
    it('refuses a second proposal while one awaits the whistleblower', () =>
      conflicts([proposed()], propose(second)));
    it('refuses to propose again to a channel that already has the report', () =>
      conflicts([proposed(), accepted('given', atMinute)], propose(second)));
    it('proposes again after a decline, with the next reason of the thread', () =>
      spec([submitted, proposed(), declined])
        .when(propose(second))
        .then([proposed(second)]));
    it('refuses a reused referral id', () =>
      spec([submitted, proposed(), withdrawn])
        .when(propose({ reason: reason(referralId, 1) }))
        .thenThrows(DuplicateItemError));
    it('refuses inform-only shares of another report or sharer, none, or two for one recipient', () => {
      for (const shares of [
        [share(bea, { reportId: fakeUuid('other') })],
        [share(bea, { sharedBy: bea })],
        [],
        [share(bea), share(bea)],
      ])
        spec([submitted])
          .when(propose({ mode: 'inform', shares }))
          .thenThrows(InvalidCommandError);
    });
    it('refuses a reason not signed with the caller’s key, out of sequence, or for another id', () => {
      spec([submitted])
        .when(propose({ reason: reason(referralId, 0, fakeB64(32, 'mallory')) }))
        .thenThrows(WrongAuthorError);
      spec([submitted])
        .when(propose({ reason: reason(referralId, 1) }))
        .thenThrows(MessageOutOfSequenceError);
      spec([submitted])
        .when(propose({ reason: reason(fakeUuid('other')) }))
        .thenThrows(InvalidCommandError);
    });
    it('refuses a whistleblower or the system, and a closed report', () => {
      spec([submitted]).when(propose({}, whistleblower)).thenThrows(InvalidCommandError);
      spec([submitted])
        .when(propose({}, { kind: 'system' }))
        .thenThrows(InvalidCommandError);
      spec([submitted, closed]).when(propose()).thenThrows(IllegalTransitionError);
    });
  });

  describe('AcceptReferral / DeclineReferral', () => {
    it('accepts to the minute and starts the target’s own deadlines there', () =>
      spec([submitted, proposed()])
        .when(answer('AcceptReferral'))
        .then([accepted('given', atMinute)]));
    it('refuses acceptance shares of another report or sharer, none, or two for one recipient', () => {
      for (const shares of [
        [share(bea, { sharedBy: reportId, reportId: fakeUuid('other') })],
        [share(bea)],
        [],
        [share(bea, { sharedBy: reportId }), share(bea, { sharedBy: reportId })],
      ])
        spec([submitted, proposed()])
          .when(answer('AcceptReferral', whistleblower, referralId, shares))
          .thenThrows(InvalidCommandError);
    });
    it('declines to the minute', () =>
      spec([submitted, proposed()]).when(answer('DeclineReferral')).then([declined]));
    it('writes nothing for the same answer again (a retry)', () => {
      spec([submitted, proposed(), accepted('given', atMinute)])
        .when(answer('AcceptReferral'))
        .then([]);
      spec([submitted, proposed(), declined]).when(answer('DeclineReferral')).then([]);
    });
    it('refuses the other answer once answered, a withdrawn or unknown referral', () => {
      conflicts([proposed(), declined], answer('AcceptReferral'));
      conflicts([proposed(), accepted('given', atMinute)], answer('DeclineReferral'));
      conflicts([proposed(), withdrawn], answer('AcceptReferral'));
      conflicts([proposed()], answer('AcceptReferral', whistleblower, fakeUuid('unknown')));
    });
    it('never asks about an inform-only referral: it took effect already', () =>
      conflicts(
        [proposed({ mode: 'inform' }), accepted('not_asked', at)],
        answer('DeclineReferral'),
      ));
    it('refuses an answer from anyone but the whistleblower', () =>
      spec([submitted, proposed()])
        .when(answer('AcceptReferral', investigator))
        .thenThrows(InvalidCommandError));
  });

  describe('WithdrawReferral', () => {
    it('withdraws a proposal the whistleblower has not answered', () =>
      spec([submitted, proposed()]).when(answer('WithdrawReferral')).then([withdrawn]));
    it('refuses once answered: an accepted referral shared its key already', () => {
      conflicts([proposed(), accepted('given', atMinute)], answer('WithdrawReferral'));
      conflicts([proposed(), declined], answer('WithdrawReferral'));
    });
    it('refuses the whistleblower', () =>
      spec([submitted, proposed()])
        .when(answer('WithdrawReferral', whistleblower))
        .thenThrows(InvalidCommandError));
  });

  describe('AcknowledgeReferral', () => {
    /** bea, of the target channel (whose recipients are bea and ben), acknowledges. */
    const acknowledge = (actor: Actor = { kind: 'investigator', investigatorId: bea }) =>
      ({
        type: 'AcknowledgeReferral',
        data: { reportId, referralId, targetRecipients: [bea, ben] },
        metadata: { now, eventId: 'e-3', actor },
      }) as ReportCommand;
    const acknowledged: ReportEvent = {
      type: 'ReferralAcknowledged',
      data: { reportId, referralId, by: bea, acknowledgedAt: at },
    } as ReportEvent;
    it('records the target’s own acknowledgement of a referral that took effect', () =>
      spec([submitted, proposed(), accepted('given', atMinute)])
        .when(acknowledge())
        .then([acknowledged]));
    it('writes nothing for an acknowledgement again (a retry, or a colleague’s)', () => {
      spec([submitted, proposed(), accepted('given', atMinute), acknowledged])
        .when(acknowledge())
        .then([]);
      spec([submitted, proposed(), accepted('given', atMinute), acknowledged])
        .when(acknowledge({ kind: 'investigator', investigatorId: ben }))
        .then([]);
    });
    it('refuses before the referral took effect, after a decline or withdrawal, or unknown', () => {
      conflicts([proposed()], acknowledge());
      conflicts([proposed(), declined], acknowledge());
      conflicts([proposed(), withdrawn], acknowledge());
      conflicts([], acknowledge());
    });
    it('refuses the source’s investigator: only the target’s acknowledge', () =>
      conflicts([proposed(), accepted('given', atMinute)], acknowledge(investigator)));
    it('refuses the whistleblower and the system', () => {
      for (const actor of [whistleblower, { kind: 'system' } as Actor])
        spec([submitted, proposed(), accepted('given', atMinute)])
          .when(acknowledge(actor))
          .thenThrows(InvalidCommandError);
    });
  });
});
