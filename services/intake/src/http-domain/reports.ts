/**
 * http-domain/: the domain packages as intake's HTTP answers. Their calls live here and their
 * errors leave as intake's problems (`ProblemError`), so routes never map a domain error.
 *
 * The one place intake talks to the reports domain (services/reports): commands go through its
 * decider (`handleReportCommand`), the case view folds the stream with its `readReport`.
 * Intake only chooses the event ids (derived from the content, see below) and maps domain
 * errors to problems.
 */
import {
  DuplicateEventIdError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
} from '@integrity-desk/eventstore';
import {
  DuplicateItemError,
  IllegalTransitionError,
  InvalidCommandError,
  MessageOutOfSequenceError,
  ReportAlreadySubmittedError,
  ReportNotFoundError,
  ReportPurgedError,
  ReferralConflictError,
  WrongAuthorError,
  handleReportCommand,
  readReport,
  reportStream,
  type ReportCommand,
  type Referral,
  type ReportEvent,
  type Sealed,
  type SubmissionEnvelope,
  type UnrecordedBlob,
} from '@integrity-desk/reports';
import { createHash } from 'node:crypto';
import { ProblemError } from '../http/problem.ts';
import type { ReportKeyShare } from './protocol.ts';

export { reportStream };

/**
 * A UUID-shaped id from SHA-256 of the command's kind, target and exact content. A retry of the
 * same request yields the same event id, which the decider treats as done (same success); the
 * same report or message id with a different body yields another id, which the decider refuses
 * (409). The content hash is of ciphertext, so the id reveals nothing.
 */
export function contentEventId(kind: string, ...parts: readonly string[]): string {
  const h = createHash('sha256').update(kind);
  for (const p of parts) h.update('\0').update(p);
  const hex = h.digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const whistleblower = { kind: 'whistleblower' } as const;

/**
 * A whistleblower's command names no revision (they saw none), so a concurrent append to the
 * report (an investigator's message, their own message beside an upload) is no conflict of
 * theirs: it is decided again on the fresh stream (HandleOptions.attempts).
 */
async function run(store: EventStore, reportId: string, command: ReportCommand): Promise<void> {
  try {
    await handleReportCommand(store, reportId, command, { attempts: 5 });
  } catch (error) {
    if (
      error instanceof ReportAlreadySubmittedError ||
      error instanceof DuplicateItemError ||
      error instanceof ReferralConflictError ||
      error instanceof WrongExpectedVersionError ||
      error instanceof DuplicateEventIdError
    ) {
      throw new ProblemError('conflict');
    }
    if (error instanceof IllegalTransitionError || error instanceof ReportPurgedError) {
      throw new ProblemError('reportClosed');
    }
    if (error instanceof ReportNotFoundError) throw new ProblemError('unauthorized');
    if (error instanceof WrongAuthorError) throw new ProblemError('wrongAuthor');
    if (error instanceof MessageOutOfSequenceError) throw new ProblemError('messageOutOfSequence');
    if (error instanceof InvalidCommandError) throw new ProblemError('invalidRequest');
    throw error;
  }
}

/**
 * The id of the `ReportSubmitted` event for exactly this envelope (its report and channel ids are
 * inside it and signed). Computed once per request: it also serves as the proof-of-work binding,
 * and serialising and hashing a submission costs as much as several checks together.
 */
export const submissionEventId = (envelope: SubmissionEnvelope): string =>
  contentEventId(
    'ReportSubmitted',
    envelope.reportId,
    envelope.channelId,
    JSON.stringify(envelope),
  );

/**
 * Whether exactly this envelope (`eventId` from `submissionEventId`) was already accepted under
 * its report id: a retry whose first answer was lost stays the same success even after the
 * channel's recipient list moved on.
 */
export async function alreadySubmitted(
  store: EventStore,
  input: { reportId: string; eventId: string },
): Promise<boolean> {
  try {
    const events = await store.readStream(reportStream(input.reportId), { maxCount: 1 });
    return events[0]?.id === input.eventId;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return false;
    throw error;
  }
}

/** Appends `ReportSubmitted` through the decider; `eventId` from `submissionEventId(envelope)`. */
export function submitReport(
  store: EventStore,
  input: { envelope: SubmissionEnvelope; eventId: string; now: Date; sealedBy?: 'server' },
): Promise<void> {
  const { reportId, channelId } = input.envelope;
  return run(store, reportId, {
    type: 'SubmitReport',
    data: {
      reportId,
      channelId,
      envelope: input.envelope,
      ...(input.sealedBy && { sealedBy: input.sealedBy }),
    },
    metadata: { now: input.now, eventId: input.eventId, actor: whistleblower },
  });
}

export function postWhistleblowerMessage(
  store: EventStore,
  input: { reportId: string; messageId: string; envelope: Sealed; now: Date },
): Promise<void> {
  const eventId = contentEventId(
    'MessagePosted',
    input.reportId,
    input.messageId,
    JSON.stringify(input.envelope),
  );
  return run(store, input.reportId, {
    type: 'PostMessage',
    data: { reportId: input.reportId, messageId: input.messageId, envelope: input.envelope },
    metadata: { now: input.now, eventId, actor: whistleblower },
  });
}

export function addWhistleblowerEvidence(
  store: EventStore,
  input: {
    reportId: string;
    evidenceId: string;
    blobId: string;
    paddedSize: number;
    header: Sealed;
    now: Date;
  },
): Promise<void> {
  const eventId = contentEventId('EvidenceAdded', input.reportId, input.evidenceId, input.blobId);
  return run(store, input.reportId, {
    type: 'AddEvidence',
    data: {
      reportId: input.reportId,
      evidenceId: input.evidenceId,
      blobId: input.blobId,
      paddedSize: input.paddedSize,
      header: input.header,
    },
    metadata: { now: input.now, eventId, actor: whistleblower },
  });
}

/**
 * The whistleblower's answer to a proposed referral (SECURITY.md, Protocol step 11). The event
 * id is derived from the answer, so a retry is the same success; the decider writes nothing for
 * the same answer again and refuses the other one (409).
 */
export function answerReferral(
  store: EventStore,
  input: {
    reportId: string;
    referralId: string;
    accept: boolean;
    /** The accepting browser's shares, checked against the target's list (checkConsentShares). */
    shares: readonly ReportKeyShare[];
    now: Date;
  },
): Promise<void> {
  const { reportId, referralId } = input;
  const metadata = (type: string) => ({
    now: input.now,
    eventId: contentEventId(type, reportId, referralId),
    actor: whistleblower,
  });
  return run(
    store,
    reportId,
    input.accept
      ? {
          type: 'AcceptReferral',
          data: { reportId, referralId, shares: input.shares },
          metadata: metadata('AcceptReferral'),
        }
      : {
          type: 'DeclineReferral',
          data: { reportId, referralId },
          metadata: metadata('DeclineReferral'),
        },
  );
}

const namesBlob = (e: { type: string; data: unknown }, blobId: string) =>
  e.type === 'EvidenceAdded' && (e.data as { blobId?: unknown }).blobId === blobId;

/**
 * Whether an event names the blob of a finished upload whose `EvidenceAdded` was never known to
 * be durable: its own report's (read from that stream; a purged report names none) or another
 * report's of the same bytes (`heldElsewhere`). Only a blob no event names may be erased.
 */
export async function unrecordedBlobNamed(
  store: EventStore,
  upload: UnrecordedBlob,
  heldElsewhere: (blobId: string, reportId: string) => Promise<boolean>,
): Promise<boolean> {
  try {
    const events = await store.readStream(reportStream(upload.owner));
    if (events.some((e) => namesBlob(e, upload.blobId))) return true;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError || error instanceof StreamDeletedError)) throw error;
  }
  return heldElsewhere(upload.blobId, upload.owner);
}

