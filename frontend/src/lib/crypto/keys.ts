// The worker's key holder, on services/protocol. Receipt keys and the report key live in this
// module's memory inside the worker and nowhere else: the page receives envelopes and plain
// text, never a key. 'forget' (log out) drops them; terminating the worker drops everything.
import {
  deploymentCryptoSettingsSchema,
  deriveReceiptKeysForDeployment,
  generateReceipt,
  loadBackend,
  openReferralReason,
  openReturnedCase,
  RECEIPT_KDF_CURRENT,
  referredChannelIds,
  sealMessage,
  sealReport,
  shareReportKeyForReferral,
  signSessionChallenge,
  verifyRecipientList,
  type CryptoBackend,
  type DeploymentCryptoSettings,
  type OpenedReturnedCase,
  type ReceiptKdfVersion,
  type ReceiptKeys,
  type RecipientList,
  type SealedReferral,
} from '@integrity-desk/protocol';
import { beginAttachment, forgetAttachments, sealChunks } from './attachment-seal';
import type { Job, OpenedCase, Progress, SealedReport } from './jobs';
import { listedSigningKeys, trustedDeploymentKey } from './trusted-key';
import { openThreadForPage } from './thread';

/** Bound into every receipt-session signature, so it is useless for any other purpose. */
export const SESSION_CONTEXT = 'intake-session';

let backend: Promise<CryptoBackend> | undefined;
let receiptKeys: ReceiptKeys | undefined;
let reportKey: Uint8Array | undefined;
let reportId: string | undefined;
let nextSequence = 0;
/**
 * Referrals this receipt may consent to, by id, with their target: proposed, asking, and whose
 * reason a listed investigator signed naming that target (openCase). The key goes to no other.
 */
const consentable = new Map<string, string>();

const getBackend = () => (backend ??= loadBackend());

function settingsOf(crypto: unknown): DeploymentCryptoSettings {
  return deploymentCryptoSettingsSchema.parse(crypto);
}

function verifiedRecipients(
  backendNow: CryptoBackend,
  list: unknown,
  settings: DeploymentCryptoSettings,
  expect: { channelId?: string; lastSeenVersion?: number } = {},
) {
  return verifyRecipientList(backendNow, list, {
    pinnedPublicKey: trustedDeploymentKey(
      backendNow,
      settings.deploymentSignPublicKey,
      settings.deploymentKeyTransitions,
    ),
    ...expect,
  });
}

async function receiptKeysFor(
  b: CryptoBackend,
  receipt: string,
  version: ReceiptKdfVersion,
  settings: DeploymentCryptoSettings,
  progress: (p: Progress) => void,
): Promise<ReceiptKeys> {
  return deriveReceiptKeysForDeployment(b, {
    receipt,
    version,
    kdf: settings.receiptKdf,
    onProgress: (fraction) => progress({ fraction }),
  });
}

function forget(): void {
  forgetAttachments();
  receiptKeys?.signSeed.fill(0);
  receiptKeys?.boxSecretKey.fill(0);
  reportKey?.fill(0);
  receiptKeys = undefined;
  reportKey = undefined;
  reportId = undefined;
  nextSequence = 0;
  consentable.clear();
}

