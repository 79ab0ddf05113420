// The messages between the page and the crypto worker. Heavy work (Argon2id, proof of work,
// sealing) runs in the worker so the page never freezes, even on a phone without a JIT.
// The worker is also the only holder of secret keys: the page gets envelopes, never keys.

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface PlainAttachment {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface PlainMessage {
  messageId: string;
  author: 'whistleblower' | 'investigator';
  postedAt: string;
  /** undefined when the envelope failed to open or its signature did not hold. */
  text?: string;
}

export type Job =
  | { kind: 'ping' }
  | { kind: 'solvePow'; challenge: string }
  | {
      kind: 'sealReport';
      reportId: string;
      channelId: string;
      recipients: unknown;
      /** Refuse a list older than this one (sealing again after the server refused a list). */
      lastSeenVersion?: number;
      crypto: unknown;
      argon2: Argon2Params;
      answers: Record<string, unknown>;
    }
  | { kind: 'unlockReceipt'; receipt: string; argon2: Argon2Params; crypto: unknown }
  | { kind: 'signSessionChallenge'; challenge: string }
  | { kind: 'openCase'; caseView: unknown; recipients: unknown; crypto: unknown }
  | { kind: 'sealMessage'; reportId: string; messageId: string; text: string }
  | { kind: 'sealAttachment'; attachmentId: string; attachment: PlainAttachment }
  | { kind: 'forget' }
  | DeskJob;

export interface VaultKdf {
  salt: string;
  opsLimit: number;
  memLimitBytes: number;
}

export type DeskJob =
  | { kind: 'deskCreateVault'; investigatorId: string; password: string }
  | { kind: 'deskStretchPassword'; kdf: VaultKdf; password: string }
  | { kind: 'deskOpenVault'; vault: unknown }
  | {
      kind: 'deskOpenCase';
      envelope: unknown;
      messages: unknown[];
      notes: unknown[];
      investigatorKeys: string[];
    }
  | { kind: 'deskSealMessage'; reportId: string; messageId: string; sequence: number; text: string }
  | { kind: 'deskOpenAttachment'; reportId: string; header: unknown; ciphertext: Uint8Array }
  | {
      kind: 'deskSignRecipientList';
      channelId: string;
      version: number;
      recipients: { recipientId: string; boxPublicKey: string; signPublicKey: string }[];
    }
  | { kind: 'deskLock' };

export interface OpenedDeskCase {
  answers: unknown;
  messages: (string | undefined)[];
  notes: (string | undefined)[];
}

export interface CreatedVaultResult {
  vault: unknown;
  loginSecret: string;
  recoveryKey: string;
  boxPublicKey: string;
  signPublicKey: string;
}

export interface SealedReport {
  receipt: string;
  envelope: unknown;
}

export interface SealedAttachment {
  header: unknown;
  ciphertext: Uint8Array;
}

export interface OpenedCase {
  messages: PlainMessage[];
}

export type Progress = { fraction: number; stage?: string };

export type FromWorker =
  | { id: number; progress: Progress }
  | { id: number; result: unknown }
  | { id: number; error: string };