/**
 * Whether a report other than `reportId` has an `EvidenceAdded` naming the blob, read from the
 * whole log through the port: the default where no read model is given (the server passes its
 * evidence-blobs read model). EventStoreDB keeps a purged report's events in `$all` until a
 * scavenge, which can only make this keep a blob longer.
 */
export async function blobNamedInLog(
  store: EventStore,
  blobId: string,
  reportId: string,
): Promise<boolean> {
  const page = 1000;
  for (let after: bigint | undefined; ;) {
    const events = await store.readAll({ ...(after !== undefined && { after }), maxCount: page });
    for (const e of events)
      if (
        e.streamId.startsWith('report-') &&
        e.streamId !== reportStream(reportId) &&
        namesBlob(e, blobId)
      )
        return true;
    if (events.length < page) return false;
    after = events.at(-1)!.position;
  }
}

/** What a whistleblower may see of their case: never investigator ids, notes or triage. */
export interface CaseView {
  readonly reportId: string;
  readonly channelId: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly acknowledgementDueAt: string;
  readonly acknowledgedAt: string | null;
  readonly feedbackDueAt: string | null;
  readonly timeline: readonly { readonly type: string; readonly at: string }[];
  readonly messages: readonly {
    readonly messageId: string;
    readonly author: 'whistleblower' | 'investigator';
    readonly envelope: Sealed;
    readonly postedAt: string;
  }[];
  /**
   * Referrals of the case to another channel, as the whistleblower decides on them: the target
   * (its name is public, in the deployment's channel list), the mode, where it stands, and the
   * reason sealed under the report key (their browser opens it; the server cannot). Absent when
   * the case has none, so a case view reads as it did before referrals existed.
   */
  readonly referrals?: readonly {
    readonly referralId: string;
    readonly toChannelId: string;
    readonly mode: 'consent' | 'inform';
    readonly status: 'proposed' | 'accepted' | 'declined' | 'withdrawn';
    readonly reason: Sealed;
    readonly proposedAt: string;
    /** When the target acknowledged it (its investigators took it up), else null. */
    readonly acknowledgedAt: string | null;
  }[];
  readonly evidence: readonly {
    readonly evidenceId: string;
    readonly blobId: string;
    readonly paddedSize: number;
    readonly header: Sealed;
    readonly by: 'whistleblower' | 'investigator';
    readonly addedAt: string;
  }[];
  /**
   * The whole signed submission envelope as stored: the whistleblower's browser verifies it
   * under the key its receipt derives before it takes the report key (the return path).
   */
  readonly envelope: SubmissionEnvelope;
  /** The report key sealed to the whistleblower's box key (from the submission envelope). */
  readonly wrappedKey: unknown;
  readonly signPublicKey: string;
}

