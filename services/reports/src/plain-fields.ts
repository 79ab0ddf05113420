import type { ChannelEvent } from './channel/index.ts';
import type { DeploymentEvent } from './deployment/index.ts';
import type { InvestigatorEvent } from './investigator/index.ts';
import type { ReportEvent } from './report/events.ts';
import type { AccessEvent } from './access/events.ts';
import type { PurgeEvent } from './retention/events.ts';

type EventType =
  | ReportEvent['type']
  | PurgeEvent['type']
  | AccessEvent['type']
  | InvestigatorEvent['type']
  | ChannelEvent['type']
  | DeploymentEvent['type'];

/**
 * What the server can read in each event. `plain` lists every field that is not ciphertext
 * (dotted paths for plain parts inside a sealed container); `sealed` lists the fields that hold
 * ciphertext only. SECURITY.md "Plain fields of events" must say exactly this: a test parses
 * its table and compares, and another compares both lists with the zod schemas.
 */
export const eventFields: Record<
  EventType,
  { plain: readonly string[]; sealed: readonly string[] }
> = {
  ReportSubmitted: {
    plain: [
      'reportId',
      'channelId',
      'receivedAt',
      'acknowledgementDueAt',
      'envelope.whistleblower.locator',
      'envelope.whistleblower.signPublicKey',
      'envelope.whistleblower.boxPublicKey',
    ],
    sealed: ['envelope'],
  },
  ReportAcknowledged: { plain: ['reportId', 'by', 'acknowledgedAt', 'feedbackDueAt'], sealed: [] },
  ReportTriaged: {
    plain: ['reportId', 'by', 'priority', 'sector', 'region', 'triagedAt'],
    sealed: [],
  },
  ReportAssigned: { plain: ['reportId', 'by', 'investigatorId', 'assignedAt'], sealed: [] },
  ReportUnassigned: { plain: ['reportId', 'by', 'investigatorId', 'unassignedAt'], sealed: [] },
  ReportStatusChanged: { plain: ['reportId', 'by', 'from', 'to', 'changedAt'], sealed: [] },
  MessagePosted: {
    plain: ['reportId', 'messageId', 'author', 'investigatorId', 'postedAt'],
    sealed: ['envelope'],
  },
  EvidenceAdded: {
    plain: ['reportId', 'evidenceId', 'blobId', 'paddedSize', 'by', 'investigatorId', 'addedAt'],
    sealed: ['header'],
  },
  InternalNoteAdded: { plain: ['reportId', 'noteId', 'by', 'addedAt'], sealed: ['note'] },
  ReportClosed: { plain: ['reportId', 'by', 'outcome', 'closedAt'], sealed: [] },
  ReportReferred: { plain: ['reportId', 'by', 'referredAt'], sealed: ['referral'] },
  ReportReopened: { plain: ['reportId', 'by', 'reopenedAt'], sealed: [] },
  ReportKeyShared: {
    plain: ['reportId', 'recipientId', 'by', 'sharedAt', 'share.boxPublicKey'],
    sealed: ['share'],
  },
  ReportPurged: { plain: ['reportId', 'by', 'purgedAt'], sealed: [] },
  ReportErased: { plain: ['reportId', 'erasedAt'], sealed: [] },
  CaseOpened: { plain: ['reportId', 'investigatorId', 'hour'], sealed: [] },
  EvidenceDownloaded: { plain: ['reportId', 'investigatorId', 'evidenceId', 'hour'], sealed: [] },
  InvestigatorInvited: {
    plain: [
      'investigatorId',
      'handle',
      'role',
      'enrolmentCodeHash',
      'expiresAt',
      'by',
      'invitedAt',
    ],
    sealed: [],
  },
  InvestigatorEnrolled: {
    plain: [
      'investigatorId',
      'signPublicKey',
      'boxPublicKey',
      'loginVerifier',
      'totpSecret',
      'sealedTotpSecret.keyId',
      'keyProof',
      'enrolledAt',
    ],
    sealed: ['vault', 'sealedTotpSecret'],
  },
  InvestigatorTotpConfirmed: { plain: ['investigatorId', 'confirmedAt'], sealed: [] },
  InvestigatorRoleChanged: { plain: ['investigatorId', 'role', 'by', 'changedAt'], sealed: [] },
  InvestigatorDeactivated: { plain: ['investigatorId', 'by', 'deactivatedAt'], sealed: [] },
  InvestigatorTotpReset: {
    plain: ['investigatorId', 'enrolmentCodeHash', 'expiresAt', 'by', 'resetAt'],
    sealed: [],
  },
  InvestigatorTotpReenrolled: {
    plain: ['investigatorId', 'sealedTotpSecret.keyId', 'reenrolledAt'],
    sealed: ['sealedTotpSecret'],
  },
  InvestigatorVaultChanged: {
    plain: [
      'investigatorId',
      'vault.signPublicKey',
      'vault.boxPublicKey',
      'loginVerifier',
      'changedAt',
    ],
    sealed: ['vault'],
  },
  InvestigatorKeysProven: { plain: ['investigatorId', 'keyProof', 'provenAt'], sealed: [] },
  InvestigatorKeyMismatchAlarmed: {
    plain: ['investigatorId', 'channelId', 'recipientListVersion', 'reason', 'alarmedAt'],
    sealed: [],
  },
  InvestigatorSignedIn: { plain: ['investigatorId', 'signedInAt'], sealed: [] },
  InvestigatorSignedOut: { plain: ['investigatorId', 'signedOutAt'], sealed: [] },
  InvestigatorSignInFailed: {
    plain: ['investigatorId', 'failures', 'throttled', 'failedAt'],
    sealed: [],
  },
  ChannelCreated: { plain: ['channelId', 'name', 'deadlines', 'by', 'createdAt'], sealed: [] },
  ChannelQuestionnairePublished: {
    plain: ['channelId', 'version', 'questionnaire', 'by', 'publishedAt'],
    sealed: [],
  },
  ChannelRecipientsPublished: {
    plain: ['channelId', 'version', 'recipientList', 'by', 'publishedAt'],
    sealed: [],
  },
  ChannelArchived: { plain: ['channelId', 'by', 'archivedAt'], sealed: [] },
  DeploymentInitialised: {
    plain: ['signPublicKey', 'administratorId', 'receiptSalt', 'initialisedAt'],
    sealed: [],
  },
  DeploymentKeyShared: {
    plain: [
      'sealedKey.v',
      'sealedKey.signPublicKey',
      'sealedKey.administratorId',
      'sharedBy',
      'sharedAt',
    ],
    sealed: ['sealedKey'],
  },
  DeploymentKeyRotated: { plain: ['transition', 'by', 'rotatedAt'], sealed: [] },
};

/** Every event's plain fields, as the SECURITY.md table lists them. */
export const plainFields: Record<EventType, readonly string[]> = Object.fromEntries(
  Object.entries(eventFields).map(([type, f]) => [type, f.plain]),
) as Record<EventType, readonly string[]>;
