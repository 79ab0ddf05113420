import type Database from 'better-sqlite3';
import { channelsThatMayOpen } from '../projections/queues/queries.ts';
import { prepared } from '../projections/statements.ts';
import type { DeadlineRow, ReferralDeadlineRow, ReminderPeople } from './decide.ts';

/**
 * Open reports with a deadline still to meet that falls before `horizon` (now plus the lead),
 * read off the queue projection, with their assignees and the channels that may open them. No limit: a page would show the same
 * overdue reports to every run and never reach the rest (open reports are few).
 */
export function readDeadlineRows(db: Database.Database, horizon: string): DeadlineRow[] {
  const rows = prepared(
    db,
    `SELECT report_id AS reportId, channel_id AS channelId, ack_due_at AS ackDueAt,
              acknowledged_at AS acknowledgedAt, feedback_due_at AS feedbackDueAt,
              feedback_given_at AS feedbackGivenAt
       FROM report_queue
       WHERE is_open = 1
         AND ((acknowledged_at IS NULL AND ack_due_at <= ?)
           OR (feedback_given_at IS NULL AND feedback_due_at IS NOT NULL AND feedback_due_at <= ?))
       ORDER BY report_id`,
  ).all(horizon, horizon) as (Omit<DeadlineRow, 'assignees' | 'channelIds'> & {
    channelId: string;
  })[];
  return rows.map(({ channelId, ...row }) => {
    const channelIds = channelsThatMayOpen(db, row.reportId);
    return {
      ...row,
      channelIds,
      assignees: assigneesOf(db, row.reportId),
      ...(!channelIds.includes(channelId) && { handedOver: true }),
    };
  });
}

const assigneesOf = (db: Database.Database, reportId: string) =>
  (
    prepared(
      db,
      'SELECT investigator_id AS id FROM report_assignees WHERE report_id = ? ORDER BY investigator_id',
    ).all(reportId) as { id: string }[]
  ).map((a) => a.id);

/**
 * Accepted referrals of open reports with a deadline of their target channel still to meet that
 * falls before `horizon`: its acknowledgement until the target acknowledged it, its feedback
 * until given (the referrals projection's feedback_given_at). Read off the referrals projection
 * (one row per referral), with the report's assignees. A declined or withdrawn referral, or one
 * of a closed report, has nothing due.
 */
export function readReferralDeadlineRows(
  db: Database.Database,
  horizon: string,
): ReferralDeadlineRow[] {
  const rows = prepared(
    db,
    `SELECT r.report_id AS reportId, r.referral_id AS referralId, r.to_channel_id AS toChannelId,
            r.ack_due_at AS ackDueAt, r.acknowledged_at AS acknowledgedAt,
            r.feedback_due_at AS feedbackDueAt, r.feedback_given_at AS feedbackGivenAt
       FROM report_referrals r JOIN report_queue q ON q.report_id = r.report_id
      WHERE r.status = 'accepted' AND q.is_open = 1
        AND ((r.acknowledged_at IS NULL AND r.ack_due_at <= ?)
          OR (r.feedback_given_at IS NULL AND r.feedback_due_at <= ?))
      ORDER BY r.report_id, r.referral_id`,
  ).all(horizon, horizon) as (Omit<ReferralDeadlineRow, 'assignees' | 'feedbackDueAt'> & {
    feedbackDueAt: string | null;
  })[];
  return rows.map(({ feedbackDueAt, ...row }) => ({
    ...row,
    ...(feedbackDueAt !== null && { feedbackDueAt }),
    assignees: assigneesOf(db, row.reportId),
  }));
}

/** Channel recipients and active administrators, from the staff directory. */
export function readReminderPeople(db: Database.Database): ReminderPeople {
  const recipients = prepared(
    db,
    'SELECT investigator_id AS id FROM staff_channel_recipients WHERE channel_id = ? ORDER BY investigator_id',
  );
  const administrators = (
    prepared(
      db,
      `SELECT investigator_id AS id FROM staff_investigators
       WHERE role = 'administrator' AND status = 'active' ORDER BY investigator_id`,
    ).all() as { id: string }[]
  ).map((a) => a.id);
  return {
    recipientsOf: (channelId) => (recipients.all(channelId) as { id: string }[]).map((r) => r.id),
    administrators,
  };
}
