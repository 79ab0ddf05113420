// A channel's referral mode (SECURITY.md, Protocol step 11). The referrer's worker seals the
// report key to another channel without the whistleblower's yes only if the channel's recipient
// list, verified against the pinned deployment key, signs `inform`; so the administrator's
// worker re-signs the current list (its keys verified first, one version on) with the mode, and
// the page then records the plain setting (ChannelReferralModeSet) for the desk's views. Each
// write is at the channel's current ETag: someone else's change in between is theirs (412).
import { deskApi } from '$lib/api/desk';
import { signWithDeploymentKey } from './list-signing';

export type ReferralModeOutcome = 'saved' | 'failed' | 'no-list';

export async function setReferralMode(
  channelId: string,
  mode: 'consent' | 'inform',
): Promise<ReferralModeOutcome> {
  const channel = await deskApi.channel(channelId);
  if (!channel.ok) return 'failed';
  // No signed list yet: there is nothing to sign the mode into (and no referral either).
  if (!channel.value.recipientList) return 'no-list';
  const signed = await signWithDeploymentKey((deploymentKey) => ({
    kind: 'deskResignRecipientList',
    channelId,
    recipientList: channel.value.recipientList,
    referralMode: mode,
    deploymentKey,
  }));
  if ('error' in signed) return 'failed';
  const published = await deskApi.publishRecipients(channelId, channel.etag, signed.list);
  if (!published.ok) return 'failed';
  const again = await deskApi.channel(channelId);
  const saved = again.ok && (await deskApi.setReferralMode(channelId, again.etag, mode));
  return saved && saved.ok ? 'saved' : 'failed';
}
