// Resumable evidence upload, sealed as it goes. The server keeps what it has received; after a
// dropped connection the browser asks for the next offset and goes on from there, so nothing is
// sent twice. Each request's ciphertext is sealed just before it is sent, from a File.slice of
// the chunks it covers: a 100 MiB file never sits in memory whole, as plaintext or ciphertext.
// Resuming seals the missing chunks again with the file's salt (kept in `UploadState`), and the
// protocol's chunk i depends only on the file key, i and its bytes, so the resumed tail is
// byte-identical to what a connection that never dropped would have sent.
import { intake } from '$lib/api/intake';
import { runInWorker } from '$lib/crypto';
import type { AttachmentHeader } from '$lib/crypto/jobs';
import type { Attachment } from '$lib/state/report.svelte';
import { withRetry } from './retry';

export interface UploadHooks {
  onBytes: (sent: number, total: number) => void;
  onRetry: () => void;
}

/** What survives a failed attempt: the header (so the salt) and whether the file is done. */
export interface UploadState {
  header?: AttachmentHeader;
  done: boolean;
}

const TAG_BYTES = 16;

function metadataOf(attachment: Attachment) {
  return { name: attachment.name, type: attachment.type, size: attachment.blob.size };
}

/** Ciphertext size: every chunk carries its 16-byte tag. */
export function sealedSize(header: AttachmentHeader): number {
  return header.paddedSize + TAG_BYTES * header.chunkCount;
}

/**
 * The ciphertext of the request starting at `offset`: the chunks it touches (at most as many
 * as fit in `maxBytes`), sealed from the file's bytes, cut to start exactly at `offset`.
 */
async function sealedPiece(
  attachment: Attachment,
  header: AttachmentHeader,
  offset: number,
  maxBytes: number,
  onSealed: (fraction: number) => void,
): Promise<Uint8Array> {
  const sealedChunk = header.chunkSize + TAG_BYTES;
  const first = Math.floor(offset / sealedChunk);
  const count = Math.max(
    1,
    Math.min(header.chunkCount - first, Math.floor(maxBytes / sealedChunk)),
  );
  const size = attachment.blob.size;
  const start = Math.min(size, first * header.chunkSize);
  const end = Math.min(size, (first + count) * header.chunkSize);
  const content = await attachment.blob.slice(start, end).arrayBuffer();
  const sealed = await runInWorker(
    {
      kind: 'sealAttachmentChunks',
      attachmentId: attachment.id,
      metadata: metadataOf(attachment),
      salt: header.salt,
      first,
      count,
      content: new Uint8Array(content),
    },
    (p) => onSealed(p.fraction),
    [content],
  );
  const skip = offset - first * sealedChunk;
  return sealed.subarray(skip, Math.min(sealed.length, skip + maxBytes));
}

export async function uploadAttachment(
  attachment: Attachment,
  state: UploadState,
  chunkBytes: number,
  hooks: UploadHooks,
): Promise<boolean> {
  state.header ??= await runInWorker({
    kind: 'beginAttachment',
    attachmentId: attachment.id,
    metadata: metadataOf(attachment),
  });
  const header = state.header;
  const total = sealedSize(header);
  const begin = () =>
    withRetry(() => intake.beginEvidence(attachment.id, total, header), hooks.onRetry);
  const begun = await begin();
  if (!begun.ok) return false;
  let received = begun.value.received;
  let complete = begun.value.complete;
  let restarts = 0;
  while (received < total) {
    hooks.onBytes(received, total);
    // While the worker seals this request's chunks (seconds per MiB on the pure-JS backend of a
    // slow phone), the bar moves with them: the sealed share of the piece counts as done.
    const from = received;
    const pieceBytes = Math.min(chunkBytes, total - from);
    const piece = await sealedPiece(attachment, header, from, chunkBytes, (fraction) =>
      hooks.onBytes(from + Math.floor(fraction * pieceBytes), total),
    );
    const put = await intake.putEvidenceChunk(attachment.id, received, piece);
    if (put.ok) {
      received = put.value.received;
      complete = put.value.complete;
      continue;
    }
    // 410: the server removed the upload after a day without a chunk; send the file again
    // (the same header, so the same bytes).
    if (put.problem.status === 410 && restarts++ < 1) {
      const again = await begin();
      if (!again.ok) return false;
      received = again.value.received;
      complete = again.value.complete;
      continue;
    }
    // Dropped or refused mid-way: ask where the server stands and resume from there.
    hooks.onRetry();
    await new Promise((r) => setTimeout(r, 1000));
    const status = await withRetry(() => intake.evidenceStatus(attachment.id), hooks.onRetry);
    if (!status.ok) return false;
    if (status.value.received === received && put.problem.status !== 0) return false;
    received = status.value.received;
    complete = status.value.complete;
  }
  // Every byte is there, but the answer that would have said the evidence is recorded was lost
  // (or the server could not record it then): ask it to finish, which it does once.
  if (!complete) {
    const finished = await withRetry(() => intake.completeEvidence(attachment.id), hooks.onRetry);
    if (!finished.ok || !finished.value.complete) return false;
  }
  hooks.onBytes(total, total);
  state.done = true;
  return true;
}
