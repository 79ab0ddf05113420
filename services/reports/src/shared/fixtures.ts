/**
 * Test-only factories of protocol-shaped payloads (right fields, right lengths, no real crypto):
 * the domain checks shapes, never ciphertext, so its tests need no key material.
 */
import { createHash } from 'node:crypto';
import {
  createNobleBackend,
  proveKeyPossession,
  signingKeyPairFromSeed,
  boxKeyPairFromSecret,
  type RecipientList,
} from '@integrity-desk/protocol';
import type {
  AttachmentHeader,
  LoginVerifier,
  MessageEnvelope,
  SubmissionEnvelope,
  Vault,
} from './sealed.ts';
import type { InvestigatorEvent } from '../investigator/events.ts';
import type { ReportEvent } from '../report/events.ts';

/** base64url of `bytes` bytes derived from a label, so different labels give different values. */
export function fakeB64(bytes: number, label = 'x'): string {
  let out = '';
  for (let i = 0; out.length < Math.ceil((bytes * 4) / 3); i++)
    out += createHash('sha256').update(`${label}:${i}`).digest('base64url');
  return out.slice(0, Math.ceil((bytes * 4) / 3));
}

export const fakeUuid = (label: string) => {
  const h = createHash('sha256').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The receipt's signing key `fakeSubmissionEnvelope` puts in an envelope of this label. */
export const fakeSignKey = (label: string) => fakeB64(32, `sign:${label}`);

export const fakeLocator = (label: string) => fakeB64(32, `locator:${label}`);

export function fakeSubmissionEnvelope(
  reportId: string,
  channelId: string,
  label: string = reportId,
): SubmissionEnvelope {
  return {
    v: 1,
    reportId,
    channelId,
    recipientListVersion: 1,
    answers: { nonce: fakeB64(24), ciphertext: fakeB64(300, label), paddedSize: 284 },
    recipients: [{ recipientId: fakeUuid('recipient'), wrappedKey: fakeB64(80) }],
    whistleblower: {
      locator: fakeLocator(label),
      signPublicKey: fakeSignKey(label),
      boxPublicKey: fakeB64(32, `box:${label}`),
      wrappedKey: fakeB64(80),
    },
    signature: fakeB64(64),
  };
}

/**
 * A message envelope's shape. The report decider takes a whistleblower's message only with the
 * receipt's key of `fakeSubmissionEnvelope` (`fakeSignKey(reportId)` for the default label) and
 * the author's next sequence.
 */
export function fakeMessageEnvelope(
  reportId: string,
  messageId: string,
  authorRole: 'whistleblower' | 'investigator' = 'whistleblower',
  author: { authorKey?: string; sequence?: number } = {},
): MessageEnvelope {
  return {
    v: 1,
    reportId,
    messageId,
    authorRole,
    authorKey: author.authorKey ?? fakeB64(32, 'author'),
    sequence: author.sequence ?? 0,
    nonce: fakeB64(24),
    ciphertext: fakeB64(64, messageId),
    signature: fakeB64(64),
  };
}

export function fakeAttachmentHeader(reportId: string, attachmentId: string): AttachmentHeader {
  return {
    v: 1,
    reportId,
    attachmentId,
    salt: fakeB64(32),
    chunkSize: 65536,
    paddedSize: 65536,
    chunkCount: 1,
    metadata: fakeB64(64),
  };
}

/**
 * The one key pair every fake vault holds: real keys from fixed secrets, so that a test can make
 * the possession proof enrolment asks for (fakeKeyProof) without a vault that opens.
 */
const fixedBackend = createNobleBackend();
const fakeBoxSecret = createHash('sha256').update('fake vault box').digest();
const fakeSignSeed = createHash('sha256').update('fake vault sign').digest();
export const fakeVaultKeys = {
  boxPublicKey: boxKeyPairFromSecret(fixedBackend, fakeBoxSecret).publicKey,
  signPublicKey: signingKeyPairFromSeed(fixedBackend, fakeSignSeed).publicKey,
};

/** The possession proof of fakeVault(investigatorId)'s keys. */
export function fakeKeyProof(investigatorId: string): string {
  return proveKeyPossession(fixedBackend, {
    investigatorId,
    boxSecretKey: fakeBoxSecret,
    signSeed: fakeSignSeed,
  });
}

export function fakeVault(investigatorId: string): Vault {
  const wrap = { nonce: fakeB64(24), ciphertext: fakeB64(48) };
  return {
    v: 1,
    investigatorId,
    kdf: { alg: 'argon2id13', salt: fakeB64(16), opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 },
    ...fakeVaultKeys,
    payload: { nonce: fakeB64(24), ciphertext: fakeB64(80) },
    passwordWrap: wrap,
    recoveryWrap: wrap,
  };
}

/** The keys an enrolment records for fakeVault(investigatorId): both public keys and the vault. */
export function fakeEnrolledKeys(investigatorId: string) {
  const vault = fakeVault(investigatorId);
  return { signPublicKey: vault.signPublicKey, boxPublicKey: vault.boxPublicKey, vault };
}

export const fakeLoginVerifier = (): LoginVerifier => ({
  v: 1,
  alg: 'argon2id13',
  salt: fakeB64(16),
  opsLimit: 2,
  memLimitBytes: 19 * 1024 * 1024,
  hash: fakeB64(32),
});

export function fakeRecipientList(
  channelId: string,
  version: number,
  recipientIds: readonly string[],
): RecipientList {
  return {
    v: 1,
    channelId,
    version,
    recipients: recipientIds.map((recipientId) => ({
      recipientId,
      boxPublicKey: fakeB64(32, `box:${recipientId}`),
      signPublicKey: fakeB64(32, `sign:${recipientId}`),
    })),
    signature: fakeB64(64, `list:${channelId}:${version}`),
  };
}

/** A sealed TOTP secret of the right shape (AES-256-GCM of 32 base32 characters + tag). */
export function fakeSealedTotpSecret(label = 'totp') {
  return {
    v: 1 as const,
    alg: 'A256GCM' as const,
    keyId: createHash('sha256').update(`key:${label}`).digest('hex').slice(0, 16),
    nonce: fakeB64(12, `nonce:${label}`),
    ciphertext: fakeB64(48, label),
  };
}

/**
 * One investigator's life as the decider records it: invited by admin-1 (the code valid for 72
 * hours), enrolled, TOTP confirmed, deactivated. Every date defaults to the one before it.
 */
export function fakeInvestigatorHistory(
  investigatorId: string,
  dates: {
    invitedAt: string;
    expiresAt?: string;
    enrolledAt?: string;
    confirmedAt?: string;
    deactivatedAt?: string;
  },
  enrolment: {
    keys?: ReturnType<typeof fakeEnrolledKeys>;
    sealedTotpSecret?: ReturnType<typeof fakeSealedTotpSecret>;
  } = {},
) {
  const { invitedAt, enrolledAt = invitedAt } = dates;
  const confirmedAt = dates.confirmedAt ?? enrolledAt;
  const invited: InvestigatorEvent = {
    type: 'InvestigatorInvited',
    data: {
      investigatorId,
      handle: 'ndapewa',
      role: 'investigator',
      enrolmentCodeHash: 'a'.repeat(64),
      expiresAt: dates.expiresAt ?? new Date(Date.parse(invitedAt) + 72 * 3_600_000).toISOString(),
      by: 'admin-1',
      invitedAt,
    },
  };
  const enrolled: InvestigatorEvent = {
    type: 'InvestigatorEnrolled',
    data: {
      investigatorId,
      ...(enrolment.keys ?? fakeEnrolledKeys(investigatorId)),
      loginVerifier: fakeLoginVerifier(),
      sealedTotpSecret: enrolment.sealedTotpSecret ?? fakeSealedTotpSecret(),
      enrolledAt,
    },
  };
  const confirmed: InvestigatorEvent = {
    type: 'InvestigatorTotpConfirmed',
    data: { investigatorId, confirmedAt },
  };
  const deactivated: InvestigatorEvent = {
    type: 'InvestigatorDeactivated',
    data: { investigatorId, by: 'admin-1', deactivatedAt: dates.deactivatedAt ?? confirmedAt },
  };
  return { invited, enrolled, confirmed, deactivated };
}

/**
 * The commands of a report's life up to its close, without metadata: submitted and given one
 * piece of evidence (already stored as `blobId`) by the whistleblower, then acknowledged and
 * closed by staff. Purge and retention tests run them against a real store.
 */
export function fakeReportLife(
  reportId: string,
  channelId: string,
  evidence: { evidenceId: string; blobId: string },
) {
  return {
    submit: {
      type: 'SubmitReport',
      data: { reportId, channelId, envelope: fakeSubmissionEnvelope(reportId, channelId) },
    },
    addEvidence: {
      type: 'AddEvidence',
      data: {
        reportId,
        ...evidence,
        paddedSize: 4096,
        header: fakeAttachmentHeader(reportId, evidence.evidenceId),
      },
    },
    acknowledge: { type: 'AcknowledgeReport', data: { reportId } },
    close: { type: 'CloseReport', data: { reportId, outcome: 'substantiated' } },
  } as const;
}

/**
 * A channel's questionnaire in English, Afrikaans and German (version 2): a long answer and a
 * choice whose keys every language shares.
 */
export const fakeTrilingualQuestionnaire = {
  defaultLanguage: 'en',
  questions: [
    {
      id: 'what',
      kind: 'longtext' as const,
      required: true,
      text: {
        en: { label: 'What happened?' },
        af: { label: 'Wat het gebeur?' },
        de: { label: 'Was ist passiert?' },
      },
    },
    {
      id: 'ongoing',
      kind: 'choice' as const,
      required: false,
      options: ['yes', 'no'],
      text: {
        en: { label: 'Is it still going on?', options: { yes: 'Yes', no: 'No' } },
        af: { label: 'Gaan dit nog aan?', options: { yes: 'Ja', no: 'Nee' } },
        de: { label: 'Dauert es noch an?', options: { yes: 'Ja', no: 'Nein' } },
      },
    },
  ],
};

/** A referral's acceptance (no shares: as one proposed with the referrer's own). */
export const fakeReferralAccepted = (
  reportId: string,
  referralId: string,
  toChannelId: string,
  at: string,
  due: { acknowledgementDueAt: string; feedbackDueAt: string } = {
    acknowledgementDueAt: at,
    feedbackDueAt: at,
  },
) =>
  ({
    type: 'ReferralAccepted',
    data: { reportId, referralId, toChannelId, consent: 'given', acceptedAt: at, ...due },
  }) satisfies ReportEvent;