/** Timeline entries a whistleblower sees, with their coarse times. */
function timelineEntry(event: ReportEvent): { type: string; at: string } | undefined {
  switch (event.type) {
    case 'ReportSubmitted':
      return { type: event.type, at: event.data.receivedAt };
    case 'ReportAcknowledged':
      return { type: event.type, at: event.data.acknowledgedAt };
    case 'ReportStatusChanged':
      return { type: `${event.type}:${event.data.to}`, at: event.data.changedAt };
    case 'MessagePosted':
      return { type: event.type, at: event.data.postedAt };
    case 'EvidenceAdded':
      return { type: event.type, at: event.data.addedAt };
    case 'ReportClosed':
      return { type: `${event.type}:${event.data.outcome}`, at: event.data.closedAt };
    case 'ReportReferred':
      return { type: event.type, at: event.data.referredAt };
    case 'ReportReopened':
      return { type: event.type, at: event.data.reopenedAt };
    case 'ReferralProposed':
      return { type: event.type, at: event.data.proposedAt };
    case 'ReferralAccepted':
      return { type: `${event.type}:${event.data.consent}`, at: event.data.acceptedAt };
    case 'ReferralDeclined':
      return { type: event.type, at: event.data.declinedAt };
    case 'ReferralWithdrawn':
      return { type: event.type, at: event.data.withdrawnAt };
    case 'ReferralAcknowledged':
      return { type: event.type, at: event.data.acknowledgedAt };
    default:
      return undefined;
  }
}

function referralsOf(events: readonly ReportEvent[], referrals: readonly Referral[]) {
  const list = events.flatMap((e) => {
    if (e.type !== 'ReferralProposed') return [];
    const now = referrals.find((r) => r.referralId === e.data.referralId);
    return [
      {
        referralId: e.data.referralId,
        toChannelId: e.data.toChannelId,
        mode: e.data.mode,
        status: now?.status ?? 'proposed',
        reason: e.data.reason,
        proposedAt: e.data.proposedAt,
        acknowledgedAt: now?.acknowledgedAt ?? null,
      },
    ];
  });
  return list.length > 0 ? { referrals: list } : {};
}

/** The case as its whistleblower sees it, or undefined when it does not exist (or was purged). */
export async function readCaseView(
  store: EventStore,
  reportId: string,
): Promise<CaseView | undefined> {
  const read = await readReport(store, reportId);
  const state = read.state;
  if (state.status === 'none' || state.status === 'purged') return undefined;
  const events = read.events.map((e) => e.event);
  const submitted = events.find((e) => e.type === 'ReportSubmitted');
  if (!submitted || submitted.type !== 'ReportSubmitted') return undefined;
  const wb = submitted.data.envelope.whistleblower as Record<string, unknown>;
  return {
    reportId: state.reportId,
    channelId: state.channelId,
    status: state.status,
    receivedAt: state.receivedAt,
    acknowledgementDueAt: state.acknowledgementDueAt,
    acknowledgedAt: state.acknowledgedAt,
    feedbackDueAt: state.feedbackDueAt,
    timeline: events.flatMap((e) => timelineEntry(e) ?? []),
    messages: events.flatMap((e) =>
      e.type === 'MessagePosted'
        ? [
            {
              messageId: e.data.messageId,
              author: e.data.author,
              envelope: e.data.envelope,
              postedAt: e.data.postedAt,
            },
          ]
        : [],
    ),
    ...referralsOf(events, state.referrals),
    evidence: events.flatMap((e) =>
      e.type === 'EvidenceAdded'
        ? [
            {
              evidenceId: e.data.evidenceId,
              blobId: e.data.blobId,
              paddedSize: e.data.paddedSize,
              header: e.data.header,
              by: e.data.by,
              addedAt: e.data.addedAt,
            },
          ]
        : [],
    ),
    envelope: submitted.data.envelope,
    wrappedKey: wb.wrappedKey ?? null,
    signPublicKey: String(wb.signPublicKey),
  };
}
