// Case actions. Every command carries the ETag the case was read at (If-Match); a 412 means
// someone else changed the case meanwhile: the page explains it and reloads.
import { deskApi, type CaseAction, type DeskCase } from '$lib/api/desk';
import type { Result } from '$lib/api/http';
import { plainCopy, runInWorker } from '$lib/crypto';
import type { OpenedDeskCase } from '$lib/crypto/jobs';
import { sealedTo } from '$lib/crypto/sealed-to';
import { desk } from '$lib/state/desk.svelte';

export interface LoadedDeskCase {
  file: DeskCase;
  etag: string | undefined;
  opened: OpenedDeskCase;
}

/**
 * Why a case could not be loaded: not a recipient of it (403); a recipient added after it was
 * sealed, whom no colleague has shared its key with yet; or anything else.
 */
export type CaseRefusal = 'not-recipient' | 'not-shared' | 'failed';

export async function loadDeskCase(reportId: string): Promise<LoadedDeskCase | CaseRefusal> {
  const result = await deskApi.caseFile(reportId);
  if (!result.ok) return result.problem.status === 403 ? 'not-recipient' : 'failed';
  const file = result.value;
  if (!sealedTo(file.envelope, desk.investigatorId) && file.keyShares.length === 0)
    return 'not-shared';
  let opened: OpenedDeskCase;
  try {
    opened = await runInWorker({
      kind: 'deskOpenCase',
      envelope: file.envelope,
      messages: file.messages.map((m) => m.envelope),
      notes: file.notes.map((n) => n.note),
      keyShares: file.keyShares.map((s) => ({ share: s.share })),
      recipientList: file.recipientList,
      referredLists: file.referrals
        .filter((r) => r.status === 'accepted')
        .map((r) => ({ channelId: r.toChannelId, recipientList: r.recipientList })),
      deploymentSignPublicKey: file.deploymentSignPublicKey,
      deploymentKeyTransitions: file.deploymentKeyTransitions ?? [],
    });
  } catch (error) {
    // Every share tried (newest first) failed to open the report: one may be an insider's bad
    // share. A colleague who holds the key can share it again.
    if (!sealedTo(file.envelope, desk.investigatorId)) return 'not-shared';
    throw error;
  }
  return { file, etag: result.etag ?? `"${file.revision}"`, opened };
}

const listRefusals = new Set(['SignatureError', 'FormatError', 'UnknownAuthorError']);

/**
 * Shares the report key with every colleague the desk says cannot open the case. The worker
 * verifies the channel's signed list first and seals only to the keys it gives ('refused'
 * otherwise: nothing is sent); each share is then posted in turn with the ETag the last one
 * returned.
 */
export async function shareCase(
  loaded: LoadedDeskCase,
  whom: 'cannotOpen' | 'mayShareAgain' = 'cannotOpen',
): Promise<'done' | 'refused' | 'conflict' | 'failed'> {
  const file = plainCopy(loaded.file);
  let shares: unknown[];
  try {
    shares = await runInWorker({
      kind: 'deskShareReportKey',
      reportId: file.reportId,
      channelId: file.channelId,
      recipientIds: file[whom],
      recipientList: file.recipientList,
      deploymentSignPublicKey: file.deploymentSignPublicKey,
      deploymentKeyTransitions: file.deploymentKeyTransitions ?? [],
    });
  } catch (error) {
    // The worker sends back the error's name only: these are the list's verification failures.
    const name = error instanceof Error ? error.message : '';
    return listRefusals.has(name) ? 'refused' : 'failed';
  }
  for (const share of shares) {
    const result = await deskApi.share(file.reportId, loaded.etag, share);
    if (!result.ok) return result.problem.status === 412 ? 'conflict' : 'failed';
    loaded.etag = result.etag ?? `"${result.value.revision}"`;
  }
  return 'done';
}

export type CommandOutcome = 'done' | 'conflict' | 'failed';

