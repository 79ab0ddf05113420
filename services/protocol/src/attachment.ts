// Attachments: a chunked XChaCha20-Poly1305 stream, identical in both backends (libsodium's
// secretstream has no pure-JS twin we could hold to byte-identity). Per file: a random 32-byte
// salt; fileKey = BLAKE2b(key = report attachments subkey, encodeFields(attachmentId, salt));
// chunk key and metadata key are crypto_kdf subkeys of fileKey. Chunk i (64 KiB of padded
// plaintext) uses nonce LE64(i) || 0^16 under the chunk key (unique per key, as the key is
// unique per file) and AD = (report id, attachment id, padded size, chunk size, i, final flag):
// a chunk cannot be moved, dropped, duplicated or the stream truncated without failing.
// The file is padded with zeros to a Padme size; name, type and true size are sealed in the
// header. Streaming in and out: at most one chunk of plaintext and one of ciphertext in memory.
import {
  encodeFields,
  fromBase64Url,
  fromBase64UrlExact,
  fromUtf8,
  toBase64Url,
  u64le,
  utf8,
} from './bytes.ts';
import { DecryptionError, FormatError } from './errors.ts';
import { reportSubkey } from './keys.ts';
import { pad, padme, unpad } from './padding.ts';
import type { CryptoBackend } from './backend/types.ts';
import type { AttachmentHeader } from './schemas.ts';
import { ATTACHMENT_CHUNK_SIZE, MAX_ATTACHMENT_BYTES, attachmentHeaderSchema } from './schemas.ts';

export const ATTACHMENT_PAD_FLOOR = 4096;
const METADATA_PAD_FLOOR = 512;
const FILE_KDF_CONTEXT = 'IDattach';
const SUBKEY_CHUNKS = 1;
const SUBKEY_METADATA = 2;

export interface AttachmentMetadata {
  name: string;
  type: string;
  size: number;
}

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type Progress = (done: number, total: number) => void;

/** The padded size the server sees for a file of `size` bytes. */
export function attachmentPaddedSize(size: number): number {
  return padme(Math.max(size, ATTACHMENT_PAD_FLOOR));
}

function fileKeys(
  backend: CryptoBackend,
  reportKey: Uint8Array,
  attachmentId: string,
  salt: Uint8Array,
): { chunkKey: Uint8Array; metadataKey: Uint8Array } {
  const root = reportSubkey(backend, reportKey, 'attachments');
  const fileKey = backend.blake2b(
    encodeFields('integrity-desk/attachment-key/v1', attachmentId, salt),
    {
      outLen: 32,
      key: root,
    },
  );
  root.fill(0);
  const chunkKey = backend.kdfDerive(fileKey, SUBKEY_CHUNKS, FILE_KDF_CONTEXT, 32);
  const metadataKey = backend.kdfDerive(fileKey, SUBKEY_METADATA, FILE_KDF_CONTEXT, 32);
  fileKey.fill(0);
  return { chunkKey, metadataKey };
}

function chunkNonce(index: number): Uint8Array {
  const nonce = new Uint8Array(24);
  nonce.set(u64le(index), 0);
  return nonce;
}

type HeaderFields = Pick<
  AttachmentHeader,
  'reportId' | 'attachmentId' | 'paddedSize' | 'chunkSize'
>;

/**
 * AD of chunk i: encodeFields("integrity-desk/attachment-chunk/v1", reportId, attachmentId,
 * paddedSize, chunkSize, i, finalFlag). The fixed prefix is encoded once per file and the last
 * two fields appended per chunk, which gives the same bytes as encoding all seven each time.
 */
function chunkAdEncoder(h: HeaderFields): (index: number, final: boolean) => Uint8Array {
  const prefix = encodeFields(
    'integrity-desk/attachment-chunk/v1',
    h.reportId,
    h.attachmentId,
    h.paddedSize,
    h.chunkSize,
  );
  const eight = u64le(8);
  const one = u64le(1);
  return (index, final) => {
    const ad = new Uint8Array(prefix.length + 25);
    ad.set(prefix, 0);
    ad.set(eight, prefix.length);
    ad.set(u64le(index), prefix.length + 8);
    ad.set(one, prefix.length + 16);
    ad[prefix.length + 24] = final ? 1 : 0;
    return ad;
  };
}

function metadataAd(h: HeaderFields): Uint8Array {
  return encodeFields(
    'integrity-desk/attachment-meta/v1',
    h.reportId,
    h.attachmentId,
    h.paddedSize,
    h.chunkSize,
  );
}

