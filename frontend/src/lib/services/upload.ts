// Resumable evidence upload: the server keeps what it has received; after a dropped connection
// the browser asks for the next offset and goes on from there, so nothing is sent twice.
import { intake } from '$lib/api/intake';
import { runInWorker } from '$lib/crypto';
import type { SealedAttachment } from '$lib/crypto/jobs';
import type { Attachment } from '$lib/state/report.svelte';
import { withRetry } from './retry';

export interface UploadHooks {
  onBytes: (sent: number, total: number) => void;
  onRetry: () => void;
}

/** Seals an attachment in the worker; sealing again after a failure would change the bytes. */
export function sealAttachment(attachment: Attachment): Promise<SealedAttachment> {
  return runInWorker<SealedAttachment>({
    kind: 'sealAttachment',
    attachmentId: attachment.id,
    attachment: { name: attachment.name, type: attachment.type, bytes: attachment.bytes },
  });
}

export async function uploadSealed(
  evidenceId: string,
  sealed: SealedAttachment,
  chunkBytes: number,
  hooks: UploadHooks,
): Promise<boolean> {
  const total = sealed.ciphertext.length;
  const begun = await withRetry(
    () => intake.beginEvidence(evidenceId, total, sealed.header),
    hooks.onRetry,
  );
  if (!begun.ok) return false;
  let received = begun.value.received;
  while (received < total) {
    hooks.onBytes(received, total);
    const chunk = sealed.ciphertext.subarray(received, Math.min(total, received + chunkBytes));
    const put = await intake.putEvidenceChunk(evidenceId, received, chunk);
    if (put.ok) {
      received = put.value.received;
      continue;
    }
    // Dropped or refused mid-way: ask where the server stands and resume from there.
    hooks.onRetry();
    await new Promise((r) => setTimeout(r, 1000));
    const status = await withRetry(() => intake.evidenceStatus(evidenceId), hooks.onRetry);
    if (!status.ok) return false;
    if (status.value.received === received && put.problem.status !== 0) return false;
    received = status.value.received;
  }
  hooks.onBytes(total, total);
  return true;
}
