// The returning whistleblower's case: unlock with the receipt (its keys derived in the worker), open a
// session, read and decrypt the case, reply, add evidence, log out.
import { RECEIPT_KDF_CURRENT, RECEIPT_KDF_VERSIONS } from '@integrity-desk/protocol/receipt-kdf';
import { intake, type CaseView } from '$lib/api/intake';
import { runInWorker, stopWorker } from '$lib/crypto';
import type { OpenedCase } from '$lib/crypto/jobs';
import type { Attachment } from '$lib/state/report.svelte';
import { withRetry } from './retry';
import { openReceiptSession } from './submit';
import { uploadAttachment, type UploadState } from './upload';

export type UnlockOutcome = { ok: true } | { ok: false; reason: 'invalid' | 'unknown' | 'offline' };

/**
 * The receipt does not say which derivation made its keys (its format never changed, so every
 * typo is still caught): each version is tried newest first, the cheap keyed hash of today's
 * receipts, then Argon2id for a receipt issued before it, whose holder waits for one refused
 * session and then the derivation they always waited for. `onSlow` says when that older one starts.
 */
export async function unlockWithReceipt(
  receipt: string,
  onProgress: (fraction: number) => void,
  onSlow: () => void = () => {},
): Promise<UnlockOutcome> {
  const info = await withRetry(() => intake.deployment());
  if (!info.ok) return { ok: false, reason: 'offline' };
  for (const version of RECEIPT_KDF_VERSIONS) {
    if (version !== RECEIPT_KDF_CURRENT) onSlow();
    let locator: string;
    try {
      locator = await runInWorker(
        {
          kind: 'unlockReceipt',
          receipt,
          version,
          argon2: info.value.argon2,
          crypto: info.value.crypto,
        },
        (p) => onProgress(p.fraction),
      );
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (await openReceiptSession(locator, () => {})) return { ok: true };
  }
  return { ok: false, reason: 'unknown' };
}

/** `channelNames`: the deployment's public channel names, for the organisations referrals name. */
export type LoadedCase = {
  view: CaseView;
  opened: OpenedCase;
  channelNames: Record<string, string>;
};

/**
 * The case, opened in the worker; 'refused' when the worker's return-path check found that the
 * server handed back a key or envelope the receipt did not sign (ReturnPathError). Then the
 * session is dropped here without telling the server and the worker with every key is ended:
 * nothing more goes out, neither a reply, a file nor another call with that session.
 */
export async function loadCase(): Promise<LoadedCase | 'refused' | undefined> {
  const view = await withRetry(() => intake.caseView());
  if (!view.ok) return undefined;
  const info = await withRetry(() => intake.deployment());
  if (!info.ok) return undefined;
  const channel = info.value.channels.find((c) => c.id === view.value.channelId);
  try {
    const opened = await runInWorker({
      kind: 'openCase',
      caseView: view.value,
      recipients: channel?.recipients,
      channelRecipients: Object.fromEntries(info.value.channels.map((c) => [c.id, c.recipients])),
      crypto: info.value.crypto,
    });
    const channelNames = Object.fromEntries(info.value.channels.map((c) => [c.id, c.name]));
    // A referral's target may take no reports of its own, so not be in the public list.
    for (const r of view.value.referrals ?? []) {
      if (channelNames[r.toChannelId] !== undefined || r.status === 'withdrawn') continue;
      const target = await intake.referralTarget(r.referralId);
      if (target.ok) channelNames[r.toChannelId] = target.value.name;
    }
    return { view: view.value, opened, channelNames };
  } catch (error) {
    if (!(error instanceof Error) || error.message !== RETURN_PATH_REFUSED) throw error;
    refuseReturn();
    return 'refused';
  }
}

/** The name the worker's ReturnPathError crosses to the page with (worker.ts sends names). */
const RETURN_PATH_REFUSED = 'ReturnPathError';

function refuseReturn(): void {
  intake.dropSession();
  uploads.clear();
  stopWorker();
}

export async function reply(reportId: string, text: string): Promise<boolean> {
  const messageId = crypto.randomUUID();
  const envelope = await runInWorker({ kind: 'sealMessage', reportId, messageId, text });
  const sent = await withRetry(() => intake.postMessage(messageId, envelope));
  return sent.ok;
}

/**
 * Accepts or declines a referral of the case to another organisation (Protocol step 11).
 * Accepting is what shares the report key with it: the worker seals the key to the target's
 * signed list (fetched at that moment, so it is the current one, and verified there against the
 * pinned key with the target the worker verified in the reason) and signs each share with the
 * receipt's key. A list that does not verify: nothing is sent.
 */
export async function answerReferral(referralId: string, accept: boolean): Promise<boolean> {
  let shares: unknown[] | undefined;
  if (accept) {
    const info = await withRetry(() => intake.deployment());
    const target = await withRetry(() => intake.referralTarget(referralId));
    if (!info.ok || !target.ok) return false;
    try {
      shares = await runInWorker({
        kind: 'consentReferral',
        referralId,
        recipientList: target.value.recipientList,
        crypto: info.value.crypto,
      });
    } catch {
      return false;
    }
  }
  const sent = await withRetry(() =>
    intake.answerReferral(referralId, accept ? 'accept' : 'decline', shares),
  );
  return sent.ok;
}

// Per attachment id, across "try again": a retried file resumes with the same salt and offset.
const uploads = new Map<string, UploadState>();

export async function addEvidence(
  attachments: Attachment[],
  chunkBytes: number,
  onProgress: (fraction: number) => void,
): Promise<boolean> {
  const total = attachments.reduce((s, a) => s + a.blob.size, 0) || 1;
  let done = 0;
  for (const attachment of attachments) {
    let state = uploads.get(attachment.id);
    if (!state) uploads.set(attachment.id, (state = { done: false }));
    if (!state.done) {
      const ok = await uploadAttachment(attachment, state, chunkBytes, {
        onBytes: (sent, size) => onProgress((done + (sent / size) * attachment.blob.size) / total),
        onRetry: () => {},
      });
      if (!ok) return false;
    }
    done += attachment.blob.size;
  }
  return true;
}

/** Ends the session on the server and drops every key held in the worker. */
export async function logOut(): Promise<void> {
  await intake.closeSession();
  uploads.clear();
  stopWorker();
}
