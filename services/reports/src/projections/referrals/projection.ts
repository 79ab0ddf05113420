import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import type { ReportEvent } from '../../report/events.ts';
import type { Projection, Write } from '../projection.ts';
import { prepared } from '../statements.ts';

/**
 * Referrals between channels (SECURITY.md, Protocol step 11), plain fields only: one row per
 * referral with its status. The target's inbox reads the accepted ones ("referred by <channel>",
 * with the target's own deadlines, counted from acceptance); a proposed, declined or withdrawn
 * referral is never listed for the target. `acknowledged_at`: when the target acknowledged it
 * (ReferralAcknowledged), so its inbox shows acknowledged or due.
 */
export const referralsProjection: Projection = {
  name: 'report-referrals',
  // 3: feedback_given_at, the target's feedback deadline met.
  version: 3,
  ddl: `CREATE TABLE IF NOT EXISTS report_referrals (
    referral_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    from_channel_id TEXT NOT NULL,
    to_channel_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    hand_over INTEGER NOT NULL,
    status TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    accepted_at TEXT,
    ack_due_at TEXT,
    feedback_due_at TEXT,
    acknowledged_at TEXT,
    feedback_given_at TEXT
  );
  CREATE INDEX IF NOT EXISTS report_referrals_incoming
    ON report_referrals (to_channel_id, status, accepted_at);
  CREATE INDEX IF NOT EXISTS report_referrals_report ON report_referrals (report_id);`,
  canHandle: (e: RecordedEvent) =>
    e.type.startsWith('Referral') || e.type === 'ReportPurged' || e.type === 'MessagePosted',
  evolve: (e) => referralWrites({ type: e.type, data: e.data } as ReportEvent),
};

const setStatus = (status: string, referralId: string): Write => ({
  sql: 'UPDATE report_referrals SET status = ? WHERE referral_id = ?',
  params: [status, referralId],
});

/** Pure: the writes one event implies. */
export function referralWrites(event: ReportEvent): Write[] {
  switch (event.type) {
    case 'ReferralProposed': {
      const d = event.data;
      return [
        {
          sql: `INSERT INTO report_referrals (referral_id, report_id, from_channel_id, to_channel_id,
                  mode, hand_over, status, proposed_at) VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?)
                ON CONFLICT DO NOTHING`,
          params: [
            d.referralId,
            d.reportId,
            d.fromChannelId,
            d.toChannelId,
            d.mode,
            d.handOver ? 1 : 0,
            d.proposedAt,
          ],
        },
      ];
    }
    case 'ReferralAccepted':
      return [
        {
          sql: `UPDATE report_referrals SET status = 'accepted', accepted_at = ?, ack_due_at = ?,
                  feedback_due_at = ? WHERE referral_id = ?`,
          params: [
            event.data.acceptedAt,
            event.data.acknowledgementDueAt,
            event.data.feedbackDueAt,
            event.data.referralId,
          ],
        },
      ];
    case 'ReferralDeclined':
      return [setStatus('declined', event.data.referralId)];
    case 'ReferralWithdrawn':
      return [setStatus('withdrawn', event.data.referralId)];
    case 'ReferralAcknowledged':
      return [
        {
          sql: 'UPDATE report_referrals SET acknowledged_at = ? WHERE referral_id = ?',
          params: [event.data.acknowledgedAt, event.data.referralId],
        },
      ];
    case 'MessagePosted':
      // The target's feedback deadline is met by the first investigator message after its
      // acknowledgement (the case list's rule, cases/row.ts).
      if (event.data.author !== 'investigator') return [];
      return [
        {
          sql: `UPDATE report_referrals SET feedback_given_at = ? WHERE report_id = ?
                  AND status = 'accepted' AND acknowledged_at IS NOT NULL AND feedback_given_at IS NULL`,
          params: [event.data.postedAt, event.data.reportId],
        },
      ];
    case 'ReportPurged':
      return [
        { sql: 'DELETE FROM report_referrals WHERE report_id = ?', params: [event.data.reportId] },
      ];
    default:
      return [];
  }
}

/** A referral that took effect, as the target's inbox lists it. */
export interface IncomingReferral {
  readonly referralId: string;
  readonly reportId: string;
  readonly fromChannelId: string;
  readonly toChannelId: string;
  readonly handOver: boolean;
  readonly acceptedAt: string;
  readonly acknowledgementDueAt: string;
  readonly feedbackDueAt: string;
  /** When the target acknowledged it; null while its acknowledgement is due. */
  readonly acknowledgedAt: string | null;
}

/** Accepted referrals into any of `channelIds`, oldest acceptance first. */
export function incomingReferrals(
  db: Database.Database,
  channelIds: readonly string[],
): IncomingReferral[] {
  if (channelIds.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT referral_id, report_id, from_channel_id, to_channel_id, hand_over, accepted_at,
            ack_due_at, feedback_due_at, acknowledged_at
       FROM report_referrals
      WHERE status = 'accepted' AND to_channel_id IN (SELECT value FROM json_each(?))
      ORDER BY accepted_at, referral_id`,
  ).all(JSON.stringify(channelIds)) as {
    referral_id: string;
    report_id: string;
    from_channel_id: string;
    to_channel_id: string;
    hand_over: number;
    accepted_at: string;
    ack_due_at: string;
    feedback_due_at: string;
    acknowledged_at: string | null;
  }[];
  return rows.map((r) => ({
    referralId: r.referral_id,
    reportId: r.report_id,
    fromChannelId: r.from_channel_id,
    toChannelId: r.to_channel_id,
    handOver: r.hand_over === 1,
    acceptedAt: r.accepted_at,
    acknowledgementDueAt: r.ack_due_at,
    feedbackDueAt: r.feedback_due_at,
    acknowledgedAt: r.acknowledged_at,
  }));
}
