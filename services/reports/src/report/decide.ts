import type { Actor, CommandMetadata } from '../shared/command.ts';
import {
  messageEnvelopeSchema,
  type MessageEnvelope,
  type ReportKeyShare,
} from '../shared/sealed.ts';
import { addDays, addMonths, toHour, toMinute } from '../shared/time.ts';
import type {
  AcceptReferral,
  AcknowledgeReferral,
  DeclineReferral,
  ProposeReferral,
  WithdrawReferral,
  AttachLabel,
  DetachLabel,
  AcknowledgeReport,
  AddEvidence,
  AddInternalNote,
  AssignReport,
  ChangeReportStatus,
  CloseReport,
  PostMessage,
  PurgeReport,
  ReferReport,
  ReopenReport,
  ReportCommand,
  ShareReportKey,
  SubmitReport,
  TriageReport,
  UnassignReport,
} from './commands.ts';
import { directiveDeadlines } from './commands.ts';
import {
  AlreadyAssignedError,
  DuplicateItemError,
  IllegalTransitionError,
  InvalidCommandError,
  LabelNotDefinedError,
  KeyShareConflictError,
  MessageOutOfSequenceError,
  NotAssignedError,
  ReferralConflictError,
  ReportAlreadySubmittedError,
  ReportNotFoundError,
  ReportPurgedError,
  RetentionNotElapsedError,
  WrongAuthorError,
} from './errors.ts';
import type { EvidenceAdded, ReportEvent } from './events.ts';
import { shareFingerprint } from './evolve.ts';
import type { OpenStatus, Referral, ReportFacts, ReportState } from './state.ts';

type Existing = Extract<ReportState, { reportId: string; channelId: string }>;
type Open = Existing & { status: OpenStatus };

function existing(state: ReportState): Existing {
  if (state.status === 'none') throw new ReportNotFoundError('report not found');
  if (state.status === 'purged') throw new ReportPurgedError('report purged');
  return state;
}

function open(state: ReportState, command: string): Open {
  const s = existing(state);
  if (s.status === 'closed') throw new IllegalTransitionError(command, s.status);
  return s as Open;
}

/**
 * Staff commands name the investigator who issued them; retention jobs act as 'system'. The
 * operator's recovery tool touches accounts only, never a report.
 */
function staff(metadata: CommandMetadata): string {
  if (metadata.actor.kind === 'investigator') return metadata.actor.investigatorId;
  if (metadata.actor.kind === 'system') return 'system';
  throw new InvalidCommandError(`${metadata.actor.kind} cannot issue this command`);
}

const iso = (m: CommandMetadata) => m.now.toISOString();
/**
 * What a whistleblower did is dated to the minute only, as the store's commit times are: the
 * exact second of a message or an upload, like that of a submission, helps tie it to a person.
 */
const actedAt = (m: CommandMetadata) =>
  m.actor.kind === 'whistleblower' ? toMinute(m.now) : iso(m);

function assertNew(ids: readonly string[], id: string): void {
  if (ids.includes(id)) throw new DuplicateItemError('item id already used');
}

export function submit(command: SubmitReport, state: ReportState): ReportEvent[] {
  if (state.status === 'purged') throw new ReportPurgedError('report purged');
  if (state.status !== 'none') throw new ReportAlreadySubmittedError('report already submitted');
  // The envelope is signed over its own ids: it must be for this report and this channel.
  const { envelope } = command.data;
  if (envelope.reportId !== command.data.reportId || envelope.channelId !== command.data.channelId)
    throw new InvalidCommandError('envelope is bound to another report or channel');
  const receivedAt = toHour(command.metadata.now);
  const days = command.data.acknowledgeWithinDays ?? directiveDeadlines.acknowledgeWithinDays;
  return [
    {
      type: 'ReportSubmitted',
      data: {
        reportId: command.data.reportId,
        channelId: command.data.channelId,
        receivedAt,
        acknowledgementDueAt: addDays(receivedAt, days),
        envelope: command.data.envelope,
        ...(command.data.sealedBy && { sealedBy: command.data.sealedBy }),
      },
    },
  ];
}

export function acknowledge(command: AcknowledgeReport, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  if (s.status !== 'submitted') throw new IllegalTransitionError(command.type, s.status);
  const at = iso(command.metadata);
  const months = command.data.feedbackWithinMonths ?? directiveDeadlines.feedbackWithinMonths;
  return [
    {
      type: 'ReportAcknowledged',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        acknowledgedAt: at,
        feedbackDueAt: addMonths(at, months),
      },
    },
  ];
}

