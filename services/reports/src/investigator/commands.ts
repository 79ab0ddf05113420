import type { Command } from '../shared/command.ts';
import type { LoginVerifier, Vault } from '../shared/sealed.ts';
import type { CredentialCommand } from './credentials.ts';
import type { KeyBindingCommand } from './key-binding.ts';
import type { Role, SealedTotpSecret } from './state.ts';

export type InviteInvestigator = Command<
  'InviteInvestigator',
  {
    investigatorId: string;
    handle: string;
    role: Role;
    enrolmentCodeHash: string;
    validForHours: number;
  }
>;
export type EnrolInvestigator = Command<
  'EnrolInvestigator',
  {
    investigatorId: string;
    enrolmentCodeHash: string;
    signPublicKey: string;
    boxPublicKey: string;
    vault: Vault;
    loginVerifier: LoginVerifier;
    /** Sealed by the caller (the decider stays pure); a plain secret cannot be written. */
    sealedTotpSecret: SealedTotpSecret;
    /** Verified by the caller against the keys above (the decider holds no crypto). */
    keyProof: string;
  }
>;
export type ConfirmTotp = Command<'ConfirmTotp', { investigatorId: string }>;
export type ChangeInvestigatorRole = Command<
  'ChangeInvestigatorRole',
  { investigatorId: string; role: Role }
>;
export type DeactivateInvestigator = Command<'DeactivateInvestigator', { investigatorId: string }>;
export type RecordSignIn = Command<'RecordSignIn', { investigatorId: string }>;
export type RecordSignOut = Command<'RecordSignOut', { investigatorId: string }>;
export type RecordSignInFailures = Command<
  'RecordSignInFailures',
  { investigatorId: string; failures: number; throttled: number }
>;

export type InvestigatorCommand =
  | InviteInvestigator
  | EnrolInvestigator
  | ConfirmTotp
  | ChangeInvestigatorRole
  | DeactivateInvestigator
  | RecordSignIn
  | RecordSignOut
  | RecordSignInFailures
  | CredentialCommand
  | KeyBindingCommand;
