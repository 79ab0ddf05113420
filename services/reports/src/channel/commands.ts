import type { CryptoBackend, RecipientList } from '@integrity-desk/protocol';
import type { Command } from '../shared/command.ts';
import type { ChannelDeadlines } from './events.ts';
import type { Questionnaire } from './questionnaire.ts';

/** An account's enrolled public keys, as its investigator stream holds them. */
export interface EnrolledKeys {
  readonly boxPublicKey: string;
  readonly signPublicKey: string;
}

/**
 * What a recipient list is checked against before it is stored, read by the handler: the
 * current deployment key (the `deployment` stream) and the enrolled keys of every listed
 * account that is active (an id missing here is not an active account). The backend only
 * verifies a signature: the decision stays a function of its inputs.
 */
export interface RecipientListTrust {
  readonly deploymentSignPublicKey: string | undefined;
  readonly activeAccounts: ReadonlyMap<string, EnrolledKeys>;
  readonly backend: CryptoBackend;
}

export type CreateChannel = Command<
  'CreateChannel',
  { channelId: string; name: string; deadlines: ChannelDeadlines }
>;
export type PublishQuestionnaire = Command<
  'PublishQuestionnaire',
  { channelId: string; version: number; questionnaire: Questionnaire }
>;
export type PublishRecipients = Command<
  'PublishRecipients',
  {
    channelId: string;
    version: number;
    recipientList: RecipientList;
    trust: RecipientListTrust;
  }
>;
export type DefineLabels = Command<'DefineLabels', { channelId: string; labels: string[] }>;
export type SetAcknowledgementTemplate = Command<
  'SetAcknowledgementTemplate',
  { channelId: string; template: string }
>;
export type SetReferralMode = Command<
  'SetReferralMode',
  { channelId: string; mode: 'consent' | 'inform' }
>;
export type ArchiveChannel = Command<'ArchiveChannel', { channelId: string }>;

export type ChannelCommand =
  | CreateChannel
  | PublishQuestionnaire
  | PublishRecipients
  | DefineLabels
  | SetAcknowledgementTemplate
  | SetReferralMode
  | ArchiveChannel;
