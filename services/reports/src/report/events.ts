import {
  closingOutcomes,
  priorities,
  sectors,
  workingStatuses,
} from '@integrity-desk/protocol/vocabulary';
import { z } from 'zod';
import { eventParser, eventTypesOf } from '../shared/event-schema.ts';
import {
  attachmentHeaderSchema,
  messageEnvelopeSchema,
  referralSharesSchema,
  reportKeyShareSchema,
  sealedSchema,
  submissionEnvelopeSchema,
} from '../shared/sealed.ts';

/**
 * Events of a `report-<uuid>` stream. Everything a whistleblower or an investigator wrote is
 * ciphertext (`envelope`, `header`, `note`, `referral`); the plain fields are only what routing
 * and deadlines need, and `reportPlainFields` below lists them for SECURITY.md's test.
 */

const id = z.string().min(1).max(128);
const at = z.iso.datetime();

// The case's fixed words (priorities, sectors, working statuses, outcomes) are the protocol's
// vocabulary, which the front end shows as choices: one list, so a page and the decider agree.
export {
  closingOutcomes,
  outcomes,
  priorities,
  sectors,
  workingStatuses,
  type ClosingOutcome,
  type Outcome,
  type Priority,
  type Sector,
  type WorkingStatus,
} from '@integrity-desk/protocol/vocabulary';

export const reportSubmittedSchema = z.object({
  type: z.literal('ReportSubmitted'),
  data: z.object({
    reportId: id,
    channelId: id,
    /** Rounded down to the hour: coarse on purpose. */
    receivedAt: at,
    /**
     * Set from the channel's deadline. Version 1 of this event could leave it out (the
     * Directive's 7 days from receivedAt); the upcaster to version 2 fills it in on read.
     */
    acknowledgementDueAt: at,
    envelope: submissionEnvelopeSchema,
    /**
     * 'server' when intake sealed the report for a browser without JavaScript (SECURITY.md, "The
     * no-JavaScript path"): intake saw the plaintext while it sealed. Absent: the browser sealed it.
     */
    sealedBy: z.literal('server').optional(),
  }),
});

export const reportAcknowledgedSchema = z.object({
  type: z.literal('ReportAcknowledged'),
  data: z.object({ reportId: id, by: id, acknowledgedAt: at, feedbackDueAt: at }),
});

export const reportTriagedSchema = z.object({
  type: z.literal('ReportTriaged'),
  data: z.object({
    reportId: id,
    by: id,
    priority: z.enum(priorities),
    sector: z.enum(sectors),
    region: z.string().min(1).max(64).nullable(),
    triagedAt: at,
  }),
});

export const reportAssignedSchema = z.object({
  type: z.literal('ReportAssigned'),
  data: z.object({ reportId: id, by: id, investigatorId: id, assignedAt: at }),
});

export const reportUnassignedSchema = z.object({
  type: z.literal('ReportUnassigned'),
  data: z.object({ reportId: id, by: id, investigatorId: id, unassignedAt: at }),
});

export const reportStatusChangedSchema = z.object({
  type: z.literal('ReportStatusChanged'),
  data: z.object({
    reportId: id,
    by: id,
    from: z.enum(['acknowledged', ...workingStatuses]),
    to: z.enum(workingStatuses),
    changedAt: at,
  }),
});

export const messagePostedSchema = z.object({
  type: z.literal('MessagePosted'),
  data: z.object({
    reportId: id,
    messageId: id,
    author: z.enum(['whistleblower', 'investigator']),
    investigatorId: id.optional(),
    envelope: messageEnvelopeSchema,
    postedAt: at,
  }),
});

export const evidenceAddedSchema = z.object({
  type: z.literal('EvidenceAdded'),
  data: z.object({
    reportId: id,
    evidenceId: id,
    blobId: z.string().regex(/^[0-9a-f]{64}$/),
    paddedSize: z.number().int().nonnegative(),
    header: attachmentHeaderSchema,
    by: z.enum(['whistleblower', 'investigator']),
    investigatorId: id.optional(),
    addedAt: at,
  }),
});

export const internalNoteAddedSchema = z.object({
  type: z.literal('InternalNoteAdded'),
  data: z.object({ reportId: id, noteId: id, by: id, note: sealedSchema, addedAt: at }),
});

export const reportClosedSchema = z.object({
  type: z.literal('ReportClosed'),
  data: z.object({ reportId: id, by: id, outcome: z.enum(closingOutcomes), closedAt: at }),
});

export const reportReferredSchema = z.object({
  type: z.literal('ReportReferred'),
  data: z.object({
    reportId: id,
    by: id,
    /** Sealed: who a report went to can say what it is about. */
    referral: sealedSchema,
    referredAt: at,
  }),
});

export const reportReopenedSchema = z.object({
  type: z.literal('ReportReopened'),
  data: z.object({ reportId: id, by: id, reopenedAt: at }),
});

/**
 * A holder of the report key shared it with a current recipient of the channel whom the
 * envelope does not name (added after the report was sealed). `share` is the protocol's signed
 * crypto_box_seal of the key to the box key of the channel's signed list; its ids repeat the
 * plain ones, `share.boxPublicKey` is that list's public key.
 */
export const reportKeySharedSchema = z.object({
  type: z.literal('ReportKeyShared'),
  data: z.object({
    reportId: id,
    recipientId: id,
    by: id,
    share: reportKeyShareSchema,
    sharedAt: at,
  }),
});

