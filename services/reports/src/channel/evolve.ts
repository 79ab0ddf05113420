import type { ChannelEvent } from './events.ts';
import type { ChannelState } from './state.ts';

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
        labels: [],
        ackTemplate: '',
        referralMode: 'consent',
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
    case 'ChannelLabelsDefined':
      return state.status === 'none' ? state : { ...state, labels: event.data.labels };
    case 'ChannelAcknowledgementTemplateSet':
      return state.status === 'none' ? state : { ...state, ackTemplate: event.data.template };
    case 'ChannelReferralModeSet':
      return state.status === 'none' ? state : { ...state, referralMode: event.data.mode };
    case 'ChannelArchived':
      return state.status === 'none' ? state : { ...state, status: 'archived' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
