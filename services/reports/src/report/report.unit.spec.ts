import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/command.ts';
import { deciderSpec } from '../shared/decider-spec.ts';
import {
  fakeAttachmentHeader,
  fakeB64,
  fakeMessageEnvelope,
  fakeSignKey,
  fakeSubmissionEnvelope,
  fakeUuid,
} from '../shared/fixtures.ts';
import type { ReportCommand } from './commands.ts';
import {
  AlreadyAssignedError,
  DuplicateItemError,
  IllegalTransitionError,
  InvalidCommandError,
  KeyShareConflictError,
  LabelNotDefinedError,
  MessageOutOfSequenceError,
  NotAssignedError,
  ReferralConflictError,
  ReportAlreadySubmittedError,
  ReportNotFoundError,
  ReportPurgedError,
  RetentionNotElapsedError,
  WrongAuthorError,
} from './errors.ts';
import type { ReportEvent } from './events.ts';
import { reportDecider } from './handle.ts';

const spec = deciderSpec(reportDecider);
const reportId = '6f1c2b1e-8a4e-4f57-9a51-0c3a3b1d2e01';
const channelId = fakeUuid('channel');
const alice = 'inv-alice';
const now = new Date('2026-03-04T10:17:42.123Z');
const at = now.toISOString();
/** A whistleblower's message or upload is dated to the minute only. */
const atMinute = '2026-03-04T10:17:00.000Z';
const investigator: Actor = { kind: 'investigator', investigatorId: alice };
const whistleblower: Actor = { kind: 'whistleblower' };
const meta = (actor: Actor = investigator) => ({ now, eventId: 'e-1', actor });
const envelope = fakeSubmissionEnvelope(reportId, channelId);
const sealed = { ciphertext: 'eA' };
// The whistleblower signs with the receipt's key in the envelope; Alice with her enrolled key.
const receiptKey = fakeSignKey(reportId);
const aliceKey = fakeB64(32, 'sign:alice');
const wbMessage = (id: string, sequence = 0) =>
  fakeMessageEnvelope(reportId, fakeUuid(id), 'whistleblower', { authorKey: receiptKey, sequence });
const aliceMessage = (id: string, sequence = 0) =>
  fakeMessageEnvelope(reportId, fakeUuid(id), 'investigator', { authorKey: aliceKey, sequence });
const m1 = wbMessage('m1');
const m2 = aliceMessage('m2');
const note = aliceMessage('n1');
const header = fakeAttachmentHeader(reportId, fakeUuid('ev1'));

// Key shares: ids are UUIDs in the protocol. Dave holds the key; Carol was added later.
const dave = fakeUuid('dave');
const carol = fakeUuid('carol');
const holder: Actor = { kind: 'investigator', investigatorId: dave };
const keyShare = (recipientId = carol, patch: Record<string, unknown> = {}) => ({
  v: 1 as const,
  reportId,
  recipientId,
  boxPublicKey: fakeB64(32, `box:${recipientId}`),
  sharedBy: dave,
  wrappedKey: fakeB64(80, 'wrapped'),
  signature: fakeB64(64, 'signature'),
  ...patch,
});

const cmd = <C extends ReportCommand>(c: Omit<C, 'metadata'>, actor?: Actor) =>
  ({ ...c, metadata: meta(actor) }) as ReportCommand;

