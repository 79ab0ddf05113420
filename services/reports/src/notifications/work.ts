import type { RecordedEvent } from '@integrity-desk/eventstore';

/** Who works on what, as the read models know it. */
export interface WorkDirectory {
  recipientsOf(channelId: string): readonly string[];
  /**
   * The report's assignees who may open it, or else the recipients of the channels that may
   * (report/access.ts, caretakersOf: a referral that handed the case over moves them).
   */
  caretakersOf(reportId: string): readonly string[];
}

/**
 * The investigators an event gives work to, pure: a new report (its channel's recipients), a
 * whistleblower's reply (the report's assignees, else its channel's recipients), a deadline
 * reminder or escalation (the people it names), an accepted referral (the target channel's
 * recipients: a case new to their queues). Every other event: nobody. Only who is told is
 * decided here; what they are told never depends on the event (./message.ts).
 */
export function workOf(event: RecordedEvent, directory: WorkDirectory): readonly string[] {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'ReportSubmitted':
      return directory.recipientsOf(data['channelId'] as string);
    case 'MessagePosted':
      return data['author'] === 'whistleblower'
        ? directory.caretakersOf(data['reportId'] as string)
        : [];
    case 'ReferralAccepted':
      return directory.recipientsOf(data['toChannelId'] as string);
    case 'DeadlineReminderDue':
      return data['notify'] as string[];
    default:
      return [];
  }
}