export async function run(job: Job, progress: (p: Progress) => void): Promise<unknown> {
  switch (job.kind) {
    case 'forget':
      forget();
      return null;
    case 'sealReport': {
      const b = await getBackend();
      const settings = settingsOf(job.crypto);
      // The list must be this channel's, and never older than one already sealed to (a server
      // that refused a report cannot roll the browser back to a list it liked better).
      const list: RecipientList = verifiedRecipients(b, job.recipients, settings, {
        channelId: job.channelId,
        lastSeenVersion: job.lastSeenVersion,
      });
      forget();
      const receipt = generateReceipt(b);
      receiptKeys = await receiptKeysFor(b, receipt, RECEIPT_KDF_CURRENT, settings, (p) =>
        progress({ fraction: p.fraction * 0.9 }),
      );
      const sealed = sealReport(b, {
        reportId: job.reportId,
        channelId: job.channelId,
        answers: job.answers,
        recipients: list.recipients,
        recipientListVersion: list.version,
        whistleblower: receiptKeys,
      });
      reportKey = sealed.reportKey;
      reportId = job.reportId;
      progress({ fraction: 1 });
      return { receipt, envelope: sealed.envelope } satisfies SealedReport;
    }
    case 'unlockReceipt': {
      const b = await getBackend();
      const settings = settingsOf(job.crypto);
      forget();
      receiptKeys = await receiptKeysFor(b, job.receipt, job.version, settings, progress);
      return receiptKeys.locator;
    }
    case 'signSessionChallenge': {
      if (!receiptKeys) throw new Error('Locked');
      return signSessionChallenge(await getBackend(), receiptKeys, job.challenge, SESSION_CONTEXT);
    }
    case 'openCase': {
      if (!receiptKeys) throw new Error('Locked');
      const b = await getBackend();
      const view = job.caseView as {
        // The server's plain `author` is not read: a verified message's comes from its envelope.
        messages: { messageId: string; envelope: unknown; postedAt: string }[];
      };
      // The report key only from the envelope this receipt signed (the return path): a server
      // could seal a key of its own to the receipt's public box key. On any mismatch every key
      // is dropped before the ReturnPathError goes to the page, so nothing can be sealed after.
      let returned: OpenedReturnedCase;
      try {
        returned = openReturnedCase(b, job.caseView, receiptKeys);
      } catch (error) {
        forget();
        throw error;
      }
      reportKey = returned.reportKey;
      reportId = returned.envelope.reportId;
      // Investigators may author messages only with keys from the channel's verified list, and
      // after a referral took effect from the target channel's, verified the same way.
      const settings = settingsOf(job.crypto);
      const listed = (channelId: string, recipientList: unknown) =>
        listedSigningKeys(b, {
          recipientList,
          deploymentSignPublicKey: settings.deploymentSignPublicKey,
          deploymentKeyTransitions: settings.deploymentKeyTransitions,
          channelId,
        });
      const investigators = listed(returned.envelope.channelId, job.recipients);
      const source = {
        reportKey,
        reportId,
        authors: { whistleblower: receiptKeys.signPublicKey, investigators },
      };
      const referrals =
        (job.caseView as { referrals?: (SealedReferral & { status: string })[] }).referrals ?? [];
      const referred = referredChannelIds(b, referrals, source).flatMap((id) =>
        listed(id, job.channelRecipients[id]),
      );
      const ctx = {
        ...source,
        authors: { ...source.authors, investigators: [...investigators, ...referred] },
      };
      const thread = openThreadForPage(
        b,
        view.messages.map((m) => m.envelope),
        ctx,
        receiptKeys.signPublicKey,
      );
      nextSequence = thread.nextSequence;
      const opened = referrals.map((r) => openReferralReason(b, r, source));
      consentable.clear();
      for (const [i, r] of referrals.entries())
        if (r.status === 'proposed' && opened[i]?.verified)
          consentable.set(r.referralId, r.toChannelId);
      return {
        referrals: opened,
        messages: view.messages.map((m, i) => ({
          messageId: m.messageId,
          postedAt: m.postedAt,
          ...(thread.entries[i] ?? { verified: false as const }),
        })),
      } satisfies OpenedCase;
    }
    case 'sealMessage': {
      if (!receiptKeys || !reportKey) throw new Error('Locked');
      const envelope = sealMessage(await getBackend(), {
        reportKey,
        reportId: job.reportId,
        messageId: job.messageId,
        authorRole: 'whistleblower',
        authorSignSeed: receiptKeys.signSeed,
        sequence: nextSequence,
        body: job.text,
      });
      nextSequence += 1;
      return envelope;
    }
    case 'consentReferral': {
      // The whistleblower's yes (SECURITY.md, Protocol step 11): the report key sealed to every
      // recipient of the target's list, verified against the pinned deployment key with the
      // target's channel id, each share signed with the receipt's key. Nothing else can make
      // these: the proposal carried none.
      const toChannelId = consentable.get(job.referralId);
      if (!receiptKeys || !reportKey || !reportId || !toChannelId) throw new Error('Locked');
      const b = await getBackend();
      const settings = settingsOf(job.crypto);
      return shareReportKeyForReferral(b, {
        reportId,
        reportKey,
        recipientList: job.recipientList,
        pinnedPublicKey: trustedDeploymentKey(
          b,
          settings.deploymentSignPublicKey,
          settings.deploymentKeyTransitions,
        ),
        channelId: toChannelId,
        whistleblowerSignSeed: receiptKeys.signSeed,
      });
    }
    case 'beginAttachment':
    case 'sealAttachmentChunks': {
      if (!reportKey || !reportId) throw new Error('Locked');
      const file = {
        backend: await getBackend(),
        reportKey,
        reportId,
        attachmentId: job.attachmentId,
        metadata: job.metadata,
      };
      if (job.kind === 'beginAttachment') return beginAttachment(file);
      return sealChunks(file, job.salt, job.first, job.count, job.content, (fraction) =>
        progress({ fraction }),
      );
    }
    default:
      throw new Error('UnknownJob');
  }
}
