import type { EventStore } from '@integrity-desk/eventstore';
import {
  RECEIPT_ARGON2_PARAMS,
  VAULT_ARGON2_PARAMS,
  toBase64Url,
  fromBase64Url,
  type CryptoBackend,
  type DeploymentCryptoSettings,
} from '@integrity-desk/protocol';
import { deploymentDecider, deploymentStream, readAggregate } from '@integrity-desk/reports';

/**
 * The salt of a deployment set up before the salt was stored: BLAKE2b-128 keyed with a label
 * over its first deployment key (then the first administrator's vault key). Kept as it was, so
 * every receipt issued there keeps opening its case; it reads the first key only, which no
 * rotation changes.
 */
export function legacyReceiptSalt(backend: CryptoBackend, initialSignPublicKey: string): string {
  return toBase64Url(
    backend.blake2b(fromBase64Url(initialSignPublicKey), {
      outLen: 16,
      key: new TextEncoder().encode('integrity-desk receipt salt v1'),
    }),
  );
}

/**
 * The deployment's public crypto settings, from the `deployment` stream: undefined before
 * first-run setup. The receipt salt is the one stored at setup (a fixed value of the deployment,
 * never derived from a key that rotates); the deployment key is the current one, with the
 * transitions that lead to it from any key a browser pinned. Read at each call: the stream is a
 * handful of events, and a rotation must reach every process of a cluster.
 */
export function deploymentCryptoSettings(
  store: EventStore,
  backend: CryptoBackend,
): () => Promise<DeploymentCryptoSettings | undefined> {
  return async () => {
    const { state } = await readAggregate(store, deploymentStream, deploymentDecider).catch(() => ({
      state: { status: 'none' as const },
    }));
    if (state.status === 'none') return undefined;
    return {
      v: 1,
      receiptKdf: {
        alg: 'argon2id13',
        salt: state.receiptSalt ?? legacyReceiptSalt(backend, state.initialSignPublicKey),
        opsLimit: RECEIPT_ARGON2_PARAMS.opsLimit,
        memLimitBytes: RECEIPT_ARGON2_PARAMS.memLimitBytes,
      },
      vaultKdf: {
        alg: 'argon2id13',
        opsLimit: VAULT_ARGON2_PARAMS.opsLimit,
        memLimitBytes: VAULT_ARGON2_PARAMS.memLimitBytes,
      },
      deploymentSignPublicKey: state.signPublicKey,
      deploymentKeyTransitions: [...state.transitions],
    };
  };
}
