/**
 * Referrals of the case, without JavaScript (SECURITY.md, Protocol step 11, and "The
 * no-JavaScript path"): the server, which holds the report key for this request as it does to
 * read and seal messages, opens each proposal's reason exactly as the worker does, and on "agree"
 * seals the report key to the target channel's list verified against the pinned deployment key,
 * each share signed with the receipt's key, as the worker's `consentReferral` does. A reason that
 * does not verify shows nothing and cannot be answered.
 */
import {
  openReferralReason,
  shareReportKeyForReferral,
  type CryptoBackend,
  type MessageContext,
  type ReceiptKeys,
} from '@integrity-desk/protocol';
import type { IntakeContext } from '../context.ts';
import { answerReferral, type CaseView } from '../http-domain/reports.ts';
import { ProblemError } from '../http/problem.ts';
import { checkConsentShares, referralTarget } from '../cases/consent-shares.ts';
import { verifiedRecipients, type Trust } from './seal.ts';

/** A referral as the case page shows it; `reason` only when it verified. */
export interface SafeReferral {
  readonly referralId: string;
  readonly toChannelId: string;
  /** The target's public name, or undefined for a channel not listed (archived). */
  readonly organisation: string | undefined;
  readonly mode: 'consent' | 'inform';
  readonly status: 'proposed' | 'accepted' | 'declined';
  readonly proposedAt: string;
  readonly reason: string | undefined;
}

/** Every referral but a withdrawn one, its reason opened with the source's listed keys. */
export async function openReferrals(
  ctx: IntakeContext,
  b: CryptoBackend,
  view: CaseView,
  source: Omit<MessageContext, 'thread' | 'lastSequence'>,
): Promise<SafeReferral[]> {
  const shown: SafeReferral[] = [];
  for (const r of view.referrals ?? []) {
    if (r.status === 'withdrawn') continue;
    const opened = openReferralReason(b, r, source);
    shown.push({
      referralId: r.referralId,
      toChannelId: r.toChannelId,
      organisation: (await referralTarget(ctx, r.toChannelId))?.name,
      mode: r.mode,
      status: r.status,
      proposedAt: r.proposedAt,
      reason: opened.verified ? opened.reason : undefined,
    });
  }
  return shown;
}

/**
 * The whistleblower's answer to a referral whose reason verified (409 otherwise). Agreeing seals
 * the report key to the target's verified list (503 `recipientsUnverified` when it does not
 * verify: nothing is sealed), checks the shares as the API does, and records them; declining
 * records the answer only. The same answer again is the same success.
 */
export async function answerOnServer(
  ctx: IntakeContext,
  b: CryptoBackend,
  input: {
    keys: ReceiptKeys;
    trust: Trust;
    view: CaseView;
    reportKey: Uint8Array;
    referrals: readonly SafeReferral[];
    referralId: string;
    accept: boolean;
  },
): Promise<void> {
  const { view, referralId, accept } = input;
  const referral = input.referrals.find((r) => r.referralId === referralId);
  if (!referral || referral.reason === undefined) throw new ProblemError('conflict');
  let shares: ReturnType<typeof shareReportKeyForReferral> = [];
  if (accept && referral.status === 'proposed') {
    const channel = await referralTarget(ctx, referral.toChannelId);
    if (!channel) throw new ProblemError('referralListChanged');
    const list = verifiedRecipients(b, channel, input.trust);
    shares = shareReportKeyForReferral(b, {
      reportId: view.reportId,
      reportKey: input.reportKey,
      recipientList: list,
      pinnedPublicKey: input.trust.deploymentKey,
      channelId: channel.id,
      whistleblowerSignSeed: input.keys.signSeed,
    });
    await checkConsentShares(ctx, view, referralId, shares);
  }
  await answerReferral(ctx.deps.store, {
    reportId: view.reportId,
    referralId,
    accept,
    shares,
    now: ctx.clock.now(),
  });
}
