import type { Command } from '../shared/command.ts';
import type { ReportKeyShare, Sealed, SubmissionEnvelope } from '../shared/sealed.ts';
import type { ClosingOutcome, Priority, Sector, WorkingStatus } from './events.ts';

/** Per-channel deadlines (EU Directive defaults: 7 days, 3 months). */
export interface Deadlines {
  readonly acknowledgeWithinDays: number;
  readonly feedbackWithinMonths: number;
}
export const directiveDeadlines: Deadlines = { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 };

export type SubmitReport = Command<
  'SubmitReport',
  {
    reportId: string;
    channelId: string;
    envelope: SubmissionEnvelope;
    acknowledgeWithinDays?: number;
    /** The no-JavaScript path: intake sealed it, so intake saw the plaintext while it did. */
    sealedBy?: 'server';
  }
>;
export type AcknowledgeReport = Command<
  'AcknowledgeReport',
  { reportId: string; feedbackWithinMonths?: number }
>;
export type TriageReport = Command<
  'TriageReport',
  { reportId: string; priority: Priority; sector: Sector; region: string | null }
>;
/** One investigator on one report: whom (un)assigning names. */
interface Assignment {
  reportId: string;
  investigatorId: string;
}
export type AssignReport = Command<'AssignReport', Assignment>;
export type UnassignReport = Command<'UnassignReport', Assignment>;
export type ChangeReportStatus = Command<
  'ChangeReportStatus',
  { reportId: string; to: WorkingStatus }
>;
/**
 * `authorKey`: an investigator's signing key as their account has it (the HTTP layer reads it);
 * the whistleblower's comes from the submission envelope, so intake sends none.
 */
export type PostMessage = Command<
  'PostMessage',
  { reportId: string; messageId: string; envelope: Sealed; authorKey?: string }
>;
export type AddEvidence = Command<
  'AddEvidence',
  { reportId: string; evidenceId: string; blobId: string; paddedSize: number; header: Sealed }
>;
/** `note` is a protocol message envelope (its own thread); `authorKey` as for PostMessage. */
export type AddInternalNote = Command<
  'AddInternalNote',
  { reportId: string; noteId: string; note: Sealed; authorKey?: string }
>;
export type CloseReport = Command<'CloseReport', { reportId: string; outcome: ClosingOutcome }>;
export type ReferReport = Command<'ReferReport', { reportId: string; referral: Sealed }>;
/**
 * `channelLabels`: the labels the report's channel defines now, read by the HTTP layer from the
 * channel stream; a label outside them is refused.
 */
export type AttachLabel = Command<
  'AttachLabel',
  { reportId: string; label: string; channelLabels: readonly string[] }
>;
export type DetachLabel = Command<'DetachLabel', { reportId: string; label: string }>;
export type ReopenReport = Command<'ReopenReport', { reportId: string }>;
/**
 * A holder shares the report key with a colleague the envelope does not name. The HTTP layer
 * checks that the colleague is a current recipient; the decider that the share is bound to this
 * report, this colleague and the issuer, and one share per colleague.
 */
export type ShareReportKey = Command<
  'ShareReportKey',
  { reportId: string; recipientId: string; share: ReportKeyShare }
>;
/**
 * Retention (Art. 18). `closedBefore` (ISO time) is the retention job's rule: purge only a report
 * closed before it, judged on the stream itself, so a report reopened and closed again since the
 * job read its queue row is kept.
 */
export type PurgeReport = Command<'PurgeReport', { reportId: string; closedBefore?: string }>;

/**
 * Referral to another channel (SECURITY.md, Protocol step 11). `shares` only for `inform` (in
 * `consent` mode none: the whistleblower's browser makes them on acceptance). The HTTP layer
 * verifies the shares against the target channel's signed list and reads `mode` (the source channel's
 * setting) and `targetDeadlines` (the target's); the decider checks the bindings, the reason's
 * author and sequence, and that one referral at a time is open. `authorKey` as for PostMessage.
 */
export type ProposeReferral = Command<
  'ProposeReferral',
  {
    reportId: string;
    referralId: string;
    toChannelId: string;
    mode: 'consent' | 'inform';
    handOver: boolean;
    targetDeadlines: Deadlines;
    shares: readonly ReportKeyShare[];
    reason: Sealed;
    authorKey: string;
  }
>;
/** The referral a command after the proposal answers, withdraws or acknowledges. */
interface ReferralOf {
  reportId: string;
  referralId: string;
}
/**
 * The whistleblower's answer to a proposed referral (intake, behind their session). Accepting
 * carries the shares their browser made, which intake checked against the target's signed list.
 */
export type AcceptReferral = Command<
  'AcceptReferral',
  ReferralOf & { shares: readonly ReportKeyShare[] }
>;
export type DeclineReferral = Command<'DeclineReferral', ReferralOf>;
/** The source takes back a proposal the whistleblower has not answered. */
export type WithdrawReferral = Command<'WithdrawReferral', ReferralOf>;
/**
 * The target channel acknowledges a referral that took effect. `targetRecipients`: the target
 * channel's current recipients, read by the HTTP layer from its channel stream; only they may.
 */
export type AcknowledgeReferral = Command<
  'AcknowledgeReferral',
  ReferralOf & { targetRecipients: readonly string[] }
>;

export type ReportCommand =
  | SubmitReport
  | AcknowledgeReport
  | TriageReport
  | AssignReport
  | UnassignReport
  | ChangeReportStatus
  | PostMessage
  | AddEvidence
  | AddInternalNote
  | CloseReport
  | ReferReport
  | ReopenReport
  | ShareReportKey
  | AttachLabel
  | DetachLabel
  | ProposeReferral
  | AcceptReferral
  | DeclineReferral
  | WithdrawReferral
  | AcknowledgeReferral
  | PurgeReport;

export type ReportCommandType = ReportCommand['type'];