export function triage(command: TriageReport, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  const { priority, sector, region } = command.data;
  return [
    {
      type: 'ReportTriaged',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        priority,
        sector,
        region,
        triagedAt: iso(command.metadata),
      },
    },
  ];
}

export function assign(command: AssignReport, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  if (s.assignees.includes(command.data.investigatorId))
    throw new AlreadyAssignedError('already assigned');
  return [
    {
      type: 'ReportAssigned',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        investigatorId: command.data.investigatorId,
        assignedAt: iso(command.metadata),
      },
    },
  ];
}

export function unassign(command: UnassignReport, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  if (!s.assignees.includes(command.data.investigatorId))
    throw new NotAssignedError('not assigned');
  return [
    {
      type: 'ReportUnassigned',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        investigatorId: command.data.investigatorId,
        unassignedAt: iso(command.metadata),
      },
    },
  ];
}

/**
 * Labels are the channel's plain text, attached by staff, to open and closed cases alike (a
 * closed case is still filed); the channel's current set decides (a label it dropped since can
 * still be detached).
 */
export function attachLabel(command: AttachLabel, state: ReportState): ReportEvent[] {
  const s = existing(state);
  const { label, channelLabels } = command.data;
  if (!channelLabels.includes(label)) throw new LabelNotDefinedError('label not defined');
  if (s.labels.includes(label)) throw new DuplicateItemError('label already attached');
  const by = staff(command.metadata);
  return [
    {
      type: 'ReportLabelAttached',
      data: { reportId: s.reportId, by, label, attachedAt: iso(command.metadata) },
    },
  ];
}

export function detachLabel(command: DetachLabel, state: ReportState): ReportEvent[] {
  const s = existing(state);
  const { label } = command.data;
  if (!s.labels.includes(label)) throw new NotAssignedError('label not attached');
  const by = staff(command.metadata);
  return [
    {
      type: 'ReportLabelDetached',
      data: { reportId: s.reportId, by, label, detachedAt: iso(command.metadata) },
    },
  ];
}

export function changeStatus(command: ChangeReportStatus, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  if (s.status === 'submitted') throw new IllegalTransitionError(command.type, s.status);
  if (s.status === command.data.to) throw new InvalidCommandError('status unchanged');
  return [
    {
      type: 'ReportStatusChanged',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        from: s.status,
        to: command.data.to,
        changedAt: iso(command.metadata),
      },
    },
  ];
}

/**
 * A message or note is the caller's own (SECURITY.md, Protocol step 7): bound to this report and
 * item id, in the caller's role, signed with the caller's key (the whistleblower's is the
 * receipt's signing key in the submission envelope; an investigator's, `authorKey`, the one
 * enrolled on their account), and numbered next for that key in its thread. Readers check the
 * signature and the order again; this keeps an honest server from storing what they would flag.
 * A malformed envelope throws the schema's ZodError: nothing is appended.
 */
function ownNext(
  s: Existing,
  sealed: unknown,
  itemId: string,
  actor: Actor,
  authorKey: string | undefined,
  sequences: Readonly<Record<string, number>>,
): MessageEnvelope {
  const e = messageEnvelopeSchema.parse(sealed);
  if (e.reportId !== s.reportId || e.messageId !== itemId)
    throw new InvalidCommandError('message is bound to another report or id');
  const own = actor.kind === 'whistleblower' ? s.whistleblowerKey : authorKey;
  if (e.authorRole !== actor.kind || own === undefined || e.authorKey !== own)
    throw new WrongAuthorError("message is not signed with the caller's key");
  if (e.sequence !== (sequences[e.authorKey] ?? 0))
    throw new MessageOutOfSequenceError('message is not the next one of its author');
  return e;
}

export function postMessage(command: PostMessage, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  assertNew(s.messageIds, command.data.messageId);
  const { actor } = command.metadata;
  if (actor.kind === 'system' || actor.kind === 'operator')
    throw new InvalidCommandError(`${actor.kind} cannot post messages`);
  const envelope = ownNext(
    s,
    command.data.envelope,
    command.data.messageId,
    actor,
    command.data.authorKey,
    s.messageSequences,
  );
  return [
    {
      type: 'MessagePosted',
      data: {
        reportId: s.reportId,
        messageId: command.data.messageId,
        author: actor.kind,
        ...(actor.kind === 'investigator' && { investigatorId: actor.investigatorId }),
        envelope,
        postedAt: actedAt(command.metadata),
      },
    },
  ];
}

