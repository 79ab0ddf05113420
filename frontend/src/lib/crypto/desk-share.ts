// Report key shares on the investigator's side (SECURITY.md, Protocol step 5), inside the worker
// that holds the keys. Both directions trust only the channel's recipient list verified against
// the deployment key (pinned in the build, as for whistleblowers): a holder seals the report key
// only to box keys that list gives, to ids it names; a colleague accepts a share only from a
// sharer whose signing key that list gives. The server's word about keys counts for nothing.
import {
  openReport,
  openSharedReport,
  shareReportKeyFromList,
  verifyRecipientList,
  type CryptoBackend,
  type InvestigatorKeys,
  type ReportKeyShare,
  type SubmissionEnvelope,
} from '@integrity-desk/protocol';
import { trustedDeploymentKey } from './trusted-key';
import { sealedTo } from './sealed-to';

export interface CaseKeyInput {
  envelope: unknown;
  investigatorId: string;
  keys: InvestigatorKeys;
  /** The shares addressed to this investigator, as the case file lists them. */
  keyShares: readonly { share: unknown }[];
  recipientList: unknown;
  deploymentSignPublicKey: string | null;
  /** The deployment key's rotations, followed from the pinned key (pinned.ts). */
  deploymentKeyTransitions?: readonly unknown[];
}

/**
 * Opens the report with this investigator's wrapped key in the envelope or, when the envelope
 * was sealed before they were added, through a share from a listed colleague.
 */
export function openCaseReport(
  b: CryptoBackend,
  input: CaseKeyInput,
): { envelope: SubmissionEnvelope; reportKey: Uint8Array; answers: unknown } {
  const me = { recipientId: input.investigatorId, boxPublicKey: input.keys.boxPublicKey };
  if (sealedTo(input.envelope, me.recipientId) || input.keyShares.length === 0)
    return openReport(b, input.envelope, {
      kind: 'recipient',
      ...me,
      boxSecretKey: input.keys.boxSecretKey,
    });
  const channelId = (input.envelope as { channelId?: string }).channelId;
  const list = verifyRecipientList(b, input.recipientList, {
    pinnedPublicKey: trustedDeploymentKey(
      b,
      input.deploymentSignPublicKey,
      input.deploymentKeyTransitions,
    ),
    ...(channelId !== undefined && { channelId }),
  });
  let failure: unknown;
  for (const { share } of input.keyShares) {
    try {
      return openSharedReport(b, input.envelope, share, {
        ...me,
        boxSecretKey: input.keys.boxSecretKey,
        sharers: list.recipients,
      });
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

export interface ShareCaseInput {
  reportId: string;
  channelId: string;
  reportKey: Uint8Array;
  /** Whom to share with: ids the desk says cannot open the report; each must be on the list. */
  recipientIds: readonly string[];
  recipientList: unknown;
  deploymentSignPublicKey: string | null;
  deploymentKeyTransitions?: readonly unknown[];
  sharedBy: string;
  sharerSignSeed: Uint8Array;
}

/**
 * Seals the report key for each colleague, to the box key the verified list gives them. A list
 * that does not verify (unsigned, re-signed, a swapped key, another channel) or an id it does not
 * name throws before anything is sealed.
 */
export function shareCaseKey(b: CryptoBackend, input: ShareCaseInput): ReportKeyShare[] {
  return shareReportKeyFromList(b, {
    reportId: input.reportId,
    reportKey: input.reportKey,
    recipientList: input.recipientList,
    pinnedPublicKey: trustedDeploymentKey(
      b,
      input.deploymentSignPublicKey,
      input.deploymentKeyTransitions,
    ),
    channelId: input.channelId,
    recipientIds: input.recipientIds,
    sharedBy: input.sharedBy,
    sharerSignSeed: input.sharerSignSeed,
  });
}
