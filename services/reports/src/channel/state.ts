import type { ChannelDeadlines, ReferralMode } from './events.ts';

export interface ChannelFacts {
  readonly channelId: string;
  readonly name: string;
  readonly deadlines: ChannelDeadlines;
  readonly questionnaireVersion: number;
  readonly recipientsVersion: number;
  /** Investigator ids of the current recipient list: who may read this channel's reports. */
  readonly recipients: readonly string[];
  /** Labels investigators may attach to this channel's cases (ChannelLabelsDefined). */
  readonly labels: readonly string[];
  /** The acknowledgement's first message for this channel; '' for the desk's default. */
  readonly ackTemplate: string;
  /** How a referral to another channel goes: `consent` (the default) or `inform` only. */
  readonly referralMode: ReferralMode;
}
export type ChannelState =
  { readonly status: 'none' } | ({ readonly status: 'active' | 'archived' } & ChannelFacts);
export const initialChannelState: ChannelState = { status: 'none' };