export function addEvidence(command: AddEvidence, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  assertNew(s.evidenceIds, command.data.evidenceId);
  const { actor } = command.metadata;
  if (actor.kind === 'system' || actor.kind === 'operator')
    throw new InvalidCommandError(`${actor.kind} cannot add evidence`);
  return [
    {
      type: 'EvidenceAdded',
      data: {
        reportId: s.reportId,
        evidenceId: command.data.evidenceId,
        blobId: command.data.blobId,
        paddedSize: command.data.paddedSize,
        header: command.data.header as EvidenceAdded['data']['header'],
        by: actor.kind,
        ...(actor.kind === 'investigator' && { investigatorId: actor.investigatorId }),
        addedAt: actedAt(command.metadata),
      },
    },
  ];
}

/** Notes stay possible on closed reports: the record of why a case was closed grows later. */
export function addInternalNote(command: AddInternalNote, state: ReportState): ReportEvent[] {
  const s = existing(state);
  assertNew(s.noteIds, command.data.noteId);
  const by = staff(command.metadata);
  ownNext(
    s,
    command.data.note,
    command.data.noteId,
    command.metadata.actor,
    command.data.authorKey,
    s.noteSequences,
  );
  return [
    {
      type: 'InternalNoteAdded',
      data: {
        reportId: s.reportId,
        noteId: command.data.noteId,
        by,
        note: command.data.note,
        addedAt: iso(command.metadata),
      },
    },
  ];
}

function concludable(state: ReportState, command: string): ReportFacts {
  const s = open(state, command);
  // A report is concluded only after it was acknowledged (ISO 37002: receive, assess, address).
  if (s.status === 'submitted') throw new IllegalTransitionError(command, s.status);
  return s;
}

export function close(command: CloseReport, state: ReportState): ReportEvent[] {
  const s = concludable(state, command.type);
  return [
    {
      type: 'ReportClosed',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        outcome: command.data.outcome,
        closedAt: iso(command.metadata),
      },
    },
  ];
}

export function refer(command: ReferReport, state: ReportState): ReportEvent[] {
  const s = concludable(state, command.type);
  return [
    {
      type: 'ReportReferred',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        referral: command.data.referral,
        referredAt: iso(command.metadata),
      },
    },
  ];
}

export function reopen(command: ReopenReport, state: ReportState): ReportEvent[] {
  const s = existing(state);
  if (s.status !== 'closed') throw new IllegalTransitionError(command.type, s.status);
  return [
    {
      type: 'ReportReopened',
      data: {
        reportId: s.reportId,
        by: staff(command.metadata),
        reopenedAt: iso(command.metadata),
      },
    },
  ];
}

/**
 * A holder gives a colleague the report key (SECURITY.md, Protocol step 5). Closed reports too:
 * a case handed over still has to be read. The same share again is a retry and writes nothing;
 * a share to someone the envelope names is refused. A colleague may hold shares from several
 * sharers, and a sharer's new share replaces their own earlier one: the server cannot open a
 * share to judge it, so one insider's bad share must not stop a colleague's good one (the
 * colleague's browser tries them, newest first, until one opens the report).
 */
export function shareKey(command: ShareReportKey, state: ReportState): ReportEvent[] {
  const s = existing(state);
  const by = command.metadata.actor.kind === 'investigator' ? staff(command.metadata) : undefined;
  if (by === undefined) throw new InvalidCommandError('only an investigator shares a report key');
  const { recipientId, share } = command.data;
  if (share.reportId !== s.reportId || share.recipientId !== recipientId || share.sharedBy !== by)
    throw new InvalidCommandError('share is bound to another report, recipient or sharer');
  if (s.sealedTo.includes(recipientId))
    throw new KeyShareConflictError('the envelope already wraps the key for this recipient');
  if (s.keyShares[recipientId]?.[by] === shareFingerprint(share)) return [];
  return [
    {
      type: 'ReportKeyShared',
      data: { reportId: s.reportId, recipientId, by, share, sharedAt: iso(command.metadata) },
    },
  ];
}

/**
 * An investigator of the report's channel proposes to refer it to another channel (SECURITY.md,
 * Protocol step 11). In `consent` mode it carries no share: only the whistleblower's acceptance
 * does, so nobody new can get the key without their yes. In `inform` mode every share must be
 * the issuer's, for this report, one per target recipient; the reason must be the issuer's next message of the `referrals` thread under this
 * referral's id. One referral is open at a time, and a channel that already has the report
 * (its own, or an accepted referral) is not proposed again. A channel whose setting is
 * `inform` forwards at once: the proposal and its taking effect are one decision.
 */
