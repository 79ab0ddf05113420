import type { DeploymentKeyTransition, SealedDeploymentKey } from '@integrity-desk/protocol';

export type DeploymentState =
  | { readonly status: 'none' }
  | {
      readonly status: 'initialised';
      /** The current deployment key: the last transition's, or the first one. */
      readonly signPublicKey: string;
      readonly initialSignPublicKey: string;
      readonly administratorId: string;
      readonly receiptSalt: string | undefined;
      /** Every rotation, oldest first: what a browser that pinned an older key follows. */
      readonly transitions: readonly DeploymentKeyTransition[];
      /** Sealed copies of the current key, by administrator. */
      readonly holders: Readonly<Record<string, SealedDeploymentKey>>;
    };
export const initialDeploymentState: DeploymentState = { status: 'none' };
