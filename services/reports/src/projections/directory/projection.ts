import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import type { ChannelEvent } from '../../channel/index.ts';
import type { InvestigatorEvent } from '../../investigator/index.ts';
import type { Projection, Write } from '../projection.ts';
import { prepared } from '../statements.ts';

/** The account status each of these events leaves, as the investigator aggregate's state has it. */
const statusAfter = {
  InvestigatorTotpConfirmed: 'active',
  InvestigatorTotpReset: 'totp_reset',
  InvestigatorDeactivated: 'deactivated',
} as const;

/**
 * Staff directory: investigators by handle (for login), channels and their current recipients
 * (for queue filtering). Decisions that grant access re-read the streams themselves; this read
 * model only finds and lists.
 */
export const staffDirectoryProjection: Projection = {
  name: 'staff-directory',
  // 3: questionnaires stored as ChannelQuestionnairePublished version 2 (in languages).
  version: 3,
  ddl: `
CREATE TABLE IF NOT EXISTS staff_investigators (
  investigator_id TEXT PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  box_public_key TEXT,
  sign_public_key TEXT
);
CREATE TABLE IF NOT EXISTS staff_channels (
  channel_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  ack_days INTEGER NOT NULL,
  feedback_months INTEGER NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  recipients_version INTEGER NOT NULL,
  questionnaire TEXT,
  recipient_list TEXT
);
CREATE TABLE IF NOT EXISTS staff_channel_recipients (
  channel_id TEXT NOT NULL,
  investigator_id TEXT NOT NULL,
  box_public_key TEXT NOT NULL,
  PRIMARY KEY (investigator_id, channel_id)
);`,
  canHandle: (e: RecordedEvent) =>
    e.streamId.startsWith('investigator-') || e.streamId.startsWith('channel-'),
  evolve: (e): readonly Write[] => {
    const event = { type: e.type, data: e.data } as InvestigatorEvent | ChannelEvent;
    switch (event.type) {
      case 'InvestigatorInvited':
        return [
          {
            sql: `INSERT INTO staff_investigators (investigator_id, handle, role, status) VALUES (?, ?, ?, 'invited')
                  ON CONFLICT DO NOTHING`,
            params: [event.data.investigatorId, event.data.handle, event.data.role],
          },
        ];
      case 'InvestigatorEnrolled':
        return [
          {
            sql: `UPDATE staff_investigators SET status = 'enrolled', box_public_key = ?, sign_public_key = ? WHERE investigator_id = ?`,
            params: [event.data.boxPublicKey, event.data.signPublicKey, event.data.investigatorId],
          },
        ];
      case 'InvestigatorTotpConfirmed':
      case 'InvestigatorTotpReset':
      case 'InvestigatorDeactivated':
        return [
          {
            sql: `UPDATE staff_investigators SET status = ? WHERE investigator_id = ?`,
            params: [statusAfter[event.type], event.data.investigatorId],
          },
        ];
      case 'InvestigatorRoleChanged':
        return [
          {
            sql: `UPDATE staff_investigators SET role = ? WHERE investigator_id = ?`,
            params: [event.data.role, event.data.investigatorId],
          },
        ];
      case 'ChannelCreated':
        return [
          {
            sql: `INSERT INTO staff_channels VALUES (?, ?, 'active', ?, ?, 0, 0, NULL, NULL) ON CONFLICT DO NOTHING`,
            params: [
              event.data.channelId,
              event.data.name,
              event.data.deadlines.acknowledgeWithinDays,
              event.data.deadlines.feedbackWithinMonths,
            ],
          },
        ];
      case 'ChannelQuestionnairePublished':
        return [
          {
            sql: `UPDATE staff_channels SET questionnaire_version = ?, questionnaire = ? WHERE channel_id = ?`,
            params: [
              event.data.version,
              JSON.stringify(event.data.questionnaire),
              event.data.channelId,
            ],
          },
        ];
      case 'ChannelRecipientsPublished':
        return [
          {
            sql: `UPDATE staff_channels SET recipients_version = ?, recipient_list = ? WHERE channel_id = ?`,
            params: [
              event.data.version,
              JSON.stringify(event.data.recipientList),
              event.data.channelId,
            ],
          },
          {
            sql: 'DELETE FROM staff_channel_recipients WHERE channel_id = ?',
            params: [event.data.channelId],
          },
          ...event.data.recipientList.recipients.map((r) => ({
            sql: 'INSERT INTO staff_channel_recipients VALUES (?, ?, ?)',
            params: [event.data.channelId, r.recipientId, r.boxPublicKey],
          })),
        ];
      case 'ChannelArchived':
        return [
          {
            sql: `UPDATE staff_channels SET status = 'archived' WHERE channel_id = ?`,
            params: [event.data.channelId],
          },
        ];
      default:
        return [];
    }
  },
};

