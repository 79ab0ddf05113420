// The whistleblower's consent to a referral, made cryptographic (SECURITY.md, Protocol step 11):
// their browser, which holds the report key, seals it to the target channel's signed list when
// they accept, and signs each share with the receipt's key. Intake stores only shares that
// could open for exactly the target's current recipients, and only from this receipt's key; a
// proposal never carries the target's shares, so without this "yes" nobody new gets the key.
import {
  recipientListSchema,
  verifyReportKeyShare,
  whistleblowerSharer,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import type { IntakeContext } from '../context.ts';
import type { Channel } from '../deps.ts';
import type { CaseView } from '../http-domain/reports.ts';
import { ProblemError } from '../http/problem.ts';

/**
 * A referral's target channel: active, with a signed list, whether or not it takes submissions
 * (a coalition member may only receive referrals). Its name and list are public.
 */
export async function referralTarget(
  ctx: IntakeContext,
  channelId: string,
): Promise<Pick<Channel, 'id' | 'name' | 'recipients'> | undefined> {
  const { deps } = ctx;
  if (deps.findReferralTarget) return deps.findReferralTarget(channelId);
  return (await deps.listChannels()).find((c) => c.id === channelId);
}

/**
 * Checks the shares of an acceptance: one per recipient of the target channel's current signed
 * list (409 `referralListChanged` otherwise: the browser reloads and seals again), each for this
 * report, sealed to the box key that list gives its recipient, and signed with the receipt's
 * key from the verified submission envelope (400 `referralSharesRefused`). A referral that does
 * not await an answer is left to the decider (a retry is a success, anything else a conflict).
 */
export async function checkConsentShares(
  ctx: IntakeContext,
  view: CaseView,
  referralId: string,
  shares: readonly ReportKeyShare[],
): Promise<void> {
  const referral = view.referrals?.find((r) => r.referralId === referralId);
  if (referral?.status !== 'proposed' || referral.mode !== 'consent') return;
  const channel = await referralTarget(ctx, referral.toChannelId);
  const list = recipientListSchema.safeParse(channel?.recipients);
  if (!list.success || list.data.channelId !== referral.toChannelId)
    throw new ProblemError('referralListChanged');
  const listed = list.data.recipients;
  const shared = new Set(shares.map((s) => s.recipientId));
  if (
    shared.size !== shares.length ||
    shared.size !== listed.length ||
    listed.some((r) => !shared.has(r.recipientId))
  )
    throw new ProblemError('referralListChanged');
  const b = await ctx.backend();
  const sharers = [whistleblowerSharer(view.envelope)];
  for (const share of shares) {
    const entry = listed.find((r) => r.recipientId === share.recipientId)!;
    try {
      verifyReportKeyShare(b, share, {
        reportId: view.reportId,
        recipientId: entry.recipientId,
        boxPublicKey: entry.boxPublicKey,
        sharers,
      });
    } catch {
      throw new ProblemError('referralSharesRefused');
    }
  }
}
