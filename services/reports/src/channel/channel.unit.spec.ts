import { describe, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Actor } from '../shared/command.ts';
import { deciderSpec } from '../shared/decider-spec.ts';
import { fakeRecipientList, fakeUuid } from '../shared/fixtures.ts';
import {
  channelDecider,
  ChannelNotFoundError,
  StaleVersionError,
  type ChannelCommand,
  type ChannelEvent,
} from './channel.ts';

const spec = deciderSpec(channelDecider);
const now = new Date('2026-02-01T08:00:00.000Z');
const at = now.toISOString();
const admin: Actor = { kind: 'investigator', investigatorId: 'admin-1' };
const meta = (actor: Actor = admin) => ({ now, eventId: 'e', actor });
const channelId = fakeUuid('ch-1');
const deadlines = { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 };
const inv1 = fakeUuid('inv-1');

const created: ChannelEvent = {
  type: 'ChannelCreated',
  data: { channelId, name: 'Anti-corruption desk', deadlines, by: 'admin-1', createdAt: at },
};
const archived: ChannelEvent = {
  type: 'ChannelArchived',
  data: { channelId, by: 'admin-1', archivedAt: at },
};
const create: ChannelCommand = {
  type: 'CreateChannel',
  data: { channelId, name: 'Anti-corruption desk', deadlines },
  metadata: meta(),
};
const questionnaire = (version: number): ChannelCommand => ({
  type: 'PublishQuestionnaire',
  data: { channelId, version, questionnaire: { questions: [] } },
  metadata: meta(),
});
const publish = (
  version: number,
  list = fakeRecipientList(channelId, version, [inv1]),
): ChannelCommand => ({
  type: 'PublishRecipients',
  data: { channelId, version, recipientList: list },
  metadata: meta(),
});
const archive: ChannelCommand = { type: 'ArchiveChannel', data: { channelId }, metadata: meta() };

describe('channel decider', () => {
  it('creates a channel', () => spec([]).when(create).then([created]));
  it('refuses to create twice, or for a whistleblower', () => {
    spec([created]).when(create).thenThrows(IllegalTransitionError);
    spec([])
      .when({ ...create, metadata: meta({ kind: 'whistleblower' }) })
      .thenThrows(InvalidCommandError);
  });
  it('publishes questionnaire versions in order', () => {
    spec([created])
      .when(questionnaire(1))
      .then([
        {
          type: 'ChannelQuestionnairePublished',
          data: {
            channelId,
            version: 1,
            questionnaire: { questions: [] },
            by: 'admin-1',
            publishedAt: at,
          },
        },
      ]);
    spec([created]).when(questionnaire(2)).thenThrows(StaleVersionError);
  });
  it('publishes signed recipient lists in order', () => {
    const v1: ChannelEvent = {
      type: 'ChannelRecipientsPublished',
      data: {
        channelId,
        version: 1,
        recipientList: fakeRecipientList(channelId, 1, [inv1]),
        by: 'admin-1',
        publishedAt: at,
      },
    };
    spec([created]).when(publish(1)).then([v1]);
    spec([created, v1]).when(publish(1)).thenThrows(StaleVersionError);
    for (const list of [
      fakeRecipientList(channelId, 1, [inv1, inv1]),
      fakeRecipientList(fakeUuid('other'), 1, [inv1]),
      fakeRecipientList(channelId, 2, [inv1]),
    ])
      spec([created]).when(publish(1, list)).thenThrows(InvalidCommandError);
  });
  it('archives, and refuses every change after that', () => {
    spec([created]).when(archive).then([archived]);
    for (const c of [archive, questionnaire(1), publish(1)])
      spec([created, archived]).when(c).thenThrows(IllegalTransitionError);
  });
  it('refuses changes to an unknown channel', () => {
    for (const c of [archive, questionnaire(1), publish(1)])
      spec([]).when(c).thenThrows(ChannelNotFoundError);
  });
});