export function proposeReferral(command: ProposeReferral, state: ReportState): ReportEvent[] {
  const s = open(state, command.type);
  const by = staff(command.metadata);
  const d = command.data;
  if (command.metadata.actor.kind !== 'investigator')
    throw new InvalidCommandError('only an investigator refers a report');
  if (s.referrals.some((r) => r.referralId === d.referralId))
    throw new DuplicateItemError('referral id already used');
  if (d.toChannelId === s.channelId) throw new InvalidCommandError('referral to its own channel');
  if (s.referrals.some((r) => r.status === 'proposed'))
    throw new ReferralConflictError('another referral awaits the whistleblower');
  if (s.referrals.some((r) => r.status === 'accepted' && r.toChannelId === d.toChannelId))
    throw new ReferralConflictError('the channel already has the report');
  if (d.mode === 'consent' && d.shares.length > 0)
    throw new InvalidCommandError('a referral awaiting consent carries no key share');
  if (d.mode === 'inform') assertShares(d.shares, s.reportId, by);
  const reason = ownNext(
    s,
    d.reason,
    d.referralId,
    command.metadata.actor,
    d.authorKey,
    s.referralSequences,
  );
  const proposedAt = iso(command.metadata);
  const proposed: ReportEvent = {
    type: 'ReferralProposed',
    data: {
      reportId: s.reportId,
      referralId: d.referralId,
      by,
      fromChannelId: s.channelId,
      toChannelId: d.toChannelId,
      mode: d.mode,
      handOver: d.handOver,
      targetDeadlines: { ...d.targetDeadlines },
      shares: [...d.shares],
      reason,
      proposedAt,
    },
  };
  if (d.mode === 'consent') return [proposed];
  return [proposed, takesEffect(s.reportId, d, 'not_asked', proposedAt)];
}

/** At least one share, one per recipient, each for this report and from `sharedBy`. */
function assertShares(shares: readonly ReportKeyShare[], reportId: string, sharedBy: string): void {
  const recipients = new Set(shares.map((share) => share.recipientId));
  if (
    shares.length === 0 ||
    recipients.size !== shares.length ||
    shares.some((share) => share.reportId !== reportId || share.sharedBy !== sharedBy)
  )
    throw new InvalidCommandError('shares are bound to another report or sharer');
}

function takesEffect(
  reportId: string,
  referral: Pick<Referral, 'referralId' | 'toChannelId' | 'targetDeadlines'>,
  consent: 'given' | 'not_asked',
  acceptedAt: string,
  shares?: readonly ReportKeyShare[],
): ReportEvent {
  const { acknowledgeWithinDays, feedbackWithinMonths } = referral.targetDeadlines;
  return {
    type: 'ReferralAccepted',
    data: {
      reportId,
      referralId: referral.referralId,
      toChannelId: referral.toChannelId,
      consent,
      acceptedAt,
      acknowledgementDueAt: addDays(acceptedAt, acknowledgeWithinDays),
      feedbackDueAt: addMonths(acceptedAt, feedbackWithinMonths),
      ...(shares && { shares: [...shares] }),
    },
  };
}

/**
 * The referral a whistleblower's answer is about. The same answer again is a retry and writes
 * nothing; any other state of it (answered otherwise, withdrawn, unknown) is a conflict.
 */
function awaitingAnswer(
  s: Existing,
  referralId: string,
  metadata: CommandMetadata,
  answered: Referral['status'],
): Referral | undefined {
  if (metadata.actor.kind !== 'whistleblower')
    throw new InvalidCommandError('only the whistleblower answers a referral');
  const referral = s.referrals.find((r) => r.referralId === referralId);
  if (referral?.status === answered) return undefined;
  if (referral?.status !== 'proposed' || referral.mode !== 'consent')
    throw new ReferralConflictError('no such referral awaits an answer');
  return referral;
}

export function acceptReferral(command: AcceptReferral, state: ReportState): ReportEvent[] {
  const s = existing(state);
  const referral = awaitingAnswer(s, command.data.referralId, command.metadata, 'accepted');
  if (!referral) return [];
  // The whistleblower's own shares (intake checked them against the target's signed list):
  // signed with the receipt's key, so `sharedBy` is the report itself.
  assertShares(command.data.shares, s.reportId, s.reportId);
  return [
    takesEffect(s.reportId, referral, 'given', toMinute(command.metadata.now), command.data.shares),
  ];
}

