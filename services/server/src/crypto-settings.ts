import type { EventStore } from '@integrity-desk/eventstore';
import {
  RECEIPT_ARGON2_PARAMS,
  VAULT_ARGON2_PARAMS,
  toBase64Url,
  fromBase64Url,
  type CryptoBackend,
  type DeploymentCryptoSettings,
} from '@integrity-desk/protocol';

/**
 * The deployment's public crypto settings, derived from the `deployment` stream: undefined
 * before first-run setup. The receipt salt is derived from the deployment's public signing key
 * (a labelled BLAKE2b hash), so it is unique per deployment, identical in every process of a
 * cluster, and needs no state of its own.
 */
export function deploymentCryptoSettings(
  store: EventStore,
  backend: CryptoBackend,
): () => Promise<DeploymentCryptoSettings | undefined> {
  let cached: DeploymentCryptoSettings | undefined;
  return async () => {
    if (cached) return cached;
    const events = await store.readStream('deployment', { maxCount: 1 }).catch(() => []);
    const first = events[0];
    if (!first || first.type !== 'DeploymentInitialised') return undefined;
    const signPublicKey = (first.data as { signPublicKey: string }).signPublicKey;
    const salt = backend.blake2b(fromBase64Url(signPublicKey), {
      outLen: 16,
      key: new TextEncoder().encode('integrity-desk receipt salt v1'),
    });
    cached = {
      v: 1,
      receiptKdf: {
        alg: 'argon2id13',
        salt: toBase64Url(salt),
        opsLimit: RECEIPT_ARGON2_PARAMS.opsLimit,
        memLimitBytes: RECEIPT_ARGON2_PARAMS.memLimitBytes,
      },
      vaultKdf: {
        alg: 'argon2id13',
        opsLimit: VAULT_ARGON2_PARAMS.opsLimit,
        memLimitBytes: VAULT_ARGON2_PARAMS.memLimitBytes,
      },
      deploymentSignPublicKey: signPublicKey,
    };
    return cached;
  };
}
