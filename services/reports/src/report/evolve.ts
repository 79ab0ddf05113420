import { messageEnvelopeSchema } from '../shared/sealed.ts';
import { answered } from './access.ts';
import { type ReportEvent, type ReportKeyShared } from './events.ts';
import type { ReportFacts, ReportState } from './state.ts';

type Existing = Extract<ReportState, { channelId: string }>;

/** Folds one event into the state. Events are facts: evolve never throws on a valid sequence. */
export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  if (event.type === 'ReportSubmitted') {
    const d = event.data;
    return {
      status: 'submitted',
      reportId: d.reportId,
      channelId: d.channelId,
      receivedAt: d.receivedAt,
      acknowledgementDueAt: d.acknowledgementDueAt,
      acknowledgedAt: null,
      feedbackDueAt: null,
      assignees: [],
      triage: null,
      messageIds: [],
      evidenceIds: [],
      noteIds: [],
      labels: [],
      whistleblowerKey: d.envelope.whistleblower.signPublicKey,
      messageSequences: {},
      noteSequences: {},
      sealedTo: d.envelope.recipients.map((r) => r.recipientId),
      keyShares: {},
      referrals: [],
      referralSequences: {},
    };
  }
  if (state.status === 'none' || state.status === 'purged') return state;
  const s: Existing = state;
  const facts = (patch: Partial<ReportFacts>) => ({ ...s, ...patch });
  switch (event.type) {
    case 'ReportAcknowledged':
      return {
        ...facts({
          acknowledgedAt: event.data.acknowledgedAt,
          feedbackDueAt: event.data.feedbackDueAt,
        }),
        status: 'acknowledged',
      };
    case 'ReportTriaged':
      return { ...s, triage: { priority: event.data.priority, sector: event.data.sector } };
    case 'ReportAssigned':
      return { ...s, assignees: [...s.assignees, event.data.investigatorId] };
    case 'ReportUnassigned':
      return { ...s, assignees: s.assignees.filter((a) => a !== event.data.investigatorId) };
    case 'ReportStatusChanged':
      return { ...facts({}), status: event.data.to };
    case 'MessagePosted':
      return {
        ...s,
        messageIds: [...s.messageIds, event.data.messageId],
        messageSequences: counted(s.messageSequences, event.data.envelope),
      };
    case 'EvidenceAdded':
      return { ...s, evidenceIds: [...s.evidenceIds, event.data.evidenceId] };
    case 'InternalNoteAdded':
      return {
        ...s,
        noteIds: [...s.noteIds, event.data.noteId],
        noteSequences: counted(s.noteSequences, event.data.note),
      };
    case 'ReportClosed':
      return {
        ...facts({}),
        status: 'closed',
        outcome: event.data.outcome,
        closedAt: event.data.closedAt,
      };
    case 'ReportReferred':
      return {
        ...facts({}),
        status: 'closed',
        outcome: 'referred_elsewhere',
        closedAt: event.data.referredAt,
      };
    case 'ReportReopened': {
      const {
        outcome: _outcome,
        closedAt: _closedAt,
        ...rest
      } = s as Existing & {
        outcome?: unknown;
        closedAt?: unknown;
      };
      return { ...rest, status: 'in_review' } as ReportState;
    }
    case 'ReportKeyShared':
      return {
        ...s,
        keyShares: {
          ...s.keyShares,
          [event.data.recipientId]: {
            ...s.keyShares[event.data.recipientId],
            [event.data.by]: shareFingerprint(event.data.share),
          },
        },
      };
    case 'ReportLabelAttached':
      return facts({ labels: [...s.labels, event.data.label] });
    case 'ReportLabelDetached':
      return facts({ labels: s.labels.filter((l) => l !== event.data.label) });
    case 'ReferralProposed': {
      const d = event.data;
      return facts({
        referrals: [
          ...s.referrals,
          {
            referralId: d.referralId,
            toChannelId: d.toChannelId,
            by: d.by,
            mode: d.mode,
            handOver: d.handOver,
            targetDeadlines: d.targetDeadlines,
            status: 'proposed',
            acknowledgedAt: null,
          },
        ],
        referralSequences: counted(s.referralSequences, d.reason),
      });
    }
    case 'ReferralAccepted':
      return facts({ referrals: answered(s.referrals, event.data.referralId, 'accepted') });
    case 'ReferralDeclined':
      return facts({ referrals: answered(s.referrals, event.data.referralId, 'declined') });
    case 'ReferralWithdrawn':
      return facts({ referrals: answered(s.referrals, event.data.referralId, 'withdrawn') });
    case 'ReferralAcknowledged': {
      const { referralId, acknowledgedAt } = event.data;
      return facts({
        referrals: s.referrals.map((r) =>
          r.referralId === referralId ? { ...r, acknowledgedAt } : r,
        ),
      });
    }
    case 'ReportPurged':
      return { status: 'purged', reportId: s.reportId };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** What makes two shares the same share: a retry sends exactly these bytes again. */
export function shareFingerprint(share: ReportKeyShared['data']['share']): string {
  return `${share.sharedBy}.${share.boxPublicKey}.${share.wrappedKey}.${share.signature}`;
}

/**
 * An author's next sequence after a message or note. Notes written before the desk checked
 * them may be any sealed object: those count for nobody.
 */
function counted(next: Readonly<Record<string, number>>, sealed: unknown) {
  const parsed = messageEnvelopeSchema.safeParse(sealed);
  if (!parsed.success) return next;
  const { authorKey, sequence } = parsed.data;
  return { ...next, [authorKey]: Math.max(next[authorKey] ?? 0, sequence + 1) };
}
