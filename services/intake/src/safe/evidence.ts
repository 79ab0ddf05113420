/**
 * A file the server sealed, stored as an upload from the browser is: the ciphertext through the
 * blob store (begin, chunks, complete), then `EvidenceAdded`, then the blob marked recorded, so
 * the sweep and a purge treat it like any other piece of evidence.
 */
import type { IntakeContext } from '../context.ts';
import { addWhistleblowerEvidence } from '../http-domain/reports.ts';
import type { SealedFile } from './seal.ts';

export async function storeSealedFile(
  ctx: IntakeContext,
  reportId: string,
  file: SealedFile,
): Promise<void> {
  const { blobStore, store } = ctx.deps;
  const { evidenceId, header, ciphertext } = file;
  await blobStore.begin(evidenceId, {
    size: ciphertext.length,
    owner: reportId,
    note: JSON.stringify(header),
  });
  const step = ctx.config.maxChunkBytes;
  for (let offset = 0; offset < ciphertext.length; offset += step)
    await blobStore.write(evidenceId, offset, ciphertext.subarray(offset, offset + step));
  const { blobId } = await blobStore.complete(evidenceId);
  await addWhistleblowerEvidence(store, {
    reportId,
    evidenceId,
    blobId,
    paddedSize: header.paddedSize,
    header,
    now: ctx.clock.now(),
  });
  await blobStore.recorded(evidenceId, blobId);
}
