import {
  recipientListSchema,
  verifyRecipientList,
  type CryptoBackend,
  type RecipientList,
} from '@integrity-desk/protocol';
import { z } from 'zod';
import type { CommandMetadata } from '../shared/command.ts';
import type { Decider } from '../shared/handle.ts';
import {
  IllegalTransitionError,
  InvalidCommandError,
  ReportDomainError,
} from '../report/errors.ts';

/**
 * `channel-<uuid>` streams: a recipient organisation, its questionnaire and its recipient list.
 * Both are versioned; a recipient list carries the deployment key's signature, made in the
 * administrator's browser, which whistleblowers' browsers verify before sealing to it.
 */
const id = z.string().min(1).max(128);
const at = z.iso.datetime();

export const deadlinesSchema = z.object({
  acknowledgeWithinDays: z.number().int().min(1).max(7),
  feedbackWithinMonths: z.number().int().min(1).max(6),
});

export { recipientListSchema, type RecipientList } from '@integrity-desk/protocol';

export const channelEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ChannelCreated'),
    data: z.object({
      channelId: id,
      name: z.string().min(1).max(200),
      deadlines: deadlinesSchema,
      by: id,
      createdAt: at,
    }),
  }),
  z.object({
    type: z.literal('ChannelQuestionnairePublished'),
    data: z.object({
      channelId: id,
      version: z.number().int().min(1),
      /** Public by nature: the questions every whistleblower of the channel sees. */
      questionnaire: z.record(z.string(), z.unknown()),
      by: id,
      publishedAt: at,
    }),
  }),
  z.object({
    type: z.literal('ChannelRecipientsPublished'),
    data: z.object({
      channelId: id,
      version: z.number().int().min(1),
      /** Signed by the deployment key in an administrator's browser (protocol recipient list). */
      recipientList: recipientListSchema,
      by: id,
      publishedAt: at,
    }),
  }),
  z.object({
    type: z.literal('ChannelArchived'),
    data: z.object({ channelId: id, by: id, archivedAt: at }),
  }),
]);
export type ChannelEvent = z.infer<typeof channelEventSchema>;
export type ChannelDeadlines = z.infer<typeof deadlinesSchema>;
export const channelEventTypes = channelEventSchema.options.map(
  (o) => o.shape.type.value,
) as readonly ChannelEvent['type'][];

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

interface Cmd<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
export type ChannelCommand =
  | Cmd<'CreateChannel', { channelId: string; name: string; deadlines: ChannelDeadlines }>
  | Cmd<
      'PublishQuestionnaire',
      { channelId: string; version: number; questionnaire: Record<string, unknown> }
    >
  | Cmd<
      'PublishRecipients',
      {
        channelId: string;
        version: number;
        recipientList: RecipientList;
        trust: RecipientListTrust;
      }
    >
  | Cmd<'ArchiveChannel', { channelId: string }>;

export interface ChannelFacts {
  readonly channelId: string;
  readonly name: string;
  readonly deadlines: ChannelDeadlines;
  readonly questionnaireVersion: number;
  readonly recipientsVersion: number;
  /** Investigator ids of the current recipient list: who may read this channel's reports. */
  readonly recipients: readonly string[];
}
export type ChannelState =
  { readonly status: 'none' } | ({ readonly status: 'active' | 'archived' } & ChannelFacts);
export const initialChannelState: ChannelState = { status: 'none' };

export class ChannelNotFoundError extends ReportDomainError {
  override readonly name = 'ChannelNotFoundError';
  override readonly code = 'channel_not_found';
}
/**
 * A recipient list the desk will not store: its signature does not verify against the current
 * deployment key, or it names someone who is not an active account with those enrolled keys.
 */
export class RecipientListRefusedError extends ReportDomainError {
  override readonly name = 'RecipientListRefusedError';
  override readonly code = 'recipient_list_refused';
}

/** A publish whose version is not the next one: someone else published in between. */
export class StaleVersionError extends ReportDomainError {
  override readonly name = 'StaleVersionError';
  override readonly code = 'stale_version';
}

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

export function decideChannel(command: ChannelCommand, state: ChannelState): ChannelEvent[] {
  const iso = command.metadata.now.toISOString();
  switch (command.type) {
    case 'CreateChannel':
      if (state.status !== 'none') throw new IllegalTransitionError(command.type, state.status);
      return [
        {
          type: 'ChannelCreated',
          data: { ...command.data, by: by(command.metadata), createdAt: iso },
        },
      ];
    case 'PublishQuestionnaire': {
      const s = active(state, command.type);
      if (command.data.version !== s.questionnaireVersion + 1)
        throw new StaleVersionError('questionnaire version is not the next one');
      return [
        {
          type: 'ChannelQuestionnairePublished',
          data: { ...command.data, by: by(command.metadata), publishedAt: iso },
        },
      ];
    }
    case 'PublishRecipients': {
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
          data: { ...data, by: by(command.metadata), publishedAt: iso },
        },
      ];
    }
    case 'ArchiveChannel': {
      const s = active(state, command.type);
      return [
        {
          type: 'ChannelArchived',
          data: { channelId: s.channelId, by: by(command.metadata), archivedAt: iso },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}

export function evolveChannel(state: ChannelState, event: ChannelEvent): ChannelState {
  switch (event.type) {
    case 'ChannelCreated':
      return {
        status: 'active',
        channelId: event.data.channelId,
        name: event.data.name,
        deadlines: event.data.deadlines,
        questionnaireVersion: 0,
        recipientsVersion: 0,
        recipients: [],
      };
    case 'ChannelQuestionnairePublished':
      return state.status === 'none'
        ? state
        : { ...state, questionnaireVersion: event.data.version };
    case 'ChannelRecipientsPublished':
      return state.status === 'none'
        ? state
        : {
            ...state,
            recipientsVersion: event.data.version,
            recipients: event.data.recipientList.recipients.map((r) => r.recipientId),
          };
    case 'ChannelArchived':
      return state.status === 'none' ? state : { ...state, status: 'archived' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const channelStream = (channelId: string) => `channel-${channelId}`;
export const channelDecider: Decider<ChannelCommand, ChannelEvent, ChannelState> = {
  decide: decideChannel,
  evolve: evolveChannel,
  initialState: initialChannelState,
  parse: (type, data) => channelEventSchema.parse({ type, data }),
};
