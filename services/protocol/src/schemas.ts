// zod schemas of every payload the protocol puts on the wire, shared by the front end and the
// services. Objects are strict (unknown fields are rejected) and versioned with `v: 1`. All
// binary is base64url without padding; fixed-size values are checked to their exact length.
import { z } from 'zod';
import {
  ARGON2_MAX_MEM_BYTES,
  ARGON2_MAX_OPS,
  meetsOwaspFloor,
  meetsVaultFloor,
} from './params.ts';
import {
  closingOutcomes,
  outcomes,
  priorities,
  reminderStates,
  sectors,
  workingStatuses,
} from './vocabulary.ts';

const B64URL_RE = /^[A-Za-z0-9_-]*$/;

/** base64url (no padding) of exactly `bytes` bytes. */
export function base64UrlBytes(bytes: number) {
  return z
    .string()
    .length(Math.ceil((bytes * 4) / 3))
    .regex(B64URL_RE, 'base64url');
}

/** base64url (no padding) of a variable-length value, bounded. */
export function base64UrlVar(maxBytes: number) {
  return z
    .string()
    .min(1)
    .max(Math.ceil((maxBytes * 4) / 3))
    .regex(B64URL_RE, 'base64url')
    .refine((s) => s.length % 4 !== 1, 'base64url length');
}

/** Lowercase canonical UUID (ids are chosen by the client). */
export const idSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'uuid');

export const publicKeySchema = base64UrlBytes(32);
export const signatureSchema = base64UrlBytes(64);
export const nonceSchema = base64UrlBytes(24);
/** crypto_box_seal of a 32-byte key: 32 (epk) + 16 (MAC) + 32. */
export const wrappedKeySchema = base64UrlBytes(80);
export const locatorSchema = base64UrlBytes(32);

/** Largest sealed answers document (padded plaintext) we accept: 1 MiB. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;
/** Largest sealed message (padded plaintext): 64 KiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Largest attachment (padded plaintext): 2 GiB. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024 * 1024;
export const ATTACHMENT_CHUNK_SIZE = 64 * 1024;

export const argon2ParamsSchema = z
  .object({
    opsLimit: z.number().int().min(1).max(ARGON2_MAX_OPS),
    memLimitBytes: z
      .number()
      .int()
      .multipleOf(1024)
      .min(8 * 1024)
      .max(ARGON2_MAX_MEM_BYTES),
  })
  .strict();

/** The receipt KDF of a deployment: public salt and parameters no weaker than OWASP's floor. */
export const receiptKdfSettingsSchema = z
  .object({
    alg: z.literal('argon2id13'),
    salt: base64UrlBytes(16),
    opsLimit: z.number().int().min(1).max(ARGON2_MAX_OPS),
    memLimitBytes: z.number().int().multipleOf(1024).max(ARGON2_MAX_MEM_BYTES),
  })
  .strict()
  .refine(
    meetsOwaspFloor,
    'receipt Argon2id parameters below the OWASP floor (m=19 MiB t=2 or m=46 MiB t=1)',
  );

export const vaultKdfSettingsSchema = z
  .object({
    alg: z.literal('argon2id13'),
    opsLimit: z.number().int().min(1).max(ARGON2_MAX_OPS),
    memLimitBytes: z.number().int().multipleOf(1024).max(ARGON2_MAX_MEM_BYTES),
  })
  .strict()
  .refine(meetsVaultFloor, 'vault Argon2id parameters below m=64 MiB t=3');

/** The deployment key's seed sealed (crypto_box_seal) to one administrator's box key. */
export const sealedDeploymentKeySchema = z
  .object({
    v: z.literal(1),
    /** The public key of the sealed seed: which deployment key this is. */
    signPublicKey: publicKeySchema,
    administratorId: idSchema,
    sealedSeed: wrappedKeySchema,
  })
  .strict();

/** "The deployment key is now `nextPublicKey`", signed by `previousPublicKey`. */
export const deploymentKeyTransitionSchema = z
  .object({
    v: z.literal(1),
    /** 1 for the first rotation, then 2, 3...: a transition cannot be moved in the chain. */
    sequence: z.number().int().min(1).max(1_000_000),
    previousPublicKey: publicKeySchema,
    nextPublicKey: publicKeySchema,
    signature: signatureSchema,
  })
  .strict();

/**
 * Deployment-wide crypto settings; the front-end build pins a deployment key and follows
 * `deploymentKeyTransitions` (oldest first) from it to `deploymentSignPublicKey`, the current one.
 */
