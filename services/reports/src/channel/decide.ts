import { verifyRecipientList, type RecipientList } from '@integrity-desk/protocol';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { CommandMetadata } from '../shared/command.ts';
import type {
  ArchiveChannel,
  ChannelCommand,
  CreateChannel,
  DefineLabels,
  SetAcknowledgementTemplate,
  SetReferralMode,
  PublishQuestionnaire,
  PublishRecipients,
  RecipientListTrust,
} from './commands.ts';
import { ChannelNotFoundError, RecipientListRefusedError, StaleVersionError } from './errors.ts';
import type { ChannelEvent } from './events.ts';
import { questionnaireSchema } from './questionnaire.ts';
import type { ChannelState } from './state.ts';

const iso = (m: CommandMetadata) => m.now.toISOString();

function by(metadata: CommandMetadata): string {
  if (metadata.actor.kind !== 'investigator')
    throw new InvalidCommandError('only an administrator manages channels');
  return metadata.actor.investigatorId;
}

function active(state: ChannelState, command: string) {
  if (state.status === 'none') throw new ChannelNotFoundError('channel not found');
  if (state.status === 'archived') throw new IllegalTransitionError(command, state.status);
  return state;
}

/**
 * The server checks what every whistleblower's browser checks, so desk access (which follows the
 * stored list) can never be granted by a list the browsers would refuse: the deployment key's
 * signature, and each recipient an active account named with its enrolled keys. Only a holder
 * of the deployment key can therefore change who reads a channel.
 */
function assertTrusted(list: RecipientList, trust: RecipientListTrust): void {
  const key = trust.deploymentSignPublicKey;
  if (key === undefined) throw new RecipientListRefusedError('no deployment key yet');
  try {
    verifyRecipientList(trust.backend, list, { pinnedPublicKey: key });
  } catch {
    throw new RecipientListRefusedError('recipient list signature does not verify');
  }
  for (const r of list.recipients) {
    const enrolled = trust.activeAccounts.get(r.recipientId);
    if (
      !enrolled ||
      enrolled.boxPublicKey !== r.boxPublicKey ||
      enrolled.signPublicKey !== r.signPublicKey
    )
      throw new RecipientListRefusedError('a recipient is not an active account with these keys');
  }
}

export function create(command: CreateChannel, state: ChannelState): ChannelEvent[] {
  if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
  return [
    {
      type: 'ChannelCreated',
      data: { ...command.data, by: by(command.metadata), createdAt: iso(command.metadata) },
    },
  ];
}

export function publishQuestionnaire(
  command: PublishQuestionnaire,
  state: ChannelState,
): ChannelEvent[] {
  const s = active(state, command.type);
  if (command.data.version !== s.questionnaireVersion + 1)
    throw new StaleVersionError('questionnaire version is not the next one');
  // The rules hold whoever sends the command (the route checks them first, for its problem):
  // every question in the default language, each language with the same option keys.
  const questionnaire = questionnaireSchema.safeParse(command.data.questionnaire);
  if (!questionnaire.success) throw new InvalidCommandError('questionnaire is malformed');
  return [
    {
      type: 'ChannelQuestionnairePublished',
      data: {
        ...command.data,
        questionnaire: questionnaire.data,
        by: by(command.metadata),
        publishedAt: iso(command.metadata),
      },
    },
  ];
}

export function publishRecipients(command: PublishRecipients, state: ChannelState): ChannelEvent[] {
  const s = active(state, command.type);
  if (command.data.version !== s.recipientsVersion + 1)
    throw new StaleVersionError('recipients version is not the next one');
  const list = command.data.recipientList;
  if (list.channelId !== s.channelId || list.version !== command.data.version)
    throw new InvalidCommandError('recipient list is for another channel or version');
  const ids = list.recipients.map((r) => r.recipientId);
  if (new Set(ids).size !== ids.length) throw new InvalidCommandError('duplicate recipient');
  assertTrusted(list, command.data.trust);
  const { trust: _trust, ...data } = command.data;
  return [
    {
      type: 'ChannelRecipientsPublished',
      data: { ...data, by: by(command.metadata), publishedAt: iso(command.metadata) },
    },
  ];
}

export function defineLabels(command: DefineLabels, state: ChannelState): ChannelEvent[] {
  const s = active(state, command.type);
  const labels = command.data.labels.map((l) => l.trim());
  if (new Set(labels).size !== labels.length) throw new InvalidCommandError('duplicate label');
  return [
    {
      type: 'ChannelLabelsDefined',
      data: {
        channelId: s.channelId,
        labels,
        by: by(command.metadata),
        definedAt: iso(command.metadata),
      },
    },
  ];
}

export function setAckTemplate(
  command: SetAcknowledgementTemplate,
  state: ChannelState,
): ChannelEvent[] {
  const s = active(state, command.type);
  const template = command.data.template.trim();
  // The same text again changes nothing: no event.
  if (template === s.ackTemplate) return [];
  return [
    {
      type: 'ChannelAcknowledgementTemplateSet',
      data: {
        channelId: s.channelId,
        template,
        by: by(command.metadata),
        setAt: iso(command.metadata),
      },
    },
  ];
}

/** The same mode again changes nothing: no event. */
export function setReferralMode(command: SetReferralMode, state: ChannelState): ChannelEvent[] {
  const s = active(state, command.type);
  if (command.data.mode === s.referralMode) return [];
  return [
    {
      type: 'ChannelReferralModeSet',
      data: {
        channelId: s.channelId,
        mode: command.data.mode,
        by: by(command.metadata),
        setAt: iso(command.metadata),
      },
    },
  ];
}

export function archive(command: ArchiveChannel, state: ChannelState): ChannelEvent[] {
  const s = active(state, command.type);
  return [
    {
      type: 'ChannelArchived',
      data: { channelId: s.channelId, by: by(command.metadata), archivedAt: iso(command.metadata) },
    },
  ];
}

export function decideChannel(command: ChannelCommand, state: ChannelState): ChannelEvent[] {
  switch (command.type) {
    case 'CreateChannel':
      return create(command, state);
    case 'PublishQuestionnaire':
      return publishQuestionnaire(command, state);
    case 'PublishRecipients':
      return publishRecipients(command, state);
    case 'DefineLabels':
      return defineLabels(command, state);
    case 'SetAcknowledgementTemplate':
      return setAckTemplate(command, state);
    case 'SetReferralMode':
      return setReferralMode(command, state);
    case 'ArchiveChannel':
      return archive(command, state);
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}