/** Re-slices an arbitrary byte stream into blocks of exactly `size` (the last may be shorter). */
export async function* rechunk(source: ByteSource, size: number): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(size);
  let filled = 0;
  for await (const piece of source) {
    let offset = 0;
    // Whole blocks straight from the input, without a copy, when aligned.
    while (offset < piece.length) {
      if (filled === 0 && piece.length - offset >= size) {
        yield piece.subarray(offset, offset + size);
        offset += size;
        continue;
      }
      const take = Math.min(size - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

export interface SealAttachmentInput {
  reportKey: Uint8Array;
  reportId: string;
  attachmentId: string;
  metadata: AttachmentMetadata;
  /** Exactly metadata.size bytes, in pieces of any size (e.g. File.stream()). */
  source: ByteSource;
  onProgress?: Progress;
}

export interface SealedAttachment {
  header: AttachmentHeader;
  /** Ciphertext chunks in order: chunkSize + 16 bytes each, the last possibly shorter. */
  chunks: AsyncGenerator<Uint8Array>;
}

export function sealAttachment(
  backend: CryptoBackend,
  input: SealAttachmentInput,
): SealedAttachment {
  const size = input.metadata.size;
  if (!Number.isSafeInteger(size) || size < 0) throw new FormatError('attachment size');
  const paddedSize = attachmentPaddedSize(size);
  if (paddedSize > MAX_ATTACHMENT_BYTES) throw new FormatError('attachment too large');
  const salt = backend.randomBytes(32);
  const fields: HeaderFields = {
    reportId: input.reportId,
    attachmentId: input.attachmentId,
    paddedSize,
    chunkSize: ATTACHMENT_CHUNK_SIZE,
  };
  const { chunkKey, metadataKey } = fileKeys(backend, input.reportKey, input.attachmentId, salt);
  const metadataPlain = pad(utf8(JSON.stringify(input.metadata)), METADATA_PAD_FLOOR);
  if (metadataPlain.length > 4096) throw new FormatError('attachment name or type too long');
  const metadata = backend.aeadEncrypt(
    metadataKey,
    new Uint8Array(24),
    metadataPlain,
    metadataAd(fields),
  );
  metadataKey.fill(0);
  const chunkCount = Math.ceil(paddedSize / ATTACHMENT_CHUNK_SIZE);
  const header: AttachmentHeader = {
    v: 1,
    ...fields,
    salt: toBase64Url(salt),
    chunkCount,
    metadata: toBase64Url(metadata),
  };

  async function* padded(): AsyncGenerator<Uint8Array> {
    let seen = 0;
    for await (const piece of input.source) {
      seen += piece.length;
      if (seen > size) throw new FormatError('attachment source longer than its size');
      yield piece;
    }
    if (seen !== size) throw new FormatError('attachment source shorter than its size');
    let remaining = paddedSize - size;
    const zeros = new Uint8Array(Math.min(remaining, ATTACHMENT_CHUNK_SIZE));
    while (remaining > 0) {
      const n = Math.min(remaining, zeros.length);
      yield zeros.subarray(0, n);
      remaining -= n;
    }
  }

  async function* chunks(): AsyncGenerator<Uint8Array> {
    let index = 0;
    let done = 0;
    const chunkAd = chunkAdEncoder(fields);
    try {
      for await (const block of rechunk(padded(), ATTACHMENT_CHUNK_SIZE)) {
        const final = index === chunkCount - 1;
        yield backend.aeadEncrypt(chunkKey, chunkNonce(index), block, chunkAd(index, final));
        done += block.length;
        index++;
        input.onProgress?.(done, paddedSize);
      }
    } finally {
      chunkKey.fill(0);
    }
  }

  return { header, chunks: chunks() };
}

export interface OpenAttachmentInput {
  reportKey: Uint8Array;
  header: unknown;
  /** The ciphertext as uploaded, in pieces of any size. */
  source: ByteSource;
  onProgress?: Progress;
}

export interface OpenedAttachment {
  header: AttachmentHeader;
  metadata: AttachmentMetadata;
  /** Plaintext pieces in order, exactly metadata.size bytes in total. Throws DecryptionError. */
  chunks: AsyncGenerator<Uint8Array>;
}

export function openAttachment(
  backend: CryptoBackend,
  input: OpenAttachmentInput,
): OpenedAttachment {
  const parsed = attachmentHeaderSchema.safeParse(input.header);
  if (!parsed.success) throw new FormatError('attachment header does not match the schema');
  const header = parsed.data;
  const salt = fromBase64UrlExact(header.salt, 32, 'salt');
  const { chunkKey, metadataKey } = fileKeys(backend, input.reportKey, header.attachmentId, salt);
  let metadata: AttachmentMetadata;
  try {
    const plain = backend.aeadDecrypt(
      metadataKey,
      new Uint8Array(24),
      fromBase64Url(header.metadata),
      metadataAd(header),
    );
    const value = JSON.parse(fromUtf8(unpad(plain))) as AttachmentMetadata;
    if (
      typeof value.name !== 'string' ||
      typeof value.type !== 'string' ||
      !Number.isSafeInteger(value.size) ||
      value.size < 0 ||
      attachmentPaddedSize(value.size) !== header.paddedSize
    ) {
      throw new DecryptionError('attachment metadata is inconsistent');
    }
    metadata = { name: value.name, type: value.type, size: value.size };
  } catch (error) {
    chunkKey.fill(0);
    if (error instanceof DecryptionError) throw error;
    throw new DecryptionError();
  } finally {
    metadataKey.fill(0);
  }
  const { chunkCount, paddedSize } = header;
  const size = metadata.size;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    let index = 0;
    let plainDone = 0;
    const chunkAd = chunkAdEncoder(header);
    try {
      for await (const block of rechunk(input.source, header.chunkSize + 16)) {
        if (index >= chunkCount) throw new DecryptionError('attachment has extra chunks');
        const final = index === chunkCount - 1;
        const plain = backend.aeadDecrypt(
          chunkKey,
          chunkNonce(index),
          block,
          chunkAd(index, final),
        );
        const start = plainDone;
        plainDone += plain.length;
        index++;
        input.onProgress?.(plainDone, paddedSize);
        // Real content ends at `size`; everything after it must be zero padding.
        const keep = Math.max(0, Math.min(plain.length, size - start));
        for (let i = keep; i < plain.length; i++) {
          if (plain[i] !== 0) throw new DecryptionError('attachment padding is not zero');
        }
        if (keep > 0) yield keep === plain.length ? plain : plain.subarray(0, keep);
      }
      if (index !== chunkCount || plainDone !== paddedSize)
        throw new DecryptionError('attachment is truncated');
    } finally {
      chunkKey.fill(0);
    }
  }

  return { header, metadata, chunks: chunks() };
}
