import type { BlobReadStream } from '@integrity-desk/http';
import type { UnrecordedBlob } from '@integrity-desk/reports';

/**
 * Where evidence ciphertext lives. Content-addressed: a finished blob's id is the SHA-256 of its
 * bytes (hex). Uploads are resumable: each chunk is appended at the offset the store reports,
 * so a client whose connection dropped (uploads over Tor can take an hour) asks for the offset
 * and goes on from there. The store holds ciphertext only and never sees who sent it.
 */
export interface UploadMeta {
  /** Total ciphertext bytes the upload will have (the padded attachment size). */
  readonly size: number;
  /** Opaque owner tag (the report id), so a session can only touch its own uploads. */
  readonly owner: string;
  /** Opaque text kept with the upload until it completes (the sealed attachment header). */
  readonly note: string;
}

export interface UploadStatus extends UploadMeta {
  /** Bytes received so far: the offset the next chunk must start at. */
  readonly received: number;
}

export class UploadOffsetError extends Error {
  override readonly name = 'UploadOffsetError';
}
export class UploadNotFoundError extends Error {
  override readonly name = 'UploadNotFoundError';
}

/** A finished blob opened for reading (defined beside sendBlob, which sends it). */
export type { BlobReadStream };

/** A finished upload whose `EvidenceAdded` is not known to be durable (defined beside the purger). */
export type { UnrecordedBlob };

/**
 * An unrecorded upload with what its `EvidenceAdded` needs, so that a client whose last chunk's
 * answer was lost (the append failed, or the process died after the rename) can still finish it.
 */
export interface UnrecordedUpload extends UnrecordedBlob {
  readonly size: number;
  /** The upload's `note` (the sealed attachment header); '' if the marker predates it. */
  readonly note: string;
}

/** A piece of an upload's history the sweep keeps for a while: whose it was. */
export interface ExpiredUpload {
  readonly owner: string;
}

export interface BlobStore {
  /** Starts an upload or returns the existing one's status (idempotent). */
  begin(uploadId: string, meta: UploadMeta): Promise<UploadStatus>;
  status(uploadId: string): Promise<UploadStatus | undefined>;
  /** Appends a chunk that must start exactly at `offset` == received; returns the new status. */
  write(uploadId: string, offset: number, chunk: Uint8Array): Promise<UploadStatus>;
  /**
   * When every byte arrived: hashes, moves the data to its content address, returns the id.
   * Before the move it leaves a durable marker (upload, owner, blob, time) that `recorded`
   * removes once `EvidenceAdded` is durable, so a crash in between leaves a blob that the sweep
   * and a purge of the owner can still find.
   */
  complete(uploadId: string): Promise<{ blobId: string; size: number }>;
  /** The `EvidenceAdded` naming this upload's blob is durable: drops the marker of `complete`. */
  recorded(uploadId: string, blobId: string): Promise<void>;
  /** Finished uploads not yet `recorded`: every one, or one owner's. */
  unrecorded(owner?: string): Promise<UnrecordedUpload[]>;
  /**
   * Forgets an unrecorded upload (its marker). With `erase`, first erases its blob as `erase`
   * does, unless an upload completed that blob at or after `untouchedSince` (the same bytes sent
   * again: that upload's own marker decides). A marker that changed since it was listed (the
   * upload completed again) is left alone. Returns whether the blob was erased.
   */
  dropUnrecorded(
    upload: UnrecordedBlob,
    options: { readonly erase: boolean; readonly untouchedSince?: Date },
  ): Promise<boolean>;
  /**
   * Runs `task` while no other `reserving` of a store on the same folder runs, in this process
   * or in another one (two intake processes on one DATA_DIR): the quota check and the `begin` it
   * admits, together, so that concurrent upload starts cannot all pass one check.
   */
  reserving<T>(task: () => Promise<T>): Promise<T>;
  /** Unfinished uploads of one owner and their declared bytes together (for the quotas). */
  pending(owner: string): Promise<{ readonly uploads: number; readonly bytes: number }>;
  has(blobId: string): Promise<boolean>;
  /** The whole blob in memory: for small blobs and tests; downloads use `readStream`. */
  read(blobId: string): Promise<Uint8Array | undefined>;
  /** Opens a finished blob for streaming, or undefined if there is none with this id. */
  readStream(blobId: string): Promise<BlobReadStream | undefined>;
  /**
   * Removes every unfinished upload that no `begin` or chunk touched since `untouchedSince`
   * (abandoned: the whistleblower never came back), returning how many. A removed upload leaves
   * a small marker naming its owner, so that owner is told to start the file again; markers are
   * removed by a later sweep once they are as old as `untouchedSince`. Finished blobs are never
   * touched here: unrecorded ones are settled through `unrecorded` and `dropUnrecorded`.
   */
  sweep(untouchedSince: Date): Promise<number>;
  /** The marker a sweep left for this upload id, until a new `begin` or a later sweep clears it. */
  expired(uploadId: string): Promise<ExpiredUpload | undefined>;
  /**
   * Retention purge: overwrites a finished blob with zeros, flushes that to disk and removes it
   * (best effort against the disk itself: see SECURITY.md). An unknown blob is not an error.
   */
  erase(blobId: string): Promise<void>;
  /**
   * Retention purge: removes every unfinished upload and sweep marker of this owner (not the
   * markers of finished uploads: the purge ends those with `dropUnrecorded`).
   */
  discardUploads(owner: string): Promise<void>;
}

/** When uploads were last touched: injected, so a test can let a day pass in a millisecond. */
export interface BlobClock {
  now(): Date;
}
