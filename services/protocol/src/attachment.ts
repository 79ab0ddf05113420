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

/**
 * Re-slices pushed bytes into blocks of exactly `size`: whole blocks straight from the input,
 * without a copy, when aligned; the rest gathered in a buffer, a new one for every block, so a
 * block handed out is never written again. Sealing pulls from it, opening pushes into it.
 */
function blockSlicer(size: number) {
  let buffer = new Uint8Array(size);
  let filled = 0;
  return {
    *push(piece: Uint8Array): Generator<Uint8Array> {
      let offset = 0;
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
    },
    /** What the pushes left, shorter than a block; undefined when nothing is left. */
    rest(): Uint8Array | undefined {
      if (filled === 0) return undefined;
      const last = buffer.subarray(0, filled);
      buffer = new Uint8Array(size);
      filled = 0;
      return last;
    },
  };
}

/** Re-slices an arbitrary byte stream into blocks of exactly `size` (the last may be shorter). */
export async function* rechunk(source: ByteSource, size: number): AsyncGenerator<Uint8Array> {
  const slicer = blockSlicer(size);
  for await (const piece of source) yield* slicer.push(piece);
  const last = slicer.rest();
  if (last) yield last;
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

export interface AttachmentSealerInput {
  reportKey: Uint8Array;
  reportId: string;
  attachmentId: string;
  metadata: AttachmentMetadata;
  /** The file's 32-byte salt: random once per file, kept so a resumed upload seals the same bytes. */
  salt: Uint8Array;
}

/**
 * Seals chunk by chunk, in any order: chunk i depends only on the file key (report key,
 * attachment id, salt), i and its plaintext, so sealing it again gives the same bytes. This is
 * what lets an upload read its file piece by piece (File.slice) and, after a dropped connection,
 * seal the chunks the server has not yet received without ever holding the whole ciphertext.
 */
export interface AttachmentSealer {
  header: AttachmentHeader;
  /**
   * Ciphertext of chunk `index`. `content` is the file's own bytes of that chunk (bytes
   * index * chunkSize up to the file size, at most chunkSize; empty for a chunk of padding only);
   * the zero padding is added here.
   */
  sealChunk(index: number, content: Uint8Array): Uint8Array;
  /** Wipes the chunk key; the sealer is useless afterwards. */
  dispose(): void;
}

/** The file-content length of chunk `index` of a file of `size` bytes. */
export function attachmentChunkContentLength(size: number, index: number): number {
  return Math.max(0, Math.min(ATTACHMENT_CHUNK_SIZE, size - index * ATTACHMENT_CHUNK_SIZE));
}

export function createAttachmentSealer(
  backend: CryptoBackend,
  input: AttachmentSealerInput,
): AttachmentSealer {
  const size = input.metadata.size;
  if (!Number.isSafeInteger(size) || size < 0) throw new FormatError('attachment size');
  const paddedSize = attachmentPaddedSize(size);
  if (paddedSize > MAX_ATTACHMENT_BYTES) throw new FormatError('attachment too large');
  if (input.salt.length !== 32) throw new FormatError('attachment salt');
  const fields: HeaderFields = {
    reportId: input.reportId,
    attachmentId: input.attachmentId,
    paddedSize,
    chunkSize: ATTACHMENT_CHUNK_SIZE,
  };
  const { chunkKey, metadataKey } = fileKeys(
    backend,
    input.reportKey,
    input.attachmentId,
    input.salt,
  );
  const metadataPlain = pad(utf8(JSON.stringify(input.metadata)), METADATA_PAD_FLOOR);
  if (metadataPlain.length > 4096) {
    chunkKey.fill(0);
    metadataKey.fill(0);
    throw new FormatError('attachment name or type too long');
  }
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
    salt: toBase64Url(input.salt),
    chunkCount,
    metadata: toBase64Url(metadata),
  };
  const chunkAd = chunkAdEncoder(fields);
  let disposed = false;
  return {
    header,
    sealChunk(index, content) {
      if (disposed) throw new FormatError('attachment sealer disposed');
      if (!Number.isSafeInteger(index) || index < 0 || index >= chunkCount) {
        throw new FormatError('attachment chunk index');
      }
      if (content.length !== attachmentChunkContentLength(size, index)) {
        throw new FormatError('attachment chunk content length');
      }
      const blockLength = Math.min(
        ATTACHMENT_CHUNK_SIZE,
        paddedSize - index * ATTACHMENT_CHUNK_SIZE,
      );
      let block = content;
      if (blockLength !== content.length) {
        block = new Uint8Array(blockLength);
        block.set(content, 0);
      }
      return backend.aeadEncrypt(
        chunkKey,
        chunkNonce(index),
        block,
        chunkAd(index, index === chunkCount - 1),
      );
    },
    dispose() {
      disposed = true;
      chunkKey.fill(0);
    },
  };
}

