// A referral's key shares on the referrer's side (SECURITY.md, Protocol step 11), inside the
// worker that holds the report key. Whether the referrer may seal the key to the target without
// the whistleblower's yes is what the report channel's own recipient list says, verified against
// the trusted deployment key (a `v: 2` list signing `inform`), never what the server says: a list
// that does not verify, an older list (v1) or one signing `consent` gives no share at all, and
// the proposal asks the whistleblower.
import {
  referralModeOf,
  type CryptoBackend,
  type ReferralMode,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import { shareCaseKey, type ShareCaseInput } from './desk-share';
import { verifyTrustedList, type ListToTrust } from './trusted-key';

export interface ReferralSharesInput extends ShareCaseInput {
  /** The report's own channel and its signed list, as the case file gives them. */
  sourceChannelId: string;
  sourceList: unknown;
}

/** The source channel's referral mode as its verified list signs it; `consent` if it does not verify. */
export function signedReferralMode(
  b: CryptoBackend,
  input: Omit<ListToTrust, 'recipientList' | 'channelId'> & {
    sourceChannelId: string;
    sourceList: unknown;
  },
): ReferralMode {
  try {
    const { sourceChannelId, sourceList, ...facts } = input;
    return referralModeOf(
      verifyTrustedList(b, { ...facts, recipientList: sourceList, channelId: sourceChannelId }),
    );
  } catch {
    return 'consent';
  }
}

/**
 * The mode and the shares of a proposal: for `inform` the report key sealed to the target's
 * verified list (shareCaseKey: `channelId`, `recipientList` are the target's), else none.
 */
export function referralShares(
  b: CryptoBackend,
  input: ReferralSharesInput,
): { mode: ReferralMode; shares: ReportKeyShare[] } {
  const mode = signedReferralMode(b, input);
  return { mode, shares: mode === 'inform' ? shareCaseKey(b, input) : [] };
}
