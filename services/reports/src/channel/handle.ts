import type { Decider } from '../shared/handle.ts';
import type { ChannelCommand } from './commands.ts';
import { decideChannel } from './decide.ts';
import { parseChannelEvent, type ChannelEvent } from './events.ts';
import { evolveChannel } from './evolve.ts';
import { initialChannelState, type ChannelState } from './state.ts';

export const channelStream = (channelId: string) => `channel-${channelId}`;
export const channelDecider: Decider<ChannelCommand, ChannelEvent, ChannelState> = {
  decide: decideChannel,
  evolve: evolveChannel,
  initialState: initialChannelState,
  parse: parseChannelEvent,
};
