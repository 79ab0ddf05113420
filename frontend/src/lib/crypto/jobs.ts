// The messages between the page and the crypto worker. Heavy work (Argon2id, proof of work,
// sealing) runs in the worker so the page never freezes, even on a phone without a JIT.
// The worker is also the only holder of secret keys: the page gets envelopes, never keys.
import type {
  AttachmentHeader,
  AttachmentMetadata,
  ReceiptKdfVersion,
} from '@integrity-desk/protocol';
import type { CheckedRecipient, KeyAlarm } from './desk-key-binding';
import type { ThreadEntry } from './thread';

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** The wire shapes come from the protocol package, declared once beside its schemas. */
export type { AttachmentHeader, AttachmentMetadata };

/**
 * A message of the returning whistleblower's thread: its id and the server's time, and, only
 * when it verified, its author (from the signed envelope) and text (crypto/thread.ts).
 */
export type PlainMessage = { messageId: string; postedAt: string } & ThreadEntry;

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
  | {
      kind: 'unlockReceipt';
      receipt: string;
      /** Which derivation to try (the page tries RECEIPT_KDF_VERSIONS in turn). */
      version: ReceiptKdfVersion;
      argon2: Argon2Params;
      crypto: unknown;
    }
  | { kind: 'signSessionChallenge'; challenge: string }
  | {
      kind: 'openCase';
      caseView: unknown;
      recipients: unknown;
      /** Every active channel's signed list, by channel id: a referral's target is among them. */
      channelRecipients: Record<string, unknown>;
      crypto: unknown;
    }
  | { kind: 'sealMessage'; reportId: string; messageId: string; text: string }
  | {
      kind: 'consentReferral';
      /** A referral the opened case showed as awaiting consent, with a verified reason. */
      referralId: string;
      /** The target's signed list as intake gave it: verified with the target's channel id. */
      recipientList: unknown;
      crypto: unknown;
    }
  | { kind: 'beginAttachment'; attachmentId: string; metadata: AttachmentMetadata }
  | {
      kind: 'sealAttachmentChunks';
      attachmentId: string;
      metadata: AttachmentMetadata;
      /** From the header beginAttachment returned: the same salt seals the same bytes again. */
      salt: string;
      first: number;
      count: number;
      /** The file's bytes of chunks first, first + 1, ... (a File.slice of them). */
      content: Uint8Array;
    }
  | { kind: 'forget' }
  | DeskJob;

export interface VaultKdf {
  salt: string;
  opsLimit: number;
  memLimitBytes: number;
}

/**
 * Every desk job's kind starts with `desk` (ops.ts routes them to desk-keys by it), and no other
 * kind does: these two lines fail to compile otherwise.
 */
type Holds<T extends true> = T;
export type _DeskJobsNamed = Holds<DeskJob['kind'] extends `desk${string}` ? true : false>;
export type _OthersNotDesk = Holds<
  Exclude<Job, DeskJob>['kind'] extends `desk${string}` ? false : true
>;
export type DeskJob =
  | { kind: 'deskCreateVault'; investigatorId: string; password: string }
  | { kind: 'deskStretchPassword'; kdf: VaultKdf; password: string }
  | { kind: 'deskChangePassword'; kdf: VaultKdf; currentPassword: string; newPassword: string }
  | { kind: 'deskOpenVault'; vault: unknown }
  | {
      kind: 'deskOpenCase';
      envelope: unknown;
      messages: unknown[];
      notes: unknown[];
      /** Shares for this investigator, opened when the envelope holds no key for them. */
      keyShares: { share: unknown }[];
      recipientList: unknown;
      /** The signed lists of channels a referral took the case to: their authors are listed too. */
      referredLists: { channelId: string; recipientList: unknown }[];
      deploymentSignPublicKey: string | null;
      deploymentKeyTransitions: unknown[];
    }
  | {
      kind: 'deskShareReportKey';
      reportId: string;
      channelId: string;
      recipientIds: string[];
      recipientList: unknown;
      deploymentSignPublicKey: string | null;
      deploymentKeyTransitions: unknown[];
    }
  | {
      /**
       * A referral's shares (Protocol step 11): sealed to the target (`channelId`,
       * `recipientList`) only if the report channel's own list (`sourceList`) verifies and signs
       * `inform`; none otherwise, whatever the server says of the channel.
       */
      kind: 'deskReferralShares';
      reportId: string;
      channelId: string;
      recipientIds: string[];
      recipientList: unknown;
      sourceChannelId: string;
      sourceList: unknown;
      deploymentSignPublicKey: string | null;
      deploymentKeyTransitions: unknown[];
    }
  | {
      kind: 'deskSealMessage';
      reportId: string;
      messageId: string;
      sequence: number;
      text: string;
      /**
       * Notes are sealed under labels of their own (SECURITY.md, Protocol step 7), and so are
       * the reasons of referrals (step 11).
       */
      thread: 'messages' | 'notes' | 'referrals';
    }
  | { kind: 'deskOpenAttachmentBegin'; download: string; reportId: string; header: unknown }
  | { kind: 'deskOpenAttachmentPush'; download: string; piece: Uint8Array }
  | { kind: 'deskOpenAttachmentFinish'; download: string; abort: boolean }
  | {
      kind: 'deskSignRecipientList';
      channelId: string;
      version: number;
      /** Each with its possession proof: the worker refuses to sign keys whose proof fails. */
      recipients: CandidateRecipient[];
      deploymentKey: DeploymentKeyForAdmin;
      /** The channel's current signed list: its verified referral mode carries over. */
      currentList?: unknown;
    }
  | {
      /**
       * The channel's current list, verified, re-signed one version on with this referral mode
       * (Protocol step 11): the same keys, now with a mode browsers can trust.
       */
      kind: 'deskResignRecipientList';
      channelId: string;
      recipientList: unknown;
      referralMode: 'consent' | 'inform';
      deploymentKey: DeploymentKeyForAdmin;
    }
  | { kind: 'deskCheckRecipients'; people: CandidateRecipient[] }
  | {
      kind: 'deskCheckRecipientLists';
      lists: { channelId: string; recipientList: unknown }[];
      deploymentSignPublicKey: string | null;
      deploymentKeyTransitions?: unknown[];
    }
  | {
      /** Setup: a new deployment key, its seed sealed to the first administrator only. */
      kind: 'deskCreateDeploymentKey';
      administratorId: string;
      boxPublicKey: string;
    }
  | {
      /** Seals this administrator's deployment key to a colleague's box key, if proven theirs. */
      kind: 'deskShareDeploymentKey';
      deploymentKey: DeploymentKeyForAdmin;
      colleague: CandidateRecipient;
    }
  | {
      /** A new deployment key, announced by a transition the current key signs. */
      kind: 'deskRotateDeploymentKey';
      deploymentKey: DeploymentKeyForAdmin;
    }
  | { kind: 'deskLock' };