export const reportPurgedSchema = z.object({
  type: z.literal('ReportPurged'),
  data: z.object({ reportId: id, by: id, purgedAt: at }),
});

/** A label the channel defines (labelSchema), attached to or detached from the case by staff. */
export const reportLabelAttachedSchema = z.object({
  type: z.literal('ReportLabelAttached'),
  data: z.object({ reportId: id, by: id, label: z.string().min(1).max(40), attachedAt: at }),
});

export const reportLabelDetachedSchema = z.object({
  type: z.literal('ReportLabelDetached'),
  data: z.object({ reportId: id, by: id, label: z.string().min(1).max(40), detachedAt: at }),
});

/**
 * Referral to another coalition member (SECURITY.md, Protocol step 11). In `inform` mode the
 * investigator's browser wrapped the report key to the target channel's signed recipient list
 * (`shares`, one ReportKeyShare per target recipient, signed by the referrer); in `consent` mode
 * `shares` is empty (proposals written before consent became cryptographic may carry the
 * referrer's shares) and the whistleblower's browser makes them on acceptance. It sealed the reason under the
 * report key (`reason`, a message envelope of the `referrals` thread, whose sealed body also names
 * the target). The server learns that the report may move from `fromChannelId` to
 * `toChannelId`, and when; never the key nor the reason. `mode` is the source channel's setting:
 * `consent` waits for the whistleblower, `inform` (a legal duty to forward) takes effect at once
 * and the whistleblower is told. `handOver`: the source gives up access once it takes effect.
 * `targetDeadlines` are the target channel's, counted from acceptance.
 */
export const referralProposedSchema = z.object({
  type: z.literal('ReferralProposed'),
  data: z.object({
    reportId: id,
    referralId: id,
    by: id,
    fromChannelId: id,
    toChannelId: id,
    mode: z.enum(['consent', 'inform']),
    handOver: z.boolean(),
    targetDeadlines: z.object({
      acknowledgeWithinDays: z.number().int().min(1).max(365),
      feedbackWithinMonths: z.number().int().min(1).max(24),
    }),
    shares: referralSharesSchema,
    reason: messageEnvelopeSchema,
    proposedAt: at,
  }),
});

/**
 * The referral took effect: the whistleblower consented (`consent: 'given'`, minute-coarse as
 * everything they do) or the source channel forwards by duty (`'not_asked'`, with the proposal).
 * Only now does the desk hand the target its shares; its own deadlines start here. `shares`: on
 * consent, the report key wrapped by the whistleblower's browser to each recipient of the
 * target's signed list, signed with the receipt's key (`sharedBy` = the report id); absent for
 * inform only (the proposal's shares) and on acceptances written before.
 */
export const referralAcceptedSchema = z.object({
  type: z.literal('ReferralAccepted'),
  data: z.object({
    reportId: id,
    referralId: id,
    toChannelId: id,
    consent: z.enum(['given', 'not_asked']),
    acceptedAt: at,
    acknowledgementDueAt: at,
    feedbackDueAt: at,
    shares: referralSharesSchema.optional(),
  }),
});

/** The whistleblower said no: the shares stay unused, the target never sees the report. */
export const referralDeclinedSchema = z.object({
  type: z.literal('ReferralDeclined'),
  data: z.object({ reportId: id, referralId: id, declinedAt: at }),
});

/** The source took a proposal back before the whistleblower answered: nothing was shared. */
export const referralWithdrawnSchema = z.object({
  type: z.literal('ReferralWithdrawn'),
  data: z.object({ reportId: id, referralId: id, by: id, withdrawnAt: at }),
});

/**
 * The target channel took the referred case up: one of its recipients acknowledged it, its own
 * acknowledgement (the target's deadline, counted from acceptance, is met here). Once per referral;
 * the whistleblower sees that the target received the report.
 */
export const referralAcknowledgedSchema = z.object({
  type: z.literal('ReferralAcknowledged'),
  data: z.object({ reportId: id, referralId: id, by: id, acknowledgedAt: at }),
});

export const reportEventSchema = z.discriminatedUnion('type', [
  reportSubmittedSchema,
  reportAcknowledgedSchema,
  reportTriagedSchema,
  reportAssignedSchema,
  reportUnassignedSchema,
  reportStatusChangedSchema,
  messagePostedSchema,
  evidenceAddedSchema,
  internalNoteAddedSchema,
  reportClosedSchema,
  reportReferredSchema,
  reportReopenedSchema,
  reportKeySharedSchema,
  reportLabelAttachedSchema,
  reportLabelDetachedSchema,
  referralProposedSchema,
  referralAcceptedSchema,
  referralDeclinedSchema,
  referralWithdrawnSchema,
  referralAcknowledgedSchema,
  reportPurgedSchema,
]);

export type ReportEvent = z.infer<typeof reportEventSchema>;
export type ReportEventType = ReportEvent['type'];
export type ReportEventOf<T extends ReportEventType> = Extract<ReportEvent, { type: T }>;
export type ReportSubmitted = ReportEventOf<'ReportSubmitted'>;
export type MessagePosted = ReportEventOf<'MessagePosted'>;
export type EvidenceAdded = ReportEventOf<'EvidenceAdded'>;
export type ReportKeyShared = ReportEventOf<'ReportKeyShared'>;
export type ReferralProposed = ReportEventOf<'ReferralProposed'>;

export const reportEventTypes = eventTypesOf(reportEventSchema);
export const parseReportEvent = eventParser(reportEventSchema);
