// Case actions. Every command carries the ETag of the case as loaded (If-Match); a 412 means
// someone else changed the case meanwhile: the page explains it and reloads.
import { deskApi, type CaseCommand, type DeskCase } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';
import type { OpenedDeskCase } from '$lib/crypto/jobs';
import { desk } from '$lib/state/desk.svelte';

export interface LoadedDeskCase {
  file: DeskCase;
  etag: string | undefined;
  opened: OpenedDeskCase;
}

export async function loadDeskCase(reportId: string): Promise<LoadedDeskCase | undefined> {
  const result = await deskApi.caseFile(reportId);
  if (!result.ok) return undefined;
  const file = result.value;
  const opened = await runInWorker<OpenedDeskCase>({
    kind: 'deskOpenCase',
    envelope: file.envelope,
    messages: file.messages.map((m) => m.envelope),
    notes: file.notes.map((n) => n.envelope),
    investigatorKeys: file.investigatorKeys,
  });
  return { file, etag: result.etag, opened };
}

export type CommandOutcome = 'done' | 'conflict' | 'failed';

export async function runCommand(
  loaded: LoadedDeskCase,
  command: CaseCommand,
): Promise<CommandOutcome> {
  const result = await deskApi.command(loaded.file.reportId, loaded.etag, command);
  if (result.ok) return 'done';
  return result.problem.status === 412 ? 'conflict' : 'failed';
}

/** This investigator's next message sequence on the case (protocol: 0, 1, 2, ... per author). */
function nextSequence(loaded: LoadedDeskCase, kind: 'messages' | 'notes'): number {
  const mine = desk.signPublicKey;
  const list = kind === 'messages' ? loaded.file.messages : loaded.file.notes;
  return list.filter((m) => (m.envelope as { authorKey?: string }).authorKey === mine).length;
}

export async function sealForCase(
  loaded: LoadedDeskCase,
  kind: 'messages' | 'notes',
  text: string,
): Promise<{ id: string; envelope: unknown }> {
  const id = crypto.randomUUID();
  const envelope = await runInWorker<unknown>({
    kind: 'deskSealMessage',
    reportId: loaded.file.reportId,
    messageId: id,
    sequence: nextSequence(loaded, kind),
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