const submitted: ReportEvent = {
  type: 'ReportSubmitted',
  data: {
    reportId,
    channelId,
    receivedAt: '2026-03-01T09:00:00.000Z',
    acknowledgementDueAt: '2026-03-08T09:00:00.000Z',
    envelope,
  },
};
const acknowledged: ReportEvent = {
  type: 'ReportAcknowledged',
  data: {
    reportId,
    by: alice,
    acknowledgedAt: '2026-03-02T09:00:00.000Z',
    feedbackDueAt: '2026-06-02T09:00:00.000Z',
  },
};
const assigned: ReportEvent = {
  type: 'ReportAssigned',
  data: { reportId, by: alice, investigatorId: 'inv-bob', assignedAt: at },
};
const investigating: ReportEvent = {
  type: 'ReportStatusChanged',
  data: { reportId, by: alice, from: 'acknowledged', to: 'investigating', changedAt: at },
};
const closed: ReportEvent = {
  type: 'ReportClosed',
  data: { reportId, by: alice, outcome: 'substantiated', closedAt: at },
};
const purged: ReportEvent = { type: 'ReportPurged', data: { reportId, by: alice, purgedAt: at } };
const message: ReportEvent = {
  type: 'MessagePosted',
  data: { reportId, messageId: m1.messageId, author: 'whistleblower', envelope: m1, postedAt: at },
};
const posted2 = (envelope: typeof m2): ReportEvent => ({
  type: 'MessagePosted',
  data: {
    reportId,
    messageId: envelope.messageId,
    author: 'investigator',
    investigatorId: alice,
    envelope,
    postedAt: at,
  },
});

const commands: Record<ReportCommand['type'], ReportCommand> = {
  SubmitReport: cmd(
    { type: 'SubmitReport', data: { reportId, channelId, envelope } },
    whistleblower,
  ),
  AcknowledgeReport: cmd({ type: 'AcknowledgeReport', data: { reportId } }),
  TriageReport: cmd({
    type: 'TriageReport',
    data: { reportId, priority: 'high', sector: 'procurement', region: 'Khomas' },
  }),
  AssignReport: cmd({ type: 'AssignReport', data: { reportId, investigatorId: 'inv-carol' } }),
  UnassignReport: cmd({ type: 'UnassignReport', data: { reportId, investigatorId: 'inv-bob' } }),
  ChangeReportStatus: cmd({ type: 'ChangeReportStatus', data: { reportId, to: 'in_review' } }),
  PostMessage: cmd({
    type: 'PostMessage',
    data: { reportId, messageId: m2.messageId, envelope: m2, authorKey: aliceKey },
  }),
  AddEvidence: cmd({
    type: 'AddEvidence',
    data: { reportId, evidenceId: 'ev1', blobId: 'a'.repeat(64), paddedSize: 1024, header },
  }),
  AddInternalNote: cmd({
    type: 'AddInternalNote',
    data: { reportId, noteId: note.messageId, note, authorKey: aliceKey },
  }),
  CloseReport: cmd({ type: 'CloseReport', data: { reportId, outcome: 'unsubstantiated' } }),
  ReferReport: cmd({ type: 'ReferReport', data: { reportId, referral: sealed } }),
  ReopenReport: cmd({ type: 'ReopenReport', data: { reportId } }),
  ShareReportKey: cmd(
    { type: 'ShareReportKey', data: { reportId, recipientId: carol, share: keyShare() } },
    holder,
  ),
  AttachLabel: cmd({
    type: 'AttachLabel',
    data: { reportId, label: 'fraud', channelLabels: ['fraud', 'needs legal'] },
  }),
  DetachLabel: cmd({ type: 'DetachLabel', data: { reportId, label: 'fraud' } }),
  PurgeReport: cmd({ type: 'PurgeReport', data: { reportId } }),
  ProposeReferral: cmd({
    type: 'ProposeReferral',
    data: {
      reportId,
      referralId: fakeUuid('ref1'),
      toChannelId: fakeUuid('channel-b'),
      mode: 'consent',
      handOver: false,
      targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
      shares: [],
      reason: aliceMessage('ref1'),
      authorKey: aliceKey,
    },
  }),
  AcceptReferral: cmd(
    {
      type: 'AcceptReferral',
      data: {
        reportId,
        referralId: fakeUuid('ref1'),
        shares: [keyShare(fakeUuid('bea'), { sharedBy: reportId })],
      },
    },
    whistleblower,
  ),
  DeclineReferral: cmd(
    { type: 'DeclineReferral', data: { reportId, referralId: fakeUuid('ref1') } },
    whistleblower,
  ),
  WithdrawReferral: cmd({
    type: 'WithdrawReferral',
    data: { reportId, referralId: fakeUuid('ref1') },
  }),
  AcknowledgeReferral: cmd({
    type: 'AcknowledgeReferral',
    data: { reportId, referralId: fakeUuid('ref1'), targetRecipients: [alice] },
  }),
};

