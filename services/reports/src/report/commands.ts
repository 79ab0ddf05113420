import type { CommandMetadata } from '../shared/command.ts';
import type { ReportKeyShare, Sealed, SubmissionEnvelope } from '../shared/sealed.ts';
import type { ClosingOutcome, Priority, Sector, WorkingStatus } from './events.ts';

interface Cmd<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** Per-channel deadlines (EU Directive defaults: 7 days, 3 months). */
export interface Deadlines {
  readonly acknowledgeWithinDays: number;
  readonly feedbackWithinMonths: number;
}
export const directiveDeadlines: Deadlines = { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 };

export type SubmitReport = Cmd<
  'SubmitReport',
  {
    reportId: string;
    channelId: string;
    envelope: SubmissionEnvelope;
    acknowledgeWithinDays?: number;
  }
>;
export type AcknowledgeReport = Cmd<
  'AcknowledgeReport',
  { reportId: string; feedbackWithinMonths?: number }
>;
export type TriageReport = Cmd<
  'TriageReport',
  { reportId: string; priority: Priority; sector: Sector; region: string | null }
>;
export type AssignReport = Cmd<'AssignReport', { reportId: string; investigatorId: string }>;
export type UnassignReport = Cmd<'UnassignReport', { reportId: string; investigatorId: string }>;
export type ChangeReportStatus = Cmd<'ChangeReportStatus', { reportId: string; to: WorkingStatus }>;
/**
 * `authorKey`: an investigator's signing key as their account has it (the HTTP layer reads it);
 * the whistleblower's comes from the submission envelope, so intake sends none.
 */
export type PostMessage = Cmd<
  'PostMessage',
  { reportId: string; messageId: string; envelope: Sealed; authorKey?: string }
>;
export type AddEvidence = Cmd<
  'AddEvidence',
  { reportId: string; evidenceId: string; blobId: string; paddedSize: number; header: Sealed }
>;
/** `note` is a protocol message envelope (its own thread); `authorKey` as for PostMessage. */
export type AddInternalNote = Cmd<
  'AddInternalNote',
  { reportId: string; noteId: string; note: Sealed; authorKey?: string }
>;
export type CloseReport = Cmd<'CloseReport', { reportId: string; outcome: ClosingOutcome }>;
export type ReferReport = Cmd<'ReferReport', { reportId: string; referral: Sealed }>;
export type ReopenReport = Cmd<'ReopenReport', { reportId: string }>;
/**
 * A holder shares the report key with a colleague the envelope does not name. The HTTP layer
 * checks that the colleague is a current recipient; the decider that the share is bound to this
 * report, this colleague and the issuer, and one share per colleague.
 */
export type ShareReportKey = Cmd<
  'ShareReportKey',
  { reportId: string; recipientId: string; share: ReportKeyShare }
>;
/**
 * Retention (Art. 18). `closedBefore` (ISO time) is the retention job's rule: purge only a report
 * closed before it, judged on the stream itself, so a report reopened and closed again since the
 * job read its queue row is kept.
 */
export type PurgeReport = Cmd<'PurgeReport', { reportId: string; closedBefore?: string }>;

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
  | PurgeReport;

export type ReportCommandType = ReportCommand['type'];
