import type { Response } from 'express';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A blob opened for streaming (intake's `BlobStore.readStream` gives this shape). */
export interface BlobReadStream {
  readonly size: number;
  readonly stream: Readable;
}

/** The blob's file changed while it was being sent (truncated or grown): the download is cut. */
export class BlobChangedError extends Error {
  override readonly name = 'BlobChangedError';
}

/**
 * Streams evidence ciphertext with its exact Content-Length, never holding it whole. If the file
 * turns out shorter or longer than when it was opened, or a read fails, the connection is cut
 * rather than ended, so the browser sees a failed download and never a short complete one.
 * Nothing is thrown once headers are out: `onError` gets the failure (log its class only, a file
 * system error's message names the path). A browser that goes away is not a failure.
 */
export async function sendBlob(
  res: Response,
  blob: BlobReadStream,
  onError: (error: unknown) => void,
): Promise<void> {
  res
    .status(200)
    .setHeader('Content-Type', 'application/octet-stream')
    .setHeader('Content-Length', String(blob.size))
    .setHeader('Content-Disposition', 'attachment')
    .setHeader('Cache-Control', 'no-store');
  let sent = 0;
  const exact = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.byteLength;
      done(sent > blob.size ? new BlobChangedError() : null, chunk);
    },
    flush(done) {
      done(sent === blob.size ? null : new BlobChangedError());
    },
  });
  try {
    await pipeline(blob.stream, exact, res);
  } catch (error) {
    blob.stream.destroy();
    res.destroy();
    if ((error as { code?: unknown }).code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  }
}
