// The deployment key the worker trusts (SECURITY.md, "Deployment key and recipient lists").
import {
  followDeploymentKey,
  verifyRecipientList,
  type CryptoBackend,
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

/**
 * The signing keys investigators may write a returning whistleblower's thread with: those of the
 * report's channel's list, verified against the trusted key. None when the list is missing (a
 * channel archived since: intake lists active channels only), is another channel's or does not
 * verify. Their messages then show as unverified, never as an investigator's, and the case still
 * opens: its report key was verified on the return path, so a reply stays sealed to the report's
 * own recipients. Throwing here instead left the whistleblower's page on "Loading" for good.
 */
export function investigatorAuthors(
  backend: CryptoBackend,
  list: unknown,
  settings: {
    deploymentSignPublicKey?: string | null;
    deploymentKeyTransitions?: readonly unknown[];
  },
  channelId: string,
): string[] {
  try {
    const pinnedPublicKey = trustedDeploymentKey(
      backend,
      settings.deploymentSignPublicKey,
      settings.deploymentKeyTransitions,
    );
    return verifyRecipientList(backend, list, { pinnedPublicKey, channelId }).recipients.map(
      (r) => r.signPublicKey,
    );
  } catch {
    return [];
  }
}