export async function runAction(
  loaded: LoadedDeskCase,
  action: CaseAction,
): Promise<CommandOutcome> {
  return commandOutcome(loaded, await deskApi.act(loaded.file.reportId, loaded.etag, action));
}

/** A command's reply: on success the case's new ETag is kept for the next command. */
export function commandOutcome(
  loaded: LoadedDeskCase,
  result: Result<{ revision: number }>,
): CommandOutcome {
  if (result.ok) {
    loaded.etag = result.etag ?? `"${result.value.revision}"`;
    return 'done';
  }
  return result.problem.status === 412 ? 'conflict' : 'failed';
}

/** Purges the case (it must be closed): 'erased', or 'pending' when the job finishes it. */
export async function purgeCase(
  loaded: LoadedDeskCase,
): Promise<'erased' | 'pending' | 'conflict' | 'failed'> {
  const result = await deskApi.purge(loaded.file.reportId, loaded.etag);
  if (result.ok) return result.value?.pending ? 'pending' : 'erased';
  return result.problem.status === 412 ? 'conflict' : 'failed';
}

/** Seals a message or note with this investigator's next sequence in that thread. */
export async function sealForCase(
  loaded: LoadedDeskCase,
  kind: 'messages' | 'notes',
  text: string,
): Promise<{ id: string; envelope: unknown }> {
  const id = crypto.randomUUID();
  const envelope = await runInWorker({
    kind: 'deskSealMessage',
    reportId: loaded.file.reportId,
    messageId: id,
    sequence: loaded.opened.next[kind],
    text,
    thread: kind,
  });
  return { id, envelope };
}

const PIECE = 256 * 1024;

/**
 * Fetches the ciphertext and decrypts it as it arrives: each piece the response body's reader
 * gives is handed to the worker, which returns the plaintext of the chunks it completed.
 * Progress is the bytes received and decrypted, of the sealed size. The page holds the plaintext parts and
 * one network piece; the worker at most one chunk of ciphertext. Any failure (network, a
 * tampered or truncated stream) gives undefined and drops what was decrypted.
 */
export async function decryptEvidence(
  loaded: LoadedDeskCase,
  evidenceId: string,
  header: unknown,
  onProgress: (fraction: number) => void,
): Promise<File | undefined> {
  const response = await deskApi.evidence(loaded.file.reportId, evidenceId);
  if (!response.ok || !response.body) return undefined;
  const download = crypto.randomUUID();
  const h = header as { paddedSize: number; chunkCount: number };
  const total = h.paddedSize + 16 * h.chunkCount;
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let begun = false;
  try {
    const metadata = await runInWorker({
      kind: 'deskOpenAttachmentBegin',
      download,
      reportId: loaded.file.reportId,
      header,
    });
    begun = true;
    let received = 0;
    onProgress(0);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // At most PIECE bytes per job: a fast connection may hand over megabytes in one read,
      // and the bar should still move as they are decrypted.
      for (let at = 0; at < value.length; at += PIECE) {
        const piece = value.length <= PIECE ? value : value.slice(at, at + PIECE);
        // Counted before the transfer, which leaves `piece` empty on this side.
        const length = piece.length;
        const plain = await runInWorker(
          { kind: 'deskOpenAttachmentPush', download, piece },
          undefined,
          [piece.buffer],
        );
        parts.push(...plain);
        received += length;
        onProgress(Math.min(1, received / total));
      }
    }
    begun = false;
    parts.push(
      ...(await runInWorker({
        kind: 'deskOpenAttachmentFinish',
        download,
        abort: false,
      })),
    );
    return new File(parts, metadata.name, { type: metadata.type });
  } catch {
    await reader.cancel().catch(() => undefined);
    if (begun) {
      await runInWorker({ kind: 'deskOpenAttachmentFinish', download, abort: true }).catch(
        () => undefined,
      );
    }
    return undefined;
  }
}
