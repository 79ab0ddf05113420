// The deployment key the worker trusts (SECURITY.md, "Deployment key and recipient lists").
import {
  followDeploymentKey,
  verifyRecipientList,
  type CryptoBackend,
  type RecipientList,
} from '@integrity-desk/protocol';
import { pinnedDeploymentKey } from './pinned';

/** No deployment key to trust, or (signing) no copy of it for this administrator. */
export class NoDeploymentKeyError extends Error {
  override readonly name = 'NoDeploymentKey';
}

/**
 * The deployment key this browser trusts now. With a pinned key: the key reached from it by the
 * deployment's rotations (`transitions`, oldest first, each signed by the key before it), so a
 * build pinned before a rotation keeps working and a chain with a bad link, or one that never
 * passes through the pinned key, throws (SignatureError or FormatError) and nothing verifies.
 * Without one: the announced key (trust on first use).
 */
export function trustedDeploymentKey(
  backend: CryptoBackend,
  announced: string | null | undefined,
  transitions: readonly unknown[] | undefined,
): string {
  const pinned = pinnedDeploymentKey();
  if (pinned)
    return followDeploymentKey(backend, {
      pinnedPublicKey: pinned,
      transitions: transitions ?? [],
    });
  if (!announced) throw new NoDeploymentKeyError();
  return announced;
}

/** A channel's signed list and what it is checked against: the deployment key's facts. */
export interface ListToTrust {
  recipientList: unknown;
  deploymentSignPublicKey: string | null;
  deploymentKeyTransitions?: readonly unknown[];
  channelId: string;
}

/** The channel's list verified against the trusted deployment key; throws as verifyRecipientList. */
export function verifyTrustedList(b: CryptoBackend, input: ListToTrust): RecipientList {
  return verifyRecipientList(b, input.recipientList, {
    pinnedPublicKey: trustedDeploymentKey(
      b,
      input.deploymentSignPublicKey,
      input.deploymentKeyTransitions,
    ),
    channelId: input.channelId,
  });
}

/**
 * Who may author investigator messages and notes on a case (SECURITY.md, Protocol step 7): the
 * signing keys of the channel's recipient list, verified against the trusted deployment key,
 * never keys the thread itself carries. A list that does not verify authorises nobody: every
 * investigator message then shows as unverified, the whistleblower's still open. The returning
 * whistleblower's worker uses it too: a channel archived since the report has no list in intake's
 * deployment answer (active channels only), and throwing there left the page on "Loading".
 */
export function listedSigningKeys(b: CryptoBackend, input: ListToTrust): string[] {
  try {
    return verifyTrustedList(b, input).recipients.map((r) => r.signPublicKey);
  } catch {
    return [];
  }
}