export const deploymentCryptoSettingsSchema = z
  .object({
    v: z.literal(1),
    receiptKdf: receiptKdfSettingsSchema,
    vaultKdf: vaultKdfSettingsSchema,
    deploymentSignPublicKey: publicKeySchema,
    deploymentKeyTransitions: z.array(deploymentKeyTransitionSchema).max(256).optional(),
  })
  .strict();

/** Sealed answers: XChaCha20-Poly1305 of the padded answers; server sees paddedSize only. */
export const sealedAnswersSchema = z
  .object({
    nonce: nonceSchema,
    ciphertext: base64UrlVar(MAX_ANSWERS_BYTES + 16),
    paddedSize: z.number().int().min(1).max(MAX_ANSWERS_BYTES),
  })
  .strict();

export const recipientWrappedKeySchema = z
  .object({ recipientId: idSchema, wrappedKey: wrappedKeySchema })
  .strict();

export const whistleblowerKeysSchema = z
  .object({
    locator: locatorSchema,
    signPublicKey: publicKeySchema,
    boxPublicKey: publicKeySchema,
    wrappedKey: wrappedKeySchema,
  })
  .strict();

/** What a whistleblower's browser submits. `signature` is by whistleblower.signPublicKey. */
export const submissionEnvelopeSchema = z
  .object({
    v: z.literal(1),
    reportId: idSchema,
    channelId: idSchema,
    recipientListVersion: z.number().int().min(1),
    answers: sealedAnswersSchema,
    recipients: z.array(recipientWrappedKeySchema).min(1).max(64),
    whistleblower: whistleblowerKeysSchema,
    signature: signatureSchema,
  })
  .strict();

/**
 * The part of intake's `GET /case` that a returning whistleblower's report key comes from: the
 * report and channel ids, the whole signed submission envelope as stored, and the
 * whistleblower's wrapped key (which must be the envelope's). The rest of the case view
 * (status, timeline, messages, evidence) is other fields, which this schema leaves out.
 */
export const returnedCaseSchema = z.object({
  reportId: idSchema,
  channelId: idSchema,
  envelope: submissionEnvelopeSchema,
  wrappedKey: wrappedKeySchema,
});

/** Header of one encrypted attachment; the ciphertext chunks travel as binary. */
export const attachmentHeaderSchema = z
  .object({
    v: z.literal(1),
    reportId: idSchema,
    attachmentId: idSchema,
    salt: base64UrlBytes(32),
    chunkSize: z.literal(ATTACHMENT_CHUNK_SIZE),
    paddedSize: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    chunkCount: z.number().int().min(1),
    /** Sealed { name, type, size }, padded; AEAD under the file's metadata key. */
    metadata: base64UrlVar(4096 + 16),
  })
  .strict()
  .refine((h) => h.chunkCount === Math.ceil(h.paddedSize / h.chunkSize), 'chunkCount');

/** Metadata of one uploaded ciphertext chunk (chunkSize + 16 bytes, the last one shorter). */
export const attachmentChunkSchema = z
  .object({
    v: z.literal(1),
    attachmentId: idSchema,
    index: z.number().int().min(0),
    length: z
      .number()
      .int()
      .min(17)
      .max(ATTACHMENT_CHUNK_SIZE + 16),
  })
  .strict();

export const authorRoleSchema = z.enum(['whistleblower', 'investigator']);

/** A message either way: encrypted under the report's message key, signed by its author. */
export const messageEnvelopeSchema = z
  .object({
    v: z.literal(1),
    reportId: idSchema,
    messageId: idSchema,
    authorRole: authorRoleSchema,
    authorKey: publicKeySchema,
    /** Per (report, author) counter starting at 0; a replay or reordering is refused. */
    sequence: z.number().int().min(0),
    nonce: nonceSchema,
    ciphertext: base64UrlVar(MAX_MESSAGE_BYTES + 16),
    signature: signatureSchema,
  })
  .strict();

export const recipientEntrySchema = z
  .object({ recipientId: idSchema, boxPublicKey: publicKeySchema, signPublicKey: publicKeySchema })
  .strict();

/**
 * A report key shared by a current recipient with a colleague added to the channel after the
 * report was sealed: crypto_box_seal(reportKey) to the colleague's box key as the channel's
 * signed recipient list gives it, signed by the sharer (key-share.ts).
 */
export const reportKeyShareSchema = z
  .object({
    v: z.literal(1),
    reportId: idSchema,
    recipientId: idSchema,
    boxPublicKey: publicKeySchema,
    sharedBy: idSchema,
    wrappedKey: wrappedKeySchema,
    signature: signatureSchema,
  })
  .strict();
