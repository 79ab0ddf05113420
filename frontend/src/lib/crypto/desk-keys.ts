// The investigator's key holder, inside the same worker: the vault is opened here and the
// private keys never reach the page. A reload or sign-out loses them; the vault is unlocked again.
import {
  VAULT_ARGON2_PARAMS,
  createVault,
  generateDeploymentKey,
  loadBackend,
  openDeploymentKey,
  sealDeploymentKey,
  signDeploymentKeyTransition,
  openVault,
  proveKeyPossession,
  sealMessage,
  signRecipientList,
  unlockVaultWithPassword,
  vaultSchema,
  type CryptoBackend,
  type InvestigatorKeys,
  type VaultUnlock,
} from '@integrity-desk/protocol';
import { beginDownload, finishDownload, forgetDownloads, pushDownload } from './attachment-open';
import { referralShares, signedReferralMode } from './desk-referral';
import { openCaseReport, shareCaseKey } from './desk-share';
import {
  assertProven,
  checkListsNamingMe,
  checkRecipients,
  ownSafetyNumber,
} from './desk-key-binding';
import { openThreadForPage } from './thread';
import type { DeploymentKeyForAdmin, DeskJob, OpenedDeskCase, Progress } from './jobs';
import {
  listedSigningKeys,
  NoDeploymentKeyError,
  trustedDeploymentKey,
  verifyTrustedList,
} from './trusted-key';

let backend: Promise<CryptoBackend> | undefined;
let unlock: VaultUnlock | undefined;
let keys: InvestigatorKeys | undefined;
let investigatorId: string | undefined;
const reportKeys = new Map<string, Uint8Array>();
const getBackend = () => (backend ??= loadBackend());

function keysOrThrow(): InvestigatorKeys {
  if (!keys) throw new Error('Locked');
  return keys;
}

/** The key of a report this worker has opened (it never leaves the worker); locked otherwise. */
function openedReportKey(reportId: string): Uint8Array {
  const reportKey = reportKeys.get(reportId);
  if (!reportKey) throw new Error('Locked');
  return reportKey;
}

/** What a share made here needs: the opened report key and this investigator as its sharer. */
function asSharer(reportId: string) {
  const { signSeed } = keysOrThrow();
  return {
    reportKey: openedReportKey(reportId),
    sharedBy: investigatorId!,
    sharerSignSeed: signSeed,
  };
}

/**
 * The deployment seed, opened from this administrator's sealed copy only if it is the key the
 * browser trusts (the pinned key followed through the rotations). A deployment set up before the
 * key was its own used the first administrator's vault key: that one still signs, if and only if
 * it is the trusted key. Anyone else gets 'NoDeploymentKey' and nothing is signed.
 */
function deploymentSeed(b: CryptoBackend, facts: DeploymentKeyForAdmin): Uint8Array {
  const k = keysOrThrow();
  const trusted = trustedDeploymentKey(
    b,
    facts.deploymentSignPublicKey,
    facts.deploymentKeyTransitions,
  );
  if (facts.sealedKey)
    return openDeploymentKey(b, facts.sealedKey, {
      boxPublicKey: k.boxPublicKey,
      boxSecretKey: k.boxSecretKey,
      trustedPublicKey: trusted,
    });
  if (k.signPublicKey === trusted) return k.signSeed.slice();
  throw new NoDeploymentKeyError();
}

