import type { ChannelEvent, ReportEvent } from '@integrity-desk/reports';

/**
 * One step of a case as the desk's timeline shows it: the event's type, when, who did it and
 * the one plain word it carries (a status, a priority, an outcome, a colleague's id; for a
 * message, note or evidence file its id, whose sealed content is in the case's own arrays).
 * Only fields that are plain in the event already (SECURITY.md, "Plain fields"). The list is in
 * stream order: times are coarse (a whistleblower's to the minute, receipt to the hour), so the
 * order is what says which came first, and the browser keeps it.
 */
export interface HistoryEntry {
  readonly type: ReportEvent['type'];
  readonly at: string;
  readonly by?: string;
  readonly detail?: string;
}

/** The steps of a case, oldest first, without the sealed content of any of them. */
export function caseHistory(events: readonly { event: ReportEvent }[]): HistoryEntry[] {
  return events.flatMap(({ event }): HistoryEntry[] => {
    switch (event.type) {
      case 'ReportSubmitted':
        return [{ type: event.type, at: event.data.receivedAt }];
      case 'ReportAcknowledged':
        return [{ type: event.type, at: event.data.acknowledgedAt, by: event.data.by }];
      case 'ReportTriaged': {
        const { priority, sector, triagedAt, by } = event.data;
        return [{ type: event.type, at: triagedAt, by, detail: `${priority}/${sector}` }];
      }
      case 'ReportAssigned':
        return [
          {
            type: event.type,
            at: event.data.assignedAt,
            by: event.data.by,
            detail: event.data.investigatorId,
          },
        ];
      case 'ReportUnassigned':
        return [
          {
            type: event.type,
            at: event.data.unassignedAt,
            by: event.data.by,
            detail: event.data.investigatorId,
          },
        ];
      case 'ReportStatusChanged':
        return [
          { type: event.type, at: event.data.changedAt, by: event.data.by, detail: event.data.to },
        ];
      case 'ReportClosed':
        return [
          {
            type: event.type,
            at: event.data.closedAt,
            by: event.data.by,
            detail: event.data.outcome,
          },
        ];
      // Who a report was referred to is sealed: the step shows, its addressee does not.
      case 'ReportReferred':
        return [{ type: event.type, at: event.data.referredAt, by: event.data.by }];
      case 'ReportReopened':
        return [{ type: event.type, at: event.data.reopenedAt, by: event.data.by }];
      case 'ReportKeyShared':
        return [
          {
            type: event.type,
            at: event.data.sharedAt,
            by: event.data.by,
            detail: event.data.recipientId,
          },
        ];
      case 'MessagePosted': {
        const { postedAt, author, investigatorId, messageId } = event.data;
        const by = author === 'investigator' ? investigatorId : undefined;
        return [{ type: event.type, at: postedAt, ...(by ? { by } : {}), detail: messageId }];
      }
      case 'EvidenceAdded': {
        const { addedAt, investigatorId, evidenceId } = event.data;
        return [
          {
            type: event.type,
            at: addedAt,
            ...(investigatorId ? { by: investigatorId } : {}),
            detail: evidenceId,
          },
        ];
      }
      case 'InternalNoteAdded':
        return [
          {
            type: event.type,
            at: event.data.addedAt,
            by: event.data.by,
            detail: event.data.noteId,
          },
        ];
      // A label is the channel's plain text: the step shows which one.
      case 'ReportLabelAttached':
        return [
          {
            type: event.type,
            at: event.data.attachedAt,
            by: event.data.by,
            detail: event.data.label,
          },
        ];
      case 'ReportLabelDetached':
        return [
          {
            type: event.type,
            at: event.data.detachedAt,
            by: event.data.by,
            detail: event.data.label,
          },
        ];
      // A referral's steps show the target channel (plain in the event); its reason is sealed.
      case 'ReferralProposed':
        return [
          {
            type: event.type,
            at: event.data.proposedAt,
            by: event.data.by,
            detail: event.data.toChannelId,
          },
        ];
      case 'ReferralAccepted':
        return [
          {
            type: event.type,
            at: event.data.acceptedAt,
            detail: `${event.data.toChannelId}/${event.data.consent}`,
          },
        ];
      case 'ReferralDeclined':
        return [{ type: event.type, at: event.data.declinedAt }];
      case 'ReferralWithdrawn':
        return [{ type: event.type, at: event.data.withdrawnAt, by: event.data.by }];
      // The target's investigator took the referred case up (its own acknowledgement).
      case 'ReferralAcknowledged':
        return [{ type: event.type, at: event.data.acknowledgedAt, by: event.data.by }];
      case 'ReportPurged':
        return [];
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  });
}

/**
 * The questionnaire the whistleblower answered: the channel's last one published at or before
 * the report was received (receivedAt is rounded down to the hour, so one published within that
 * hour counts too), else the first ever published; null when the channel never published one.
 * The browser labels each answer with its question from it; ids it does not know stay ids.
 */
export function questionnaireFor(
  channelEvents: readonly { event: ChannelEvent }[],
  receivedAt: string,
): Record<string, unknown> | null {
  const received = Date.parse(receivedAt) + 60 * 60 * 1000;
  let found: Record<string, unknown> | null = null;
  for (const { event } of channelEvents) {
    if (event.type !== 'ChannelQuestionnairePublished') continue;
    if (found !== null && Date.parse(event.data.publishedAt) >= received) break;
    found = event.data.questionnaire;
  }
  return found;
}
