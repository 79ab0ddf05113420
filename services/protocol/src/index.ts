// @integrity-desk/protocol: the only package that touches libsodium. Isomorphic, no I/O, no clock.
// Every function takes the backend explicitly: `const backend = await loadBackend()`.

export type { CryptoBackend, Argon2idCost, Blake2bOptions } from './backend/types.ts';
export { loadBackend, webAssemblyWorks, type LoadBackendOptions } from './backend/select.ts';
export { createLibsodiumBackend } from './backend/libsodium.ts';
export { createNobleBackend } from './backend/noble.ts';

export * from './errors.ts';
export * from './schemas.ts';
export {
  type Argon2Params,
  RECEIPT_ARGON2_PARAMS,
  VAULT_ARGON2_PARAMS,
  LOGIN_VERIFIER_ARGON2_PARAMS,
  TEST_ONLY_CHEAP_PARAMS,
  meetsOwaspFloor,
  meetsVaultFloor,
  assertArgon2Params,
} from './params.ts';
export {
  toBase64Url,
  fromBase64Url,
  fromBase64UrlExact,
  constantTimeEqual,
  encodeFields,
} from './bytes.ts';
export { padme } from './padding.ts';

export {
  generateReceipt,
  normaliseReceipt,
  isValidReceipt,
  deriveReceiptKeys,
  deriveReceiptKeysForDeployment,
  signSessionChallenge,
  verifySessionProof,
  RECEIPT_SYMBOLS,
  RECEIPT_ENTROPY_BITS,
  type ReceiptKeys,
  type DeriveReceiptKeysInput,
} from './receipt.ts';
export {
  RECEIPT_KDF_CURRENT,
  RECEIPT_KDF_VERSIONS,
  type ReceiptKdfVersion,
} from './receipt-kdf.ts';
export {
  generateBoxKeyPair,
  generateSigningKeyPair,
  boxKeyPairFromSecret,
  signingKeyPairFromSeed,
  type BoxKeyPair,
  type SigningKeyPair,
} from './keys.ts';
export {
  sealReport,
  verifySubmissionEnvelope,
  verifyParsedSubmissionEnvelope,
  verifyParsedSubmissionEnvelopeOffThread,
  openReport,
  openReportKey,
  openReportAnswers,
  wrapReportKeyFor,
  ANSWERS_PAD_FLOOR,
  type SealReportInput,
  type SealedReport,
  type ReportOpener,
} from './report.ts';
export { openReturnedCase, type OpenedReturnedCase } from './return-path.ts';
export {
  sealAttachment,
  openAttachment,
  attachmentPaddedSize,
  attachmentChunkContentLength,
  createAttachmentSealer,
  createAttachmentOpener,
  type AttachmentSealer,
  type AttachmentSealerInput,
  type AttachmentOpener,
  type AttachmentMetadata,
  type ByteSource,
  type Progress,
  type SealAttachmentInput,
  type SealedAttachment,
  type OpenAttachmentInput,
  type OpenedAttachment,
} from './attachment.ts';
export {
  sealMessage,
  openMessage,
  openThread,
  openThreadMessages,
  nextThreadSequence,
  type ThreadMessage,
  type Thread,
  type SealMessageInput,
  type MessageContext,
  type OpenedMessage,
} from './message.ts';
export { referralModeOf, signRecipientList, verifyRecipientList } from './recipient-list.ts';
export {
  openReferralReason,
  referredChannelIds,
  type SealedReferral,
  type OpenedReferral,
} from './referral.ts';
export {
  generateDeploymentKey,
  sealDeploymentKey,
  openDeploymentKey,
  signDeploymentKeyTransition,
  verifyDeploymentKeyTransition,
  followDeploymentKey,
  MAX_DEPLOYMENT_KEY_TRANSITIONS,
} from './deployment-key.ts';
export {
  proveKeyPossession,
  verifyKeyPossession,
  safetyNumber,
  SAFETY_NUMBER_GROUPS,
  type PublicKeysOf,
} from './key-binding.ts';
export {
  shareReportKey,
  shareReportKeyFromList,
  verifyReportKeyShare,
  openReportKeyShare,
  openSharedReport,
  shareReportKeyForReferral,
  whistleblowerSharer,
  type ReferralSharesInput,
  type ShareReportKeyInput,
  type ShareFromListInput,
  type ShareOpener,
} from './key-share.ts';
export {
  createVault,
  unlockVaultWithPassword,
  openVault,
  openVaultWithRecoveryKey,
  generateInvestigatorKeys,
  createLoginVerifier,
  checkLoginVerifier,
  type InvestigatorKeys,
  type VaultUnlock,
  type CreateVaultInput,
  type CreatedVault,
} from './vault.ts';
export {
  createBackupSealer,
  createBackupOpener,
  backupRecipient,
  WrongBackupKeyError,
  BACKUP_HEADER_BYTES,
  BACKUP_FRAME_PLAINTEXT,
  type BackupSealer,
  type BackupOpener,
} from './backup.ts';
export * from './statistics.ts';