export interface DirectoryInvestigator {
  readonly investigatorId: string;
  readonly handle: string;
  readonly role: string;
  readonly status: string;
}
interface InvestigatorRow {
  investigator_id: string;
  handle: string;
  role: string;
  status: string;
}
const toInvestigator = (r: InvestigatorRow): DirectoryInvestigator => ({
  investigatorId: r.investigator_id,
  handle: r.handle,
  role: r.role,
  status: r.status,
});

export function findInvestigatorByHandle(
  db: Database.Database,
  handle: string,
): DirectoryInvestigator | undefined {
  const row = prepared(
    db,
    'SELECT investigator_id, handle, role, status FROM staff_investigators WHERE handle = ?',
  ).get(handle) as InvestigatorRow | undefined;
  return row && toInvestigator(row);
}

export function listInvestigators(db: Database.Database): DirectoryInvestigator[] {
  return (
    prepared(
      db,
      'SELECT investigator_id, handle, role, status FROM staff_investigators ORDER BY handle',
    ).all() as InvestigatorRow[]
  ).map(toInvestigator);
}

export interface DirectoryChannel {
  readonly channelId: string;
  readonly name: string;
  readonly status: string;
  readonly questionnaireVersion: number;
  readonly recipientsVersion: number;
}

export function listChannels(db: Database.Database): DirectoryChannel[] {
  return (
    prepared(
      db,
      `SELECT channel_id AS channelId, name, status, questionnaire_version AS questionnaireVersion,
       recipients_version AS recipientsVersion FROM staff_channels ORDER BY name`,
    ).all() as DirectoryChannel[]
  ).map((c) => ({
    ...c,
    questionnaireVersion: Number(c.questionnaireVersion),
    recipientsVersion: Number(c.recipientsVersion),
  }));
}

/** Channels whose current recipient list names this investigator. */
export function channelsOfRecipient(db: Database.Database, investigatorId: string): string[] {
  return prepared(
    db,
    'SELECT channel_id FROM staff_channel_recipients WHERE investigator_id = ? ORDER BY channel_id',
  )
    .pluck()
    .all(investigatorId) as string[];
}

export interface PublicChannel {
  readonly id: string;
  readonly name: string;
  readonly questionnaire: unknown;
  /** The signed recipient list; whistleblowers' browsers verify it before sealing. */
  readonly recipients: unknown;
}

/**
 * An active channel with a signed recipient list, whether or not it takes submissions: a
 * referral's target (SECURITY.md, Protocol step 11), whose list the whistleblower's browser
 * verifies before sealing the report key to it. Its name and list are public, as every channel's.
 */
export function findReferralTarget(
  db: Database.Database,
  channelId: string,
): Omit<PublicChannel, 'questionnaire'> | undefined {
  const row = prepared(
    db,
    `SELECT channel_id, name, recipient_list FROM staff_channels
     WHERE channel_id = ? AND status = 'active' AND recipient_list IS NOT NULL`,
  ).get(channelId) as { channel_id: string; name: string; recipient_list: string } | undefined;
  return (
    row && {
      id: row.channel_id,
      name: row.name,
      recipients: JSON.parse(row.recipient_list) as unknown,
    }
  );
}

/** Channels open for submissions: active, with a questionnaire and a signed recipient list. */
export function listPublicChannels(db: Database.Database): PublicChannel[] {
  const rows = prepared(
    db,
    `SELECT channel_id, name, questionnaire, recipient_list FROM staff_channels
     WHERE status = 'active' AND questionnaire IS NOT NULL AND recipient_list IS NOT NULL ORDER BY name`,
  ).all() as { channel_id: string; name: string; questionnaire: string; recipient_list: string }[];
  return rows.map((r) => ({
    id: r.channel_id,
    name: r.name,
    questionnaire: JSON.parse(r.questionnaire) as unknown,
    recipients: JSON.parse(r.recipient_list) as unknown,
  }));
}