export type ReportKeyShare = z.infer<typeof reportKeyShareSchema>;

/** How a channel refers a report to another member (Protocol step 11). */
export const referralModeSchema = z.enum(['consent', 'inform']);
export type ReferralMode = z.infer<typeof referralModeSchema>;

const listFields = {
  channelId: idSchema,
  version: z.number().int().min(1),
  recipients: z.array(recipientEntrySchema).min(1).max(64),
  signature: signatureSchema,
};

/**
 * A channel's recipients, signed by the deployment signing key. `v: 2` also signs the channel's
 * referral mode (Protocol step 11); a `v: 1` list, which has none, means `consent`. A verifier
 * that knows only `v: 1` refuses a `v: 2` list (strict schema) rather than misread it, and the
 * two are signed under different labels, so neither passes as the other.
 */
export const recipientListSchema = z.discriminatedUnion('v', [
  z.object({ v: z.literal(1), ...listFields }).strict(),
  z.object({ v: z.literal(2), referralMode: referralModeSchema, ...listFields }).strict(),
]);

const wrapSchema = z.object({ nonce: nonceSchema, ciphertext: base64UrlBytes(48) }).strict();

/** An investigator's key vault: the server stores it and cannot open it. */
export const vaultSchema = z
  .object({
    v: z.literal(1),
    investigatorId: idSchema,
    kdf: z
      .object({
        alg: z.literal('argon2id13'),
        salt: base64UrlBytes(16),
        opsLimit: z.number().int().min(1).max(ARGON2_MAX_OPS),
        memLimitBytes: z.number().int().multipleOf(1024).max(ARGON2_MAX_MEM_BYTES),
      })
      .strict(),
    boxPublicKey: publicKeySchema,
    signPublicKey: publicKeySchema,
    /** The 64 secret bytes (X25519 secret || Ed25519 seed) under the vault data key. */
    payload: z.object({ nonce: nonceSchema, ciphertext: base64UrlBytes(80) }).strict(),
    /** The vault data key under the password-derived key. */
    passwordWrap: wrapSchema,
    /** The vault data key under the recovery key. */
    recoveryWrap: wrapSchema,
  })
  .strict();

/** What a desk client sends to log in: the derived secret, never the password. */
export const loginSecretSchema = base64UrlBytes(32);

/** What the desk server stores for a login: a slow hash of the login secret. */
export const loginVerifierSchema = z
  .object({
    v: z.literal(1),
    alg: z.literal('argon2id13'),
    salt: base64UrlBytes(16),
    opsLimit: z.number().int().min(1).max(ARGON2_MAX_OPS),
    memLimitBytes: z.number().int().multipleOf(1024).max(ARGON2_MAX_MEM_BYTES),
    hash: base64UrlBytes(32),
  })
  .strict();

/** A receipt session proof: signature over the server challenge (see signSessionChallenge). */
export const sessionProofSchema = z
  .object({ locator: locatorSchema, challenge: base64UrlBytes(32), signature: signatureSchema })
  .strict();

// Responses: what intake and desk send back. The browser never trusts these shapes (the worker
// parses and verifies every envelope it opens), but both sides name them here, once, so the
// services and the front end cannot drift apart. `z.unknown()` marks a field the worker parses.

export { closingOutcomes, outcomes, priorities, sectors, workingStatuses };
export type { ClosingOutcome, Outcome, Priority, Sector, WorkingStatus } from './vocabulary.ts';

const timeSchema = z.iso.datetime();

/** A message of a case's thread, either way; the envelope is a `messageEnvelopeSchema`. */
export const caseMessageSchema = z.object({
  messageId: z.string(),
  author: authorRoleSchema,
  envelope: z.unknown(),
  postedAt: timeSchema,
});

/** An evidence file of a case; the header is an `attachmentHeaderSchema`. */
export const caseEvidenceSchema = z.object({
  evidenceId: z.string(),
  paddedSize: z.number().int().nonnegative(),
  header: z.unknown(),
  by: authorRoleSchema,
  addedAt: timeSchema,
});

/** The deadlines and status both views show (coarse times, SECURITY.md). */
const caseDatesSchema = z.object({
  status: z.string(),
  receivedAt: timeSchema,
  acknowledgementDueAt: timeSchema,
  acknowledgedAt: timeSchema.nullable(),
  feedbackDueAt: timeSchema.nullable(),
});

