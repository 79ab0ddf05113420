// The deployment key the worker trusts (SECURITY.md, "Deployment key and recipient lists").
import { followDeploymentKey, type CryptoBackend } from '@integrity-desk/protocol';
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