/** GET /api/deployment/key: the current key, its rotations, and the caller's sealed copy. */
export interface DeploymentKeyForAdmin {
  deploymentSignPublicKey: string;
  deploymentKeyTransitions: unknown[];
  sealedKey: unknown;
  holders?: string[];
}

/**
 * Messages and notes are two threads, each opened message by message against the channel's
 * signed list; `next` is this investigator's next sequence in each.
 */
export interface OpenedDeskCase {
  answers: unknown;
  messages: ThreadEntry[];
  notes: ThreadEntry[];
  next: { messages: number; notes: number };
}

export interface CreatedVaultResult {
  vault: unknown;
  loginSecret: string;
  recoveryKey: string;
  boxPublicKey: string;
  signPublicKey: string;
  keyProof: string;
}

/** An account's keys as the desk hands them to an administrator, with their possession proof. */
export interface CandidateRecipient {
  investigatorId: string;
  boxPublicKey: string;
  signPublicKey: string;
  keyProof: string | null;
}

export interface OpenedVault {
  investigatorId: string;
  signPublicKey: string;
  keyProof: string;
  safetyNumber: string;
}

export interface SealedReport {
  receipt: string;
  envelope: unknown;
}

export interface OpenedCase {
  messages: PlainMessage[];
  /**
   * Each referral's reason, opened (SECURITY.md, Protocol step 11): `verified` only when it is
   * signed by a listed investigator, bound to this referral, and names the target the server
   * says it goes to; otherwise no text.
   */
  referrals: { referralId: string; verified: boolean; reason?: string }[];
}

/**
 * What each job kind resolves to: `runInWorker(job)` takes its result type from here, so a
 * caller never names (or casts) the type itself and a job and its result cannot drift apart.
 */
export interface JobResults {
  ping: 'pong';
  solvePow: { challenge: string; solution: string };
  sealReport: SealedReport;
  /** The receipt's locator. */
  unlockReceipt: string;
  /** The session challenge's signature. */
  signSessionChallenge: string;
  openCase: OpenedCase;
  /** The signed message envelope. */
  sealMessage: unknown;
  /** The report key wrapped to each recipient of the target's verified list (ReportKeyShare). */
  consentReferral: unknown[];
  beginAttachment: AttachmentHeader;
  sealAttachmentChunks: Uint8Array;
  forget: null;
  deskCreateVault: CreatedVaultResult;
  /** The login secret. */
  deskStretchPassword: string;
  deskChangePassword: {
    currentLoginSecret: string;
    loginSecret: string;
    vault: unknown;
    recoveryKey: string;
  };
  deskOpenVault: OpenedVault;
  deskOpenCase: OpenedDeskCase;
  /** One sealed report key share per colleague. */
  deskShareReportKey: unknown[];
  /** The mode the report channel's verified list signs, and the shares for `inform` only. */
  deskReferralShares: { mode: 'consent' | 'inform'; shares: unknown[] };
  /** The signed message or note envelope. */
  deskSealMessage: unknown;
  /** The attachment's opened metadata. */
  deskOpenAttachmentBegin: { name: string; type: string };
  deskOpenAttachmentPush: Uint8Array<ArrayBuffer>[];
  deskOpenAttachmentFinish: Uint8Array<ArrayBuffer>[];
  /** The signed recipient list. */
  deskSignRecipientList: unknown;
  /** The re-signed recipient list. */
  deskResignRecipientList: unknown;
  deskCheckRecipients: CheckedRecipient[];
  deskCheckRecipientLists: KeyAlarm[];
  deskCreateDeploymentKey: { deploymentSignPublicKey: string; sealedKey: unknown };
  /** The deployment key sealed to the colleague. */
  deskShareDeploymentKey: unknown;
  deskRotateDeploymentKey: { transition: unknown; sealedKey: unknown };
  deskLock: null;
}

export type JobKind = Job['kind'];
/** The job of one kind. */
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;

export type Progress = {
  fraction: number;
  stage?: string;
  /** Seconds left by the measured rate (proof of work), where the work can estimate it. */
  secondsLeft?: number;
};

/** From the page: a job, or the cancellation of one still running (the page left). */
export type ToWorker = { id: number; job: Job } | { cancel: number };

export type FromWorker =
  | { id: number; progress: Progress }
  | { id: number; result: unknown }
  | { id: number; error: string };