/**
 * Intake's `GET /api/v1/case`: what a whistleblower may see of their case, never investigator
 * ids, notes or triage. The return path (`returnedCaseSchema`) is the part the report key
 * comes from.
 */
const referralStatusSchema = z.enum(['proposed', 'accepted', 'declined', 'withdrawn']);

/**
 * A referral of the case to another channel as its whistleblower sees it (SECURITY.md, Protocol
 * step 11): the reason is a message envelope of the `referrals` thread, opened in the worker.
 */
export const caseReferralSchema = z.object({
  referralId: idSchema,
  toChannelId: idSchema,
  mode: referralModeSchema,
  status: referralStatusSchema,
  reason: z.unknown(),
  proposedAt: timeSchema,
  /** When the target's investigators acknowledged it ("<target> received your report"). */
  acknowledgedAt: timeSchema.nullable().optional(),
});

export const whistleblowerCaseSchema = z.object({
  ...returnedCaseSchema.shape,
  ...caseDatesSchema.shape,
  timeline: z.array(z.object({ type: z.string(), at: timeSchema })),
  messages: z.array(caseMessageSchema),
  /** Absent when the case has no referral (as before referrals existed). */
  referrals: z.array(caseReferralSchema).optional(),
  evidence: z.array(caseEvidenceSchema.extend({ blobId: z.string() })),
});

export const triageSchema = z.object({
  priority: z.enum(priorities),
  sector: z.enum(sectors),
  region: z.string().nullable(),
});

/** Desk's `GET /api/reports/:reportId`: the case as the calling investigator may see it. */
export const deskCaseSchema = z.object({
  ...caseDatesSchema.shape,
  reportId: idSchema,
  channelId: idSchema,
  outcome: z.enum(outcomes).nullable(),
  triage: triageSchema.nullable(),
  assignees: z.array(z.string()),
  /** The submission envelope exactly as signed (a `submissionEnvelopeSchema`). */
  envelope: z.unknown(),
  /**
   * 'server' when intake sealed the report for a browser without JavaScript: intake saw its
   * plaintext while it sealed (SECURITY.md, "The no-JavaScript path"). Absent otherwise.
   */
  sealedBy: z.literal('server').optional(),
  messages: z.array(caseMessageSchema),
  evidence: z.array(caseEvidenceSchema),
  notes: z.array(
    z.object({ noteId: z.string(), note: z.unknown(), addedAt: timeSchema.optional() }),
  ),
  /**
   * The case's steps with their plain fields only (services/desk cases/history.ts), oldest
   * first; messages, notes and evidence are the arrays above.
   */
  history: z
    .array(
      z.object({
        type: z.string(),
        at: timeSchema,
        by: z.string().optional(),
        detail: z.string().optional(),
      }),
    )
    .optional(),
  /** The channel's questionnaire the report answered (public, like intake's), or null. */
  questionnaire: z.unknown().optional(),
  /** The case's labels and those its channel defines (plain text an administrator wrote). */
  labels: z.array(z.string()).optional(),
  channelLabels: z.array(z.string()).optional(),
  /** The channel's acknowledgement text (an administrator's, plain), or null for the default. */
  ackTemplate: z.string().nullable().optional(),
  /** Key shares addressed to the caller (SECURITY.md, Protocol step 5). */
  keyShares: z.array(
    z.object({
      share: z.unknown(),
      sharedAt: timeSchema,
      sharerSignPublicKey: publicKeySchema.nullable(),
    }),
  ),
  /** Current recipients whom the envelope does not name and who have no share yet. */
  cannotOpen: z.array(z.string()),
  /** Colleagues holding shares, none from the caller: the caller may share again. */
  mayShareAgain: z.array(z.string()),
  /** The channel's current recipient list as signed: verified in the worker, never trusted. */
  recipientList: z.unknown(),
  deploymentSignPublicKey: publicKeySchema.nullable(),
  /** The deployment key's rotations, followed in the worker from the pinned key. */
  deploymentKeyTransitions: z.array(z.unknown()).optional(),
  /** The open deadline's reminder badge (services/reports/src/reminders/state.ts). */
  reminder: z.enum(reminderStates).nullable().optional(),
  /** Referrals of the case to other channels, plain fields only (Protocol step 11). */
  referrals: z.array(
    z.object({
      referralId: idSchema,
      toChannelId: idSchema,
      toChannelName: z.string().nullable(),
      by: z.string(),
      mode: referralModeSchema,
      handOver: z.boolean(),
      status: referralStatusSchema,
      proposedAt: timeSchema,
      /** When the target acknowledged it (ReferralAcknowledged), else null. */
      acknowledgedAt: timeSchema.nullable().optional(),
      /**
       * The target channel's signed recipient list once the referral took effect (null before):
       * its investigators may author on the case. Verified in the worker, never trusted.
       */
      recipientList: z.unknown(),
    }),
  ),
  /**
   * How the caller reads the case when a referral brought it to their channel: from where, and
   * the target's own deadlines, counted from acceptance. Null for the report's own channel.
   */
  referredIn: z
    .object({
      referralId: idSchema,
      fromChannelId: idSchema,
      fromChannelName: z.string().nullable(),
      handOver: z.boolean(),
      acceptedAt: timeSchema,
      acknowledgementDueAt: timeSchema,
      feedbackDueAt: timeSchema,
      /** The target's own acknowledgement, null while it is due. */
      acknowledgedAt: timeSchema.nullable().optional(),
    })
    .nullable(),
  revision: z.number().int(),
});

