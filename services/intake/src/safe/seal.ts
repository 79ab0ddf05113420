/**
 * What a whistleblower's browser does with scripts on, done by the server for one that has none
 * (SECURITY.md, "The no-JavaScript path"), with the protocol package's functions only: the same
 * receipt derivation, the same recipient-list check against the pinned deployment key, the same
 * sealing. Every key and the plaintext live in this request's memory and are wiped at its end.
 */
import {
  FormatError,
  createAttachmentSealer,
  attachmentChunkContentLength,
  deriveReceiptKeysForDeployment,
  followDeploymentKey,
  generateReceipt,
  RECEIPT_KDF_CURRENT,
  sealReport,
  verifyRecipientList,
  type AttachmentHeader,
  type CryptoBackend,
  type DeploymentCryptoSettings,
  type ReceiptKdfVersion,
  type ReceiptKeys,
  type RecipientList,
  type SubmissionEnvelope,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import type { IntakeContext } from '../context.ts';
import type { Channel } from '../deps.ts';
import { ProblemError } from '../http/problem.ts';
import type { FormFile } from './form-body.ts';

export interface Trust {
  readonly settings: DeploymentCryptoSettings;
  /** The deployment key recipient lists must verify under, as the served build trusts it. */
  readonly deploymentKey: string;
}

/**
 * A check the browser makes before sealing (the deployment key's chain, the recipient list's
 * signature): whatever makes it fail, nothing is sealed and the answer is 503 recipientsUnverified.
 */
function verifiedOrRefused<T>(check: () => T): T {
  try {
    return check();
  } catch {
    throw new ProblemError('recipientsUnverified');
  }
}

/**
 * The deployment's crypto settings and the key the served pages trust: the key their build pins,
 * followed through the deployment's signed transitions (`trustedDeploymentKey` of the front
 * end), or the announced key where the build pins none. No settings (before setup) or a chain
 * that does not lead from the pinned key: nothing can be sealed (503).
 */
export async function deploymentTrust(ctx: IntakeContext, b: CryptoBackend): Promise<Trust> {
  const given = ctx.deps.cryptoSettings;
  const settings = typeof given === 'function' ? await given() : given;
  if (!settings) throw new ProblemError('recipientsUnverified');
  const pinned = ctx.deps.pinnedDeploymentKey?.();
  if (!pinned) return { settings, deploymentKey: settings.deploymentSignPublicKey };
  const deploymentKey = verifiedOrRefused(() =>
    followDeploymentKey(b, {
      pinnedPublicKey: pinned,
      transitions: settings.deploymentKeyTransitions ?? [],
    }),
  );
  return { settings, deploymentKey };
}

/** The channel's recipient list, verified as the browser verifies it before sealing to it. */
export function verifiedRecipients(
  b: CryptoBackend,
  channel: Pick<Channel, 'id' | 'recipients'>,
  trust: Trust,
): RecipientList {
  return verifiedOrRefused(() =>
    verifyRecipientList(b, channel.recipients, {
      pinnedPublicKey: trust.deploymentKey,
      channelId: channel.id,
    }),
  );
}

/** The receipt's keys by derivation `version`, as the whistleblower's worker derives them. */
export function receiptKeysFor(
  b: CryptoBackend,
  receipt: string,
  version: ReceiptKdfVersion,
  settings: DeploymentCryptoSettings,
): Promise<ReceiptKeys> {
  return deriveReceiptKeysForDeployment(b, { receipt, version, kdf: settings.receiptKdf });
}

export function forgetKeys(keys: ReceiptKeys | undefined): void {
  keys?.signSeed.fill(0);
  keys?.boxSecretKey.fill(0);
}

export interface SealedOnServer {
  readonly receipt: string;
  readonly keys: ReceiptKeys;
  readonly envelope: SubmissionEnvelope;
  readonly reportKey: Uint8Array;
}

/** A fresh receipt, its keys, and the answers sealed to the channel's verified list. */
export async function sealAnswers(
  b: CryptoBackend,
  input: {
    channel: Channel;
    trust: Trust;
    answers: { language: string; answers: Record<string, string> };
  },
): Promise<SealedOnServer> {
  const list = verifiedRecipients(b, input.channel, input.trust);
  const receipt = generateReceipt(b);
  const keys = await receiptKeysFor(b, receipt, RECEIPT_KDF_CURRENT, input.trust.settings);
  try {
    const sealed = sealReport(b, {
      reportId: randomUUID(),
      channelId: input.channel.id,
      answers: input.answers,
      recipients: list.recipients,
      recipientListVersion: list.version,
      whistleblower: keys,
    });
    return { receipt, keys, ...sealed };
  } catch (error) {
    forgetKeys(keys);
    if (error instanceof FormatError) throw new ProblemError('tooLarge');
    throw error;
  }
}

export interface SealedFile {
  readonly evidenceId: string;
  readonly header: AttachmentHeader;
  readonly ciphertext: Buffer;
}

/** One attached file sealed under the report key, whole, in memory (the form bounds its size). */
export function sealFile(
  b: CryptoBackend,
  input: { reportKey: Uint8Array; reportId: string; file: FormFile },
): SealedFile {
  const evidenceId = randomUUID();
  const { bytes } = input.file;
  const sealer = createAttachmentSealer(b, {
    reportKey: input.reportKey,
    reportId: input.reportId,
    attachmentId: evidenceId,
    metadata: {
      name: input.file.name,
      type: input.file.type || 'application/octet-stream',
      size: bytes.length,
    },
    salt: b.randomBytes(32),
  });
  try {
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < sealer.header.chunkCount; i++) {
      const from = i * sealer.header.chunkSize;
      const length = attachmentChunkContentLength(bytes.length, i);
      chunks.push(sealer.sealChunk(i, bytes.subarray(from, from + length)));
    }
    return { evidenceId, header: sealer.header, ciphertext: Buffer.concat(chunks) };
  } finally {
    sealer.dispose();
  }
}