export async function runDesk(job: DeskJob, progress: (p: Progress) => void): Promise<unknown> {
  const b = await getBackend();
  switch (job.kind) {
    case 'deskCreateVault': {
      const created = await createVault(b, {
        investigatorId: job.investigatorId,
        password: job.password,
        params: VAULT_ARGON2_PARAMS,
        onProgress: (fraction) => progress({ fraction }),
      });
      return {
        vault: created.vault,
        loginSecret: created.loginSecret,
        recoveryKey: created.recoveryKey,
        boxPublicKey: created.keys.boxPublicKey,
        signPublicKey: created.keys.signPublicKey,
        // The possession proof the desk checks at enrolment (SECURITY.md, Protocol step 10).
        keyProof: proveKeyPossession(b, {
          investigatorId: job.investigatorId,
          boxSecretKey: created.keys.boxSecretKey,
          signSeed: created.keys.signSeed,
        }),
      };
    }
    case 'deskStretchPassword': {
      unlock = await unlockVaultWithPassword(b, job.kdf, job.password, {
        onProgress: (fraction) => progress({ fraction }),
      });
      return unlock.loginSecret;
    }
    case 'deskChangePassword': {
      // A new vault around the keys already open here (same key pairs, so recipient lists and
      // wrapped report keys stay valid), under the new password, with a new recovery key. The
      // current password is stretched too: the desk checks its login secret before it accepts.
      const k = keysOrThrow();
      const current = await unlockVaultWithPassword(b, job.kdf, job.currentPassword, {
        onProgress: (fraction) => progress({ fraction: fraction / 2 }),
      });
      current.wrapKey.fill(0);
      const created = await createVault(b, {
        investigatorId: investigatorId!,
        password: job.newPassword,
        params: VAULT_ARGON2_PARAMS,
        keys: k,
        onProgress: (fraction) => progress({ fraction: 0.5 + fraction / 2 }),
      });
      return {
        currentLoginSecret: current.loginSecret,
        loginSecret: created.loginSecret,
        vault: created.vault,
        recoveryKey: created.recoveryKey,
      };
    }
    case 'deskOpenVault': {
      if (!unlock) throw new Error('Locked');
      const vault = vaultSchema.parse(job.vault);
      keys = openVault(b, vault, unlock);
      investigatorId = vault.investigatorId;
      return {
        investigatorId,
        signPublicKey: keys.signPublicKey,
        // Made again at every unlock (Ed25519 is deterministic): an account enrolled before
        // proofs sends it once; the safety number is from the vault's keys, not the server's.
        keyProof: proveKeyPossession(b, {
          investigatorId,
          boxSecretKey: keys.boxSecretKey,
          signSeed: keys.signSeed,
        }),
        safetyNumber: ownSafetyNumber(b, investigatorId, keys),
      };
    }
    case 'deskOpenCase': {
      const k = keysOrThrow();
      const opened = openCaseReport(b, {
        envelope: job.envelope,
        investigatorId: investigatorId!,
        keys: k,
        keyShares: job.keyShares,
        recipientList: job.recipientList,
        deploymentSignPublicKey: job.deploymentSignPublicKey,
        deploymentKeyTransitions: job.deploymentKeyTransitions,
      });
      reportKeys.set(opened.envelope.reportId, opened.reportKey);
      // Authors: the report channel's listed investigators, and those of every channel a
      // referral took the case to, each list verified against the trusted deployment key.
      const listed = (channelId: string, recipientList: unknown) =>
        listedSigningKeys(b, {
          recipientList,
          deploymentSignPublicKey: job.deploymentSignPublicKey,
          deploymentKeyTransitions: job.deploymentKeyTransitions,
          channelId,
        });
      const ctx = {
        reportKey: opened.reportKey,
        reportId: opened.envelope.reportId,
        authors: {
          whistleblower: opened.envelope.whistleblower.signPublicKey,
          investigators: [
            ...listed(opened.envelope.channelId, job.recipientList),
            ...job.referredLists.flatMap((r) => listed(r.channelId, r.recipientList)),
          ],
        },
      };
      const messages = openThreadForPage(b, job.messages, ctx, k.signPublicKey);
      const notes = openThreadForPage(b, job.notes, { ...ctx, thread: 'notes' }, k.signPublicKey);
      return {
        answers: opened.answers,
        messages: messages.entries,
        notes: notes.entries,
        next: { messages: messages.nextSequence, notes: notes.nextSequence },
      } satisfies OpenedDeskCase;
    }
    case 'deskSealMessage': {
      const k = keysOrThrow();
      return sealMessage(b, {
        reportKey: openedReportKey(job.reportId),
        reportId: job.reportId,
        messageId: job.messageId,
        authorRole: 'investigator',
        authorSignSeed: k.signSeed,
        sequence: job.sequence,
        body: job.text,
        thread: job.thread,
      });
    }
    case 'deskShareReportKey':
      // Only a report this worker has opened: the key never leaves it, only sealed shares do.
      return shareCaseKey(b, { ...job, ...asSharer(job.reportId) });
    case 'deskReferralShares':
      return referralShares(b, { ...job, ...asSharer(job.reportId) });
    case 'deskOpenAttachmentBegin':
      return beginDownload(b, job.download, openedReportKey(job.reportId), job.header);
    case 'deskOpenAttachmentPush':
      return pushDownload(job.download, job.piece);
    case 'deskOpenAttachmentFinish':
      return finishDownload(job.download, job.abort);
    case 'deskSignRecipientList': {
      // Signed with the deployment key (never this person's own key): browsers and the desk
      // verify every recipient list against it, so the server cannot swap a key in.
      // Only keys whose possession proof holds (the page checked too, and a person compared
      // each safety number): the desk's word about whose keys these are counts for nothing.
      assertProven(b, job.recipients);
      const recipients = job.recipients.map((r) => ({
        recipientId: r.investigatorId,
        boxPublicKey: r.boxPublicKey,
        signPublicKey: r.signPublicKey,
      }));
      // The referral mode the current list signs carries over (never the server's word).
      const inform =
        signedReferralMode(b, {
          sourceChannelId: job.channelId,
          sourceList: job.currentList,
          deploymentSignPublicKey: job.deploymentKey.deploymentSignPublicKey,
          deploymentKeyTransitions: job.deploymentKey.deploymentKeyTransitions,
        }) === 'inform';
      const seed = deploymentSeed(b, job.deploymentKey);
      try {
        return signRecipientList(
          b,
          {
            channelId: job.channelId,
            version: job.version,
            recipients,
            ...(inform && { referralMode: 'inform' as const }),
          },
          seed,
        );
      } finally {
        seed.fill(0);
      }
    }
    case 'deskResignRecipientList': {
      // Only keys a list the deployment key signed already holds: verified first, so the
      // server cannot slip a key in while the mode changes.
      const current = verifyTrustedList(b, {
        ...job.deploymentKey,
        recipientList: job.recipientList,
        channelId: job.channelId,
      });
      const seed = deploymentSeed(b, job.deploymentKey);
      try {
        return signRecipientList(
          b,
          {
            channelId: job.channelId,
            version: current.version + 1,
            recipients: current.recipients,
            referralMode: job.referralMode,
          },
          seed,
        );
      } finally {
        seed.fill(0);
      }
    }
    case 'deskCreateDeploymentKey': {
      // Setup: the seed is sealed to the first administrator's box key at once and dropped; it
      // is opened again from that sealed copy when they sign a list.
      const created = generateDeploymentKey(b);
      try {
        return {
          deploymentSignPublicKey: created.publicKey,
          sealedKey: sealDeploymentKey(b, {
            seed: created.seed,
            administratorId: job.administratorId,
            boxPublicKey: job.boxPublicKey,
          }),
        };
      } finally {
        created.seed.fill(0);
      }
    }
    case 'deskShareDeploymentKey': {
      // Only to keys whose possession proof holds: a desk that swapped in a box key of its own
      // breaks the proof (one that swapped both keys is caught only by comparing safety numbers).
      assertProven(b, [job.colleague]);
      const seed = deploymentSeed(b, job.deploymentKey);
      try {
        return sealDeploymentKey(b, {
          seed,
          administratorId: job.colleague.investigatorId,
          boxPublicKey: job.colleague.boxPublicKey,
        });
      } finally {
        seed.fill(0);
      }
    }
    case 'deskRotateDeploymentKey': {
      const seed = deploymentSeed(b, job.deploymentKey);
      const next = generateDeploymentKey(b);
      try {
        const k = keysOrThrow();
        return {
          transition: signDeploymentKeyTransition(b, {
            sequence: job.deploymentKey.deploymentKeyTransitions.length + 1,
            previousSeed: seed,
            nextPublicKey: next.publicKey,
          }),
          sealedKey: sealDeploymentKey(b, {
            seed: next.seed,
            administratorId: investigatorId!,
            boxPublicKey: k.boxPublicKey,
          }),
        };
      } finally {
        seed.fill(0);
        next.seed.fill(0);
      }
    }
    case 'deskCheckRecipients':
      return checkRecipients(b, job.people);
    case 'deskCheckRecipientLists':
      return checkListsNamingMe(b, {
        investigatorId: investigatorId!,
        keys: keysOrThrow(),
        lists: job.lists,
        deploymentSignPublicKey: job.deploymentSignPublicKey,
        deploymentKeyTransitions: job.deploymentKeyTransitions ?? [],
      });
    case 'deskLock': {
      keys?.boxSecretKey.fill(0);
      keys?.signSeed.fill(0);
      unlock?.wrapKey.fill(0);
      forgetDownloads();
      for (const key of reportKeys.values()) key.fill(0);
      reportKeys.clear();
      keys = undefined;
      unlock = undefined;
      investigatorId = undefined;
      return null;
    }
    default: {
      const _exhaustive: never = job;
      throw new Error(`unknown job ${String(_exhaustive)}`);
    }
  }
}