/** Desk's `GET /api/referrals/incoming`: referred reports that took effect into my channels. */
export const incomingReferralSchema = z.object({
  referralId: idSchema,
  reportId: idSchema,
  fromChannelId: idSchema,
  fromChannelName: z.string().nullable(),
  toChannelId: idSchema,
  toChannelName: z.string().nullable(),
  handOver: z.boolean(),
  acceptedAt: timeSchema,
  acknowledgementDueAt: timeSchema,
  feedbackDueAt: timeSchema,
  /** When the target acknowledged it; null while its acknowledgement is due. */
  acknowledgedAt: timeSchema.nullable(),
  /** Its acknowledgement's reminder badge (`due`, `overdue`), null while none was recorded. */
  reminder: z.enum(reminderStates).nullable().optional(),
});

/** One row of a desk queue (`GET /api/queues/:name`). */
export const queueItemSchema = z.object({
  ...caseDatesSchema.omit({ acknowledgedAt: true }).shape,
  reportId: idSchema,
  channelId: idSchema,
  priority: z.enum(priorities).nullable(),
  sector: z.enum(sectors).nullable(),
  assignees: z.array(z.string()),
  /** The open deadline's reminder badge (services/reports/src/reminders/state.ts). */
  reminder: z.enum(reminderStates).nullable().optional(),
});

/** Bodies of desk's case commands that carry one of the fixed words. */
export const workingStatusSchema = z.enum(workingStatuses);
export const closingOutcomeSchema = z.enum(closingOutcomes);

export type Argon2ParamsInput = z.infer<typeof argon2ParamsSchema>;
export type ReceiptKdfSettings = z.infer<typeof receiptKdfSettingsSchema>;
export type VaultKdfSettings = z.infer<typeof vaultKdfSettingsSchema>;
export type DeploymentCryptoSettings = z.infer<typeof deploymentCryptoSettingsSchema>;
export type SealedDeploymentKey = z.infer<typeof sealedDeploymentKeySchema>;
export type DeploymentKeyTransition = z.infer<typeof deploymentKeyTransitionSchema>;
export type SealedAnswers = z.infer<typeof sealedAnswersSchema>;
export type RecipientWrappedKey = z.infer<typeof recipientWrappedKeySchema>;
export type SubmissionEnvelope = z.infer<typeof submissionEnvelopeSchema>;
export type ReturnedCase = z.infer<typeof returnedCaseSchema>;
export type AttachmentHeader = z.infer<typeof attachmentHeaderSchema>;
export type AttachmentChunk = z.infer<typeof attachmentChunkSchema>;
export type AuthorRole = z.infer<typeof authorRoleSchema>;
export type MessageEnvelope = z.infer<typeof messageEnvelopeSchema>;
export type RecipientEntry = z.infer<typeof recipientEntrySchema>;
export type RecipientList = z.infer<typeof recipientListSchema>;
export type Vault = z.infer<typeof vaultSchema>;
export type LoginVerifier = z.infer<typeof loginVerifierSchema>;
export type SessionProof = z.infer<typeof sessionProofSchema>;
export type CaseMessage = z.infer<typeof caseMessageSchema>;
export type CaseEvidence = z.infer<typeof caseEvidenceSchema>;
export type WhistleblowerCase = z.infer<typeof whistleblowerCaseSchema>;
export type Triage = z.infer<typeof triageSchema>;
export type DeskCase = z.infer<typeof deskCaseSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type CaseReferral = z.infer<typeof caseReferralSchema>;
export type IncomingReferral = z.infer<typeof incomingReferralSchema>;
