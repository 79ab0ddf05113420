import type { Response } from 'express';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A finished blob opened for reading: its size, and its bytes as a stream (never whole). */
export interface BlobReadStream {
  readonly size: number;
  /** Ends after exactly `size` bytes unless the file changed underneath (sendBlob checks). */
  readonly stream: Readable;
}

/** The blob's file changed while it was being sent (truncated or grown): the download is cut. */
export class BlobChangedError extends Error {
  override readonly name = 'BlobChangedError';
}

/**
 * Streams evidence ciphertext with its exact Content-Length: a 100 MiB file never sits in
 * memory, and the socket's backpressure paces the disk. If the file turns out shorter or longer
 * than it was when opened, or a read fails, the connection is cut rather than ended, so the
 * client sees a failed download and never a short "complete" one. Nothing is thrown once the
 * headers are out; the failure goes to `onError` (by class: a file system error's message
 * names the path). A client that goes away is not a failure.
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
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  }
}
