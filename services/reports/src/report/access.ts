import type { ReportState } from './state.ts';

/**
 * The channels whose recipients may open and work the case now (SECURITY.md, Protocol step 11):
 * the report's own channel, unless an accepted referral handed the case over, then the target of
 * every accepted referral. A referral only proposed, declined or withdrawn adds nothing. Pure:
 * who is a recipient of each is the channel streams' to say.
 */
export function channelsWithAccess(state: ReportState): string[] {
  if (state.status === 'none' || state.status === 'purged') return [];
  const accepted = state.referrals.filter((r) => r.status === 'accepted');
  const handedOver = accepted.some((r) => r.handOver);
  return [...(handedOver ? [] : [state.channelId]), ...accepted.map((r) => r.toChannelId)];
}