export function declineReferral(command: DeclineReferral, state: ReportState): ReportEvent[] {
  const s = existing(state);
  const referral = awaitingAnswer(s, command.data.referralId, command.metadata, 'declined');
  if (!referral) return [];
  return [
    {
      type: 'ReferralDeclined',
      data: {
        reportId: s.reportId,
        referralId: referral.referralId,
        declinedAt: toMinute(command.metadata.now),
      },
    },
  ];
}

export function withdrawReferral(command: WithdrawReferral, state: ReportState): ReportEvent[] {
  const s = existing(state);
  const by = staff(command.metadata);
  const referral = s.referrals.find((r) => r.referralId === command.data.referralId);
  if (referral?.status !== 'proposed')
    throw new ReferralConflictError('no such referral awaits an answer');
  return [
    {
      type: 'ReferralWithdrawn',
      data: {
        reportId: s.reportId,
        referralId: referral.referralId,
        by,
        withdrawnAt: iso(command.metadata),
      },
    },
  ];
}

/**
 * The target channel's own acknowledgement of a referral that took effect (SECURITY.md, Protocol
 * step 11): by one of the target's recipients only, once per referral (again, by anyone of them,
 * writes nothing); a referral not accepted, or unknown, is a conflict.
 */
export function acknowledgeReferral(
  command: AcknowledgeReferral,
  state: ReportState,
): ReportEvent[] {
  const s = existing(state);
  if (command.metadata.actor.kind !== 'investigator')
    throw new InvalidCommandError('only an investigator acknowledges a referral');
  const by = staff(command.metadata);
  const referral = s.referrals.find((r) => r.referralId === command.data.referralId);
  if (referral?.status !== 'accepted')
    throw new ReferralConflictError('no such referral took effect');
  if (!command.data.targetRecipients.includes(by))
    throw new ReferralConflictError('only the target channel acknowledges a referral');
  if (referral.acknowledgedAt !== null) return [];
  return [
    {
      type: 'ReferralAcknowledged',
      data: {
        reportId: s.reportId,
        referralId: referral.referralId,
        by,
        acknowledgedAt: iso(command.metadata),
      },
    },
  ];
}

/** Retention (Art. 18): only a closed report can be purged. */
export function purge(command: PurgeReport, state: ReportState): ReportEvent[] {
  const s = existing(state);
  if (s.status !== 'closed') throw new IllegalTransitionError(command.type, s.status);
  const { closedBefore } = command.data;
  if (closedBefore !== undefined && Date.parse(s.closedAt) >= Date.parse(closedBefore))
    throw new RetentionNotElapsedError('closed within the retention period');
  return [
    {
      type: 'ReportPurged',
      data: { reportId: s.reportId, by: staff(command.metadata), purgedAt: iso(command.metadata) },
    },
  ];
}

export function decideReport(command: ReportCommand, state: ReportState): ReportEvent[] {
  switch (command.type) {
    case 'SubmitReport':
      return submit(command, state);
    case 'AcknowledgeReport':
      return acknowledge(command, state);
    case 'TriageReport':
      return triage(command, state);
    case 'AssignReport':
      return assign(command, state);
    case 'UnassignReport':
      return unassign(command, state);
    case 'ChangeReportStatus':
      return changeStatus(command, state);
    case 'PostMessage':
      return postMessage(command, state);
    case 'AddEvidence':
      return addEvidence(command, state);
    case 'AddInternalNote':
      return addInternalNote(command, state);
    case 'CloseReport':
      return close(command, state);
    case 'ReferReport':
      return refer(command, state);
    case 'ReopenReport':
      return reopen(command, state);
    case 'ShareReportKey':
      return shareKey(command, state);
    case 'AttachLabel':
      return attachLabel(command, state);
    case 'DetachLabel':
      return detachLabel(command, state);
    case 'ProposeReferral':
      return proposeReferral(command, state);
    case 'AcceptReferral':
      return acceptReferral(command, state);
    case 'DeclineReferral':
      return declineReferral(command, state);
    case 'WithdrawReferral':
      return withdrawReferral(command, state);
    case 'AcknowledgeReferral':
      return acknowledgeReferral(command, state);
    case 'PurgeReport':
      return purge(command, state);
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}
