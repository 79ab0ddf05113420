// Case actions. Every command carries the ETag the case was read at (If-Match); a 412 means
// someone else changed the case meanwhile: the page explains it and reloads.
import { deskApi, type CaseAction, type DeskCase } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';
import type { OpenedDeskCase } from '$lib/crypto/jobs';
import { desk } from '$lib/state/desk.svelte';

export interface LoadedDeskCase {
  file: DeskCase;
  etag: string | undefined;
  opened: OpenedDeskCase;
}

type Envelope = { authorRole?: string; authorKey?: string };

export async function loadDeskCase(reportId: string): Promise<LoadedDeskCase | undefined> {
  const result = await deskApi.caseFile(reportId);
  if (!result.ok) return undefined;
  const file = result.value;
  // Investigator authors: this investigator and those who wrote on the case. The case view does
  // not yet carry the channel's signed recipient list (see frontend/README.md).
  const investigatorKeys = [
    ...new Set([
      ...(desk.signPublicKey ? [desk.signPublicKey] : []),
      ...file.messages
        .map((m) => m.envelope as Envelope)
        .filter((e) => e.authorRole === 'investigator' && e.authorKey)
        .map((e) => e.authorKey!),
    ]),
  ];
  const opened = await runInWorker<OpenedDeskCase>({
    kind: 'deskOpenCase',
    envelope: file.envelope,
    messages: file.messages.map((m) => m.envelope),
    notes: file.notes.map((n) => n.note),
    investigatorKeys,
  });
  return { file, etag: result.etag ?? `"${file.revision}"`, opened };
}

export type CommandOutcome = 'done' | 'conflict' | 'failed';

export async function runAction(
  loaded: LoadedDeskCase,
  action: CaseAction,
): Promise<CommandOutcome> {
  const result = await deskApi.act(loaded.file.reportId, loaded.etag, action);
  if (result.ok) {
    loaded.etag = result.etag ?? `"${result.value.revision}"`;
    return 'done';
  }
  return result.problem.status === 412 ? 'conflict' : 'failed';
}

/** This investigator's next sequence on the case (protocol: 0, 1, 2, ... per author). */
function nextSequence(list: unknown[]): number {
  return list.filter((e) => (e as Envelope).authorKey === desk.signPublicKey).length;
}

export async function sealForCase(
  loaded: LoadedDeskCase,
  kind: 'messages' | 'notes',
  text: string,
): Promise<{ id: string; envelope: unknown }> {
  const id = crypto.randomUUID();
  const list =
    kind === 'messages'
      ? loaded.file.messages.map((m) => m.envelope)
      : loaded.file.notes.map((n) => n.note);
  const envelope = await runInWorker<unknown>({
    kind: 'deskSealMessage',
    reportId: loaded.file.reportId,
    messageId: id,
    sequence: nextSequence(list),
    text,
  });
  return { id, envelope };
}

/** Fetches the ciphertext, decrypts it in the worker with progress, and hands back a file. */
export async function decryptEvidence(
  loaded: LoadedDeskCase,
  evidenceId: string,
  header: unknown,
  onProgress: (fraction: number) => void,
): Promise<File | undefined> {
  const response = await deskApi.evidence(loaded.file.reportId, evidenceId);
  if (!response.ok) return undefined;
  const ciphertext = new Uint8Array(await response.arrayBuffer());
  const plain = await runInWorker<{ name: string; type: string; bytes: Uint8Array }>(
    { kind: 'deskOpenAttachment', reportId: loaded.file.reportId, header, ciphertext },
    (p) => onProgress(p.fraction),
  );
  return new File([plain.bytes as Uint8Array<ArrayBuffer>], plain.name, { type: plain.type });
}
