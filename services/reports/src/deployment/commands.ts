import type {
  CryptoBackend,
  DeploymentKeyTransition,
  SealedDeploymentKey,
} from '@integrity-desk/protocol';
import type { Command } from '../shared/command.ts';

export type InitialiseDeployment = Command<
  'InitialiseDeployment',
  {
    signPublicKey: string;
    administratorId: string;
    receiptSalt: string;
    /** The first administrator's own sealed copy of the seed. */
    sealedKey: SealedDeploymentKey;
  }
>;
export type ShareDeploymentKey = Command<
  'ShareDeploymentKey',
  {
    sealedKey: SealedDeploymentKey;
    /** Read by the handler: the recipient is an active administrator. */
    recipientIsActiveAdministrator: boolean;
  }
>;
export type RotateDeploymentKey = Command<
  'RotateDeploymentKey',
  {
    transition: DeploymentKeyTransition;
    /** The new seed sealed to the administrator who rotates. */
    sealedKey: SealedDeploymentKey;
    /** Verifies the transition's signature only: the decision stays pure. */
    backend: CryptoBackend;
  }
>;

export type DeploymentCommand = InitialiseDeployment | ShareDeploymentKey | RotateDeploymentKey;
