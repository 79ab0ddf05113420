import type { Referral, ReportState } from './state.ts';

/** What of a referral decides who may open the report: plain fields, kept by every fold. */
export type ReferralReach = Pick<Referral, 'referralId' | 'toChannelId' | 'handOver' | 'status'>;

/**
 * The channels whose recipients may open a report, pure (SECURITY.md, Protocol step 11): its
 * own channel unless an accepted referral handed the case over, and the target of every
 * accepted referral, in that order, each once. A referral only proposed, declined or withdrawn
 * changes nothing. The desk's access check (services/desk/src/cases/load.ts) and every read
 * model that lists, counts or notifies (queues, case list, work, reminders, notifier) use this
 * one rule, so staff are never shown a case they cannot open, nor miss one they can.
 */
export function channelsWithAccessOf(
  channelId: string,
  referrals: readonly ReferralReach[],
): string[] {
  const accepted = referrals.filter((r) => r.status === 'accepted');
  const out = accepted.some((r) => r.handOver) ? [] : [channelId];
  for (const r of accepted) if (!out.includes(r.toChannelId)) out.push(r.toChannelId);
  return out;
}

/** The same rule over a report's folded state (the desk's access check): none once purged. */
export function channelsWithAccess(state: ReportState): string[] {
  if (state.status === 'none' || state.status === 'purged') return [];
  return channelsWithAccessOf(state.channelId, state.referrals);
}

/** Pure: referrals after one answer to one of them (accepted, declined, withdrawn). */
export function answered<R extends ReferralReach>(
  referrals: readonly R[],
  referralId: string,
  status: Referral['status'],
): R[] {
  return referrals.map((r) => (r.referralId === referralId ? { ...r, status } : r));
}

/**
 * Who is told of a report's work (a reply, a deadline), pure: its assignees who may open it (a
 * recipient of a channel in `channelIds`, channelsWithAccess), else every recipient of those
 * channels, each once, sorted. An assignee of a channel that handed the case over is not told
 * of a case they can no longer open; the target's recipients are, until one of them is assigned.
 */
export function caretakersOf(
  assignees: readonly string[],
  channelIds: readonly string[],
  recipientsOf: (channelId: string) => readonly string[],
): readonly string[] {
  const recipients = [...new Set(channelIds.flatMap((c) => recipientsOf(c)))].sort();
  const assigned = assignees.filter((a) => recipients.includes(a));
  return assigned.length > 0 ? [...assigned].sort() : recipients;
}