export function sealAttachment(
  backend: CryptoBackend,
  input: SealAttachmentInput,
): SealedAttachment {
  const sealer = createAttachmentSealer(backend, { ...input, salt: backend.randomBytes(32) });
  const { header } = sealer;
  const size = input.metadata.size;

  async function* content(): AsyncGenerator<Uint8Array> {
    let seen = 0;
    for await (const piece of input.source) {
      seen += piece.length;
      if (seen > size) throw new FormatError('attachment source longer than its size');
      yield piece;
    }
    if (seen !== size) throw new FormatError('attachment source shorter than its size');
  }

  async function* chunks(): AsyncGenerator<Uint8Array> {
    let index = 0;
    const done = (i: number) => Math.min(header.paddedSize, i * ATTACHMENT_CHUNK_SIZE);
    try {
      for await (const block of rechunk(content(), ATTACHMENT_CHUNK_SIZE)) {
        yield sealer.sealChunk(index, block);
        index++;
        input.onProgress?.(done(index), header.paddedSize);
      }
      // Chunks of zero padding only, after the file's last byte.
      for (; index < header.chunkCount;) {
        yield sealer.sealChunk(index, new Uint8Array(0));
        index++;
        input.onProgress?.(done(index), header.paddedSize);
      }
    } finally {
      sealer.dispose();
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

/**
 * Opens a file fed piece by piece (a fetch response's reader, say) as the bytes arrive: push()
 * takes ciphertext in pieces of any size and returns the plaintext of every chunk it completed;
 * finish() checks that nothing was cut off. Holds at most one chunk of ciphertext meanwhile.
 */
export interface AttachmentOpener {
  header: AttachmentHeader;
  metadata: AttachmentMetadata;
  push(piece: Uint8Array): Uint8Array[];
  /** Padded plaintext bytes opened so far (of header.paddedSize), for progress. */
  opened(): number;
  /** Opens the last, shorter chunk if one is pending, and checks that nothing is missing. */
  finish(): Uint8Array[];
  /** Wipes the chunk key (finish() and any failure do it too). */
  dispose(): void;
}

export function createAttachmentOpener(
  backend: CryptoBackend,
  input: { reportKey: Uint8Array; header: unknown },
): AttachmentOpener {
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
  const sealedChunk = header.chunkSize + 16;
  const chunkAd = chunkAdEncoder(header);
  let index = 0;
  let plainDone = 0;
  const slicer = blockSlicer(sealedChunk);

  const dispose = () => chunkKey.fill(0);
  const open = (block: Uint8Array): Uint8Array | undefined => {
    if (index >= chunkCount) throw new DecryptionError('attachment has extra chunks');
    const final = index === chunkCount - 1;
    const plain = backend.aeadDecrypt(chunkKey, chunkNonce(index), block, chunkAd(index, final));
    const start = plainDone;
    plainDone += plain.length;
    index++;
    // Real content ends at `size`; everything after it must be zero padding.
    const keep = Math.max(0, Math.min(plain.length, size - start));
    for (let i = keep; i < plain.length; i++) {
      if (plain[i] !== 0) throw new DecryptionError('attachment padding is not zero');
    }
    if (keep === 0) return undefined;
    return keep === plain.length ? plain : plain.subarray(0, keep);
  };
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      dispose();
      throw error;
    }
  };

  return {
    header,
    metadata,
    push(piece) {
      return guarded(() => {
        const out: Uint8Array[] = [];
        for (const block of slicer.push(piece)) {
          const plain = open(block);
          if (plain) out.push(plain);
        }
        return out;
      });
    },
    opened: () => plainDone,
    finish() {
      return guarded(() => {
        const out: Uint8Array[] = [];
        const rest = slicer.rest();
        const last = rest && open(rest);
        if (last) out.push(last);
        if (index !== chunkCount || plainDone !== paddedSize)
          throw new DecryptionError('attachment is truncated');
        dispose();
        return out;
      });
    },
    dispose,
  };
}

export function openAttachment(
  backend: CryptoBackend,
  input: OpenAttachmentInput,
): OpenedAttachment {
  const opener = createAttachmentOpener(backend, input);
  const { header, metadata } = opener;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      const step = header.chunkSize + 16;
      for await (const piece of input.source) {
        // At most one chunk per push, so a large piece is still opened (and held) chunk by chunk.
        for (let at = 0; at < piece.length; at += step) {
          const before = opener.opened();
          for (const plain of opener.push(piece.subarray(at, at + step))) yield plain;
          if (opener.opened() !== before) input.onProgress?.(opener.opened(), header.paddedSize);
        }
      }
      const before = opener.opened();
      for (const plain of opener.finish()) yield plain;
      if (opener.opened() !== before) input.onProgress?.(opener.opened(), header.paddedSize);
    } finally {
      opener.dispose();
    }
  }

  return { header, metadata, chunks: chunks() };
}
