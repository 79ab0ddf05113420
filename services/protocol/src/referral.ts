// A referral as the whistleblower's side reads it (SECURITY.md, Protocol step 11).
import type { CryptoBackend } from './backend/types.ts';
import { openMessage, type MessageContext } from './message.ts';

export interface SealedReferral {
  referralId: string;
  toChannelId: string;
  reason: unknown;
}

export type OpenedReferral =
  { referralId: string; verified: true; reason: string } | { referralId: string; verified: false };

/**
 * A referral's reason: a message of the `referrals` thread from a listed investigator of the
 * source channel, for this referral, whose sealed `to` is the channel the server names; anything
 * else is unverified and shows no text.
 */
export function openReferralReason(
  b: CryptoBackend,
  r: SealedReferral,
  ctx: Omit<MessageContext, 'thread' | 'lastSequence'>,
): OpenedReferral {
  try {
    const opened = openMessage(b, r.reason, { ...ctx, thread: 'referrals' });
    const body = JSON.parse(opened.body) as { to?: unknown; reason?: unknown };
    if (
      opened.envelope.messageId !== r.referralId ||
      opened.envelope.authorRole !== 'investigator' ||
      body.to !== r.toChannelId ||
      typeof body.reason !== 'string'
    )
      return { referralId: r.referralId, verified: false };
    return { referralId: r.referralId, verified: true, reason: body.reason };
  } catch {
    return { referralId: r.referralId, verified: false };
  }
}

/**
 * The channels whose investigators may also author on the case: targets of referrals the server
 * says took effect (`accepted`) and whose reason a source investigator signed naming that target.
 * Their keys must still come from each target's own recipient list, verified against the trusted
 * deployment key, never from the server's word.
 */
export function referredChannelIds(
  b: CryptoBackend,
  referrals: readonly (SealedReferral & { status: string })[],
  ctx: Omit<MessageContext, 'thread' | 'lastSequence'>,
): string[] {
  return referrals
    .filter((r) => r.status === 'accepted' && openReferralReason(b, r, ctx).verified)
    .map((r) => r.toChannelId);
}