describe('report decider', () => {
  describe('SubmitReport', () => {
    it('records the submission with the hour of arrival and the 7-day acknowledgement deadline', () =>
      spec([])
        .when(commands.SubmitReport)
        .then([
          {
            type: 'ReportSubmitted',
            data: {
              reportId,
              channelId,
              receivedAt: '2026-03-04T10:00:00.000Z',
              acknowledgementDueAt: '2026-03-11T10:00:00.000Z',
              envelope,
            },
          },
        ]));
    it('uses the channel deadline when one is given', () =>
      spec([])
        .when({
          ...commands.SubmitReport,
          data: { reportId, channelId, envelope, acknowledgeWithinDays: 3 },
        } as ReportCommand)
        .then([
          {
            type: 'ReportSubmitted',
            data: {
              reportId,
              channelId,
              receivedAt: '2026-03-04T10:00:00.000Z',
              acknowledgementDueAt: '2026-03-07T10:00:00.000Z',
              envelope,
            },
          },
        ]));
    it('refuses an envelope bound to another report', () =>
      spec([])
        .when({
          ...commands.SubmitReport,
          data: {
            reportId,
            channelId,
            envelope: fakeSubmissionEnvelope(fakeUuid('other'), channelId),
          },
        } as ReportCommand)
        .thenThrows(InvalidCommandError));
    it('refuses a second submission of the same report', () =>
      spec([submitted]).when(commands.SubmitReport).thenThrows(ReportAlreadySubmittedError));
  });

  describe('AcknowledgeReport', () => {
    it('acknowledges and sets feedback due three months later', () =>
      spec([submitted])
        .when(commands.AcknowledgeReport)
        .then([
          {
            type: 'ReportAcknowledged',
            data: {
              reportId,
              by: alice,
              acknowledgedAt: at,
              feedbackDueAt: '2026-06-04T10:17:42.123Z',
            },
          },
        ]));
    it('uses the channel feedback period when one is given', () =>
      spec([submitted])
        .when({
          ...commands.AcknowledgeReport,
          data: { reportId, feedbackWithinMonths: 1 },
        } as ReportCommand)
        .then([
          {
            type: 'ReportAcknowledged',
            data: {
              reportId,
              by: alice,
              acknowledgedAt: at,
              feedbackDueAt: '2026-04-04T10:17:42.123Z',
            },
          },
        ]));
    it('refuses a second acknowledgement', () =>
      spec([submitted, acknowledged])
        .when(commands.AcknowledgeReport)
        .thenThrows(IllegalTransitionError));
    it('refuses a whistleblower as actor', () =>
      spec([submitted])
        .when({ ...commands.AcknowledgeReport, metadata: meta(whistleblower) })
        .thenThrows(InvalidCommandError));
  });

  describe('TriageReport', () => {
    it('records priority, sector and region', () =>
      spec([submitted, acknowledged])
        .when(commands.TriageReport)
        .then([
          {
            type: 'ReportTriaged',
            data: {
              reportId,
              by: alice,
              priority: 'high',
              sector: 'procurement',
              region: 'Khomas',
              triagedAt: at,
            },
          },
        ]));
  });

  describe('AssignReport / UnassignReport', () => {
    it('assigns an investigator', () =>
      spec([submitted])
        .when(commands.AssignReport)
        .then([
          {
            type: 'ReportAssigned',
            data: { reportId, by: alice, investigatorId: 'inv-carol', assignedAt: at },
          },
        ]));
    it('refuses to assign someone already assigned', () =>
      spec([submitted, assigned])
        .when({
          ...commands.AssignReport,
          data: { reportId, investigatorId: 'inv-bob' },
        } as ReportCommand)
        .thenThrows(AlreadyAssignedError));
    it('unassigns an assigned investigator', () =>
      spec([submitted, assigned])
        .when(commands.UnassignReport)
        .then([
          {
            type: 'ReportUnassigned',
            data: { reportId, by: alice, investigatorId: 'inv-bob', unassignedAt: at },
          },
        ]));
    it('refuses to unassign someone not assigned', () =>
      spec([submitted]).when(commands.UnassignReport).thenThrows(NotAssignedError));
  });

  describe('AttachLabel / DetachLabel', () => {
    const labelled: ReportEvent = {
      type: 'ReportLabelAttached',
      data: { reportId, by: alice, label: 'fraud', attachedAt: at },
    };
    it('attaches a label the channel defines, to a closed case too', () =>
      spec([submitted, closed]).when(commands.AttachLabel).then([labelled]));
    it('refuses a label the channel does not define', () =>
      spec([submitted])
        .when({
          ...commands.AttachLabel,
          data: { reportId, label: 'Fraud', channelLabels: ['fraud'] },
        } as ReportCommand)
        .thenThrows(LabelNotDefinedError));
    it('refuses a label attached already', () =>
      spec([submitted, labelled]).when(commands.AttachLabel).thenThrows(DuplicateItemError));
    it('detaches an attached label, even one the channel dropped since', () => {
      const detached = { reportId, by: alice, label: 'fraud', detachedAt: at };
      spec([submitted, labelled])
        .when(commands.DetachLabel)
        .then([{ type: 'ReportLabelDetached', data: detached }]);
    });
    it('refuses to detach a label not attached, and a whistleblower labelling', () => {
      spec([submitted]).when(commands.DetachLabel).thenThrows(NotAssignedError);
      spec([submitted])
        .when({ ...commands.AttachLabel, metadata: meta(whistleblower) })
        .thenThrows(InvalidCommandError);
    });
  });

  describe('ChangeReportStatus', () => {
    it('moves an acknowledged report into review', () =>
      spec([submitted, acknowledged])
        .when(commands.ChangeReportStatus)
        .then([
          {
            type: 'ReportStatusChanged',
            data: { reportId, by: alice, from: 'acknowledged', to: 'in_review', changedAt: at },
          },
        ]));
    it('refuses before acknowledgement', () =>
      spec([submitted]).when(commands.ChangeReportStatus).thenThrows(IllegalTransitionError));
    it('refuses a change to the current status', () =>
      spec([submitted, acknowledged, investigating])
        .when({
          ...commands.ChangeReportStatus,
          data: { reportId, to: 'investigating' },
        } as ReportCommand)
        .thenThrows(InvalidCommandError));
  });

  describe('PostMessage', () => {
    const post = (envelope: unknown, actor: Actor = investigator, authorKey?: string) =>
      ({
        type: 'PostMessage',
        data: {
          reportId,
          messageId: (envelope as { messageId: string }).messageId,
          envelope,
          ...(authorKey !== undefined && { authorKey }),
        },
        metadata: meta(actor),
      }) as ReportCommand;
    const posted = (envelope: { messageId: string }, author: 'whistleblower' | 'investigator') =>
      ({
        type: 'MessagePosted',
        data: {
          reportId,
          messageId: envelope.messageId,
          author,
          ...(author === 'investigator' && { investigatorId: alice }),
          envelope,
          postedAt: author === 'whistleblower' ? atMinute : at,
        },
      }) as ReportEvent;

    it('posts an investigator message signed with their enrolled key', () =>
      spec([submitted])
        .when(post(m2, investigator, aliceKey))
        .then([posted(m2, 'investigator')]));
    it("posts a whistleblower message signed with the receipt's key", () =>
      spec([submitted])
        .when(post(m1, whistleblower))
        .then([posted(m1, 'whistleblower')]));
    it('takes each author next in turn, each with their own counter', () =>
      spec([submitted, posted(m1, 'whistleblower'), posted(m2, 'investigator')])
        .when(post(wbMessage('m3', 1), whistleblower))
        .then([posted(wbMessage('m3', 1), 'whistleblower')]));
    it('refuses a reused message id', () =>
      spec([submitted, message])
        .when({
          ...commands.PostMessage,
          data: { reportId, messageId: m1.messageId, envelope: m1 },
        } as ReportCommand)
        .thenThrows(DuplicateItemError));
    it("refuses a message signed with a key that is not the caller's", () => {
      const stranger = fakeB64(32, 'sign:server');
      const forged = fakeMessageEnvelope(reportId, fakeUuid('m9'), 'whistleblower', {
        authorKey: stranger,
      });
      spec([submitted]).when(post(forged, whistleblower)).thenThrows(WrongAuthorError);
      // An investigator posing as the whistleblower, or with a colleague's key, or with none.
      spec([submitted])
        .when(post(m1, investigator, aliceKey))
        .thenThrows(WrongAuthorError);
      spec([submitted])
        .when(post(aliceMessage('m9'), investigator, fakeB64(32, 'sign:bob')))
        .thenThrows(WrongAuthorError);
      spec([submitted])
        .when(post(aliceMessage('m9'), investigator))
        .thenThrows(WrongAuthorError);
      spec([submitted])
        .when(post(aliceMessage('m9'), whistleblower))
        .thenThrows(WrongAuthorError);
    });
    it('refuses a sequence that is not the next for its author', () => {
      spec([submitted])
        .when(post(wbMessage('m9', 1), whistleblower))
        .thenThrows(MessageOutOfSequenceError);
      spec([submitted, message])
        .when(post(wbMessage('m9', 0), whistleblower))
        .thenThrows(MessageOutOfSequenceError);
      spec([submitted, message])
        .when(post(wbMessage('m9', 2), whistleblower))
        .thenThrows(MessageOutOfSequenceError);
    });
    it('refuses an envelope of another report or id, and a malformed one', () => {
      spec([submitted])
        .when({
          ...post(m1, whistleblower),
          data: { reportId, messageId: 'mX', envelope: m1 },
        } as ReportCommand)
        .thenThrows(InvalidCommandError);
      spec([submitted])
        .when(post({ ...m1, reportId: fakeUuid('other') }, whistleblower))
        .thenThrows(InvalidCommandError);
      expect(() =>
        reportDecider.decide(
          {
            ...post(m1, whistleblower),
            data: { reportId, messageId: m1.messageId, envelope: sealed },
          } as ReportCommand,
          reportDecider.evolve(reportDecider.initialState, submitted),
        ),
      ).toThrow();
    });
    it('refuses a system or operator actor', () => {
      spec([submitted])
        .when({ ...commands.PostMessage, metadata: { ...meta(), actor: { kind: 'system' } } })
        .thenThrows(InvalidCommandError);
      spec([submitted])
        .when({ ...commands.PostMessage, metadata: { ...meta(), actor: { kind: 'operator' } } })
        .thenThrows(InvalidCommandError);
    });
  });

  describe('AddEvidence', () => {
    it('adds whistleblower evidence', () =>
      spec([submitted])
        .when({ ...commands.AddEvidence, metadata: meta(whistleblower) })
        .then([
          {
            type: 'EvidenceAdded',
            data: {
              reportId,
              evidenceId: 'ev1',
              blobId: 'a'.repeat(64),
              paddedSize: 1024,
              header,
              by: 'whistleblower',
              addedAt: atMinute,
            },
          },
        ]));
    it('adds investigator evidence with the investigator id', () =>
      spec([submitted])
        .when(commands.AddEvidence)
        .then([
          {
            type: 'EvidenceAdded',
            data: {
              reportId,
              evidenceId: 'ev1',
              blobId: 'a'.repeat(64),
              paddedSize: 1024,
              header,
              by: 'investigator',
              investigatorId: alice,
              addedAt: at,
            },
          },
        ]));
    it('refuses evidence id reuse', () =>
      spec([submitted]).when(commands.AddEvidence).thenThrowsOnRepeat(DuplicateItemError));
  });

  describe('AddInternalNote', () => {
    const noted = (n: { messageId: string }) =>
      ({
        type: 'InternalNoteAdded',
        data: { reportId, noteId: n.messageId, by: alice, note: n, addedAt: at },
      }) as ReportEvent;
    const addNote = (n: { messageId: string }, authorKey = aliceKey) =>
      ({
        type: 'AddInternalNote',
        data: { reportId, noteId: n.messageId, note: n, authorKey },
        metadata: meta(),
      }) as ReportCommand;

    it('adds a sealed note, also on a closed report', () =>
      spec([submitted, acknowledged, closed])
        .when(commands.AddInternalNote)
        .then([noted(note)]));
    it('numbers notes apart from messages', () =>
      spec([submitted, posted2(m2), noted(note)])
        .when(addNote(aliceMessage('n2', 1)))
        .then([noted(aliceMessage('n2', 1))]));
    it("refuses a note not signed with the caller's key, or out of sequence", () => {
      spec([submitted])
        .when(addNote(note, fakeB64(32, 'sign:bob')))
        .thenThrows(WrongAuthorError);
      spec([submitted]).when(addNote(m1)).thenThrows(WrongAuthorError);
      spec([submitted, noted(note)])
        .when(addNote(aliceMessage('n2', 0)))
        .thenThrows(MessageOutOfSequenceError);
    });
    it('counts for nobody a note written before notes were checked', () =>
      spec([
        submitted,
        {
          type: 'InternalNoteAdded',
          data: { reportId, noteId: 'old', by: alice, note: sealed, addedAt: at },
        },
      ])
        .when(commands.AddInternalNote)
        .then([noted(note)]));
    it('refuses a whistleblower as author', () =>
      spec([submitted])
        .when({ ...commands.AddInternalNote, metadata: meta(whistleblower) })
        .thenThrows(InvalidCommandError));
    it('refuses a reused note id', () =>
      spec([submitted]).when(commands.AddInternalNote).thenThrowsOnRepeat(DuplicateItemError));
  });

  describe('CloseReport / ReferReport / ReopenReport / PurgeReport', () => {
    it('closes with an outcome', () =>
      spec([submitted, acknowledged, investigating])
        .when(commands.CloseReport)
        .then([
          {
            type: 'ReportClosed',
            data: { reportId, by: alice, outcome: 'unsubstantiated', closedAt: at },
          },
        ]));
    it('refers elsewhere', () =>
      spec([submitted, acknowledged])
        .when(commands.ReferReport)
        .then([
          {
            type: 'ReportReferred',
            data: { reportId, by: alice, referral: sealed, referredAt: at },
          },
        ]));
    it('refuses to close or refer before acknowledgement', () => {
      spec([submitted]).when(commands.CloseReport).thenThrows(IllegalTransitionError);
      spec([submitted]).when(commands.ReferReport).thenThrows(IllegalTransitionError);
    });
    it('reopens a closed report into review', () => {
      spec([submitted, acknowledged, closed])
        .when(commands.ReopenReport)
        .then([{ type: 'ReportReopened', data: { reportId, by: alice, reopenedAt: at } }]);
      const reopened: ReportEvent = {
        type: 'ReportReopened',
        data: { reportId, by: alice, reopenedAt: at },
      };
      spec([submitted, acknowledged, closed, reopened])
        .when({
          ...commands.ChangeReportStatus,
          data: { reportId, to: 'investigating' },
        } as ReportCommand)
        .then([
          {
            type: 'ReportStatusChanged',
            data: { reportId, by: alice, from: 'in_review', to: 'investigating', changedAt: at },
          },
        ]);
    });
    it('refuses to reopen or purge an open report', () => {
      spec([submitted, acknowledged])
        .when(commands.ReopenReport)
        .thenThrows(IllegalTransitionError);
      spec([submitted, acknowledged]).when(commands.PurgeReport).thenThrows(IllegalTransitionError);
    });
    it('refuses a purge by the operator (the recovery tool touches accounts only)', () =>
      spec([submitted, acknowledged, closed])
        .when({ ...commands.PurgeReport, metadata: { ...meta(), actor: { kind: 'operator' } } })
        .thenThrows(InvalidCommandError));
    it('purges a closed report, by a retention job', () =>
      spec([submitted, acknowledged, closed])
        .when({ ...commands.PurgeReport, metadata: { ...meta(), actor: { kind: 'system' } } })
        .then([{ type: 'ReportPurged', data: { reportId, by: 'system', purgedAt: at } }]));
    it('purges for the retention job only a report closed before its cutoff', () => {
      const job = (closedBefore: string): ReportCommand => ({
        type: 'PurgeReport',
        data: { reportId, closedBefore },
        metadata: { ...meta(), actor: { kind: 'system' } },
      });
      const later = new Date(Date.parse(at) + 1).toISOString();
      spec([submitted, acknowledged, closed])
        .when(job(later))
        .then([{ type: 'ReportPurged', data: { reportId, by: 'system', purgedAt: at } }]);
      // Closed exactly at the cutoff, or after it: kept.
      spec([submitted, acknowledged, closed]).when(job(at)).thenThrows(RetentionNotElapsedError);
      const referred: ReportEvent = {
        type: 'ReportReferred',
        data: { reportId, by: alice, referral: sealed, referredAt: later },
      };
      spec([submitted, acknowledged, referred])
        .when(job(later))
        .thenThrows(RetentionNotElapsedError);
    });
    it('counts retention from the last closing: a reopened and closed again report is kept', () => {
      const reopened: ReportEvent = {
        type: 'ReportReopened',
        data: { reportId, by: alice, reopenedAt: at },
      };
      const recent = '2027-01-01T00:00:00.000Z';
      const closedAgain: ReportEvent = {
        type: 'ReportClosed',
        data: { reportId, by: alice, outcome: 'substantiated', closedAt: recent },
      };
      const cutoff = '2026-12-01T00:00:00.000Z';
      spec([submitted, acknowledged, closed, reopened, closedAgain])
        .when({
          type: 'PurgeReport',
          data: { reportId, closedBefore: cutoff },
          metadata: { ...meta(), actor: { kind: 'system' } },
        })
        .thenThrows(RetentionNotElapsedError);
      spec([submitted, acknowledged, closed, reopened])
        .when(commands.PurgeReport)
        .thenThrows(IllegalTransitionError);
    });
  });

  describe('ShareReportKey', () => {
    const shared: ReportEvent = {
      type: 'ReportKeyShared',
      data: { reportId, recipientId: carol, by: dave, share: keyShare(), sharedAt: at },
    };
    const share = (
      recipientId: string,
      patch: Record<string, unknown> = {},
      actor: Actor = holder,
    ) =>
      cmd(
        {
          type: 'ShareReportKey',
          data: { reportId, recipientId, share: keyShare(recipientId, patch) },
        } as Omit<ReportCommand, 'metadata'>,
        actor,
      );
    it('records the share with the sharer, the colleague and the minute', () =>
      spec([submitted, acknowledged]).when(share(carol)).then([shared]));
    it('is idempotent: the same share again writes nothing', () =>
      spec([submitted, shared]).when(share(carol)).then([]));
    it("records a colleague's share beside an insider's bad one, and a sharer's new one", () => {
      // Mallory, on the list, shared first (the server cannot tell her share is garbage).
      const mallory = fakeUuid('mallory');
      const bad = keyShare(carol, { sharedBy: mallory, wrappedKey: fakeB64(80, 'garbage') });
      const malloryShared: ReportEvent = {
        type: 'ReportKeyShared',
        data: { reportId, recipientId: carol, by: mallory, share: bad, sharedAt: at },
      };
      spec([submitted, malloryShared]).when(share(carol)).then([shared]);
      const again = keyShare(carol, { wrappedKey: fakeB64(80, 'again') });
      spec([submitted, malloryShared, shared])
        .when(share(carol, { wrappedKey: fakeB64(80, 'again') }))
        .then([{ ...shared, data: { ...shared.data, share: again } }]);
      // Dave's retry of his first share, after he replaced it, is a new share again.
      spec([submitted, shared, { ...shared, data: { ...shared.data, share: again } }])
        .when(share(carol))
        .then([shared]);
    });
    it('refuses a share to someone the envelope already wraps the key to', () =>
      spec([submitted])
        .when(share(fakeUuid('recipient')))
        .thenThrows(KeyShareConflictError));
    it('refuses a share bound to another report, colleague or sharer, and the system', () => {
      spec([submitted])
        .when(share(carol, { reportId: fakeUuid('other report') }))
        .thenThrows(InvalidCommandError);
      spec([submitted])
        .when(share(carol, { recipientId: fakeUuid('someone') }))
        .thenThrows(InvalidCommandError);
      spec([submitted])
        .when(share(carol, {}, { kind: 'investigator', investigatorId: fakeUuid('eve') }))
        .thenThrows(InvalidCommandError);
      spec([submitted])
        .when(share(carol, {}, { kind: 'system' }))
        .thenThrows(InvalidCommandError);
    });
    it('refuses any share after a purge', () =>
      spec([submitted, shared, acknowledged, closed, purged])
        .when(share(carol))
        .thenThrows(ReportPurgedError));
  });

  // Every illegal transition, by state: the table is the rule.
  const allowed: Record<string, ReportCommand['type'][]> = {
    none: ['SubmitReport'],
    submitted: [
      'AcknowledgeReport',
      'TriageReport',
      'AssignReport',
      'PostMessage',
      'AddEvidence',
      'AddInternalNote',
      'ShareReportKey',
      'AttachLabel',
      'ProposeReferral',
    ],
    acknowledged: [
      'TriageReport',
      'AssignReport',
      'ChangeReportStatus',
      'PostMessage',
      'AddEvidence',
      'AddInternalNote',
      'CloseReport',
      'ReferReport',
      'ShareReportKey',
      'AttachLabel',
      'ProposeReferral',
    ],
    closed: ['AddInternalNote', 'ReopenReport', 'ShareReportKey', 'PurgeReport', 'AttachLabel'],
    purged: [],
  };
  const histories: Record<string, readonly ReportEvent[]> = {
    none: [],
    submitted: [submitted],
    acknowledged: [submitted, acknowledged],
    closed: [submitted, acknowledged, closed],
    purged: [submitted, acknowledged, closed, purged],
  };
  const errorFor = (status: string, type: ReportCommand['type']) => {
    if (status === 'none') return ReportNotFoundError;
    if (status === 'purged') return ReportPurgedError;
    if (type === 'SubmitReport') return ReportAlreadySubmittedError;
    if (type === 'UnassignReport' && status !== 'closed') return NotAssignedError;
    // Nothing attached in these histories; detaching is not refused for the status.
    if (type === 'DetachLabel') return NotAssignedError;
    // No referral in these histories: an answer, a withdrawal or an acknowledgement has nothing
    // to act on.
    if (
      ['AcceptReferral', 'DeclineReferral', 'WithdrawReferral', 'AcknowledgeReferral'].includes(
        type,
      )
    )
      return ReferralConflictError;
    return IllegalTransitionError;
  };
  for (const [status, history] of Object.entries(histories)) {
    const ok = allowed[status] ?? [];
    for (const command of Object.values(commands)) {
      if (ok.includes(command.type)) {
        it(`allows ${command.type} when ${status}`, () =>
          spec(history)
            .when(command)
            .then([expect.objectContaining({ data: expect.objectContaining({ reportId }) })]));
      } else {
        it(`refuses ${command.type} when ${status}`, () =>
          spec(history).when(command).thenThrows(errorFor(status, command.type)));
      }
    }
  }
});
