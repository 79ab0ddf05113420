// Worker side of the evidence upload: files are sealed chunk by chunk as the upload reads them
// (File.slice), never whole. A file's salt is drawn once (beginAttachment) and comes back with
// every later call, so sealing chunk i again after a dropped connection gives exactly the bytes
// sent before: the server's half-received blob and the resumed tail always fit together.
// Sealers live until the report's keys are forgotten (log out, a new report).
import {
  attachmentChunkContentLength,
  createAttachmentSealer,
  fromBase64UrlExact,
  toBase64Url,
  type AttachmentSealer,
  type CryptoBackend,
} from '@integrity-desk/protocol';
import type { AttachmentMetadata } from './jobs';

interface Entry {
  salt: string;
  sealer: AttachmentSealer;
  /**
   * A digest of each chunk's plaintext as first sealed. Sealing chunk i again with other bytes
   * (the file changed on disk between attempts and the browser did not notice) would reuse its
   * nonce under the same key, which XChaCha20 must never do: that is refused instead.
   */
  digests: Map<number, string>;
}

const sealers = new Map<string, Entry>();

interface FileContext {
  backend: CryptoBackend;
  reportKey: Uint8Array;
  reportId: string;
  attachmentId: string;
  metadata: AttachmentMetadata;
}

function entryFor(file: FileContext, salt: string): Entry {
  const cached = sealers.get(file.attachmentId);
  if (cached?.salt === salt) return cached;
  cached?.sealer.dispose();
  const sealer = createAttachmentSealer(file.backend, {
    reportKey: file.reportKey,
    reportId: file.reportId,
    attachmentId: file.attachmentId,
    metadata: file.metadata,
    salt: fromBase64UrlExact(salt, 32, 'salt'),
  });
  const entry = { salt, sealer, digests: new Map<number, string>() };
  sealers.set(file.attachmentId, entry);
  return entry;
}

/** Draws the file's salt and returns its header (what the server stores beside the blob). */
export function beginAttachment(file: FileContext): unknown {
  const salt = file.backend.randomBytes(32);
  const sealer = createAttachmentSealer(file.backend, { ...file, salt });
  sealers.get(file.attachmentId)?.sealer.dispose();
  sealers.set(file.attachmentId, { salt: sealer.header.salt, sealer, digests: new Map() });
  return sealer.header;
}

/** Seals `count` chunks from `first` on, whose file bytes are `content`; their ciphertext joined. */
export function sealChunks(
  file: FileContext,
  salt: string,
  first: number,
  count: number,
  content: Uint8Array,
): Uint8Array {
  const { sealer, digests } = entryFor(file, salt);
  const size = file.metadata.size;
  const sealed: Uint8Array[] = [];
  let at = 0;
  let index = first;
  for (; index < first + count; index++) {
    const length = attachmentChunkContentLength(size, index);
    const plain = content.subarray(at, at + length);
    const digest = toBase64Url(file.backend.blake2b(plain, { outLen: 16 }));
    const before = digests.get(index);
    if (before !== undefined && before !== digest) throw new Error('FileChanged');
    digests.set(index, digest);
    sealed.push(sealer.sealChunk(index, plain));
    at += length;
  }
  if (at !== content.length) throw new Error('ChunkContent');
  const out = new Uint8Array(sealed.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of sealed) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function forgetAttachments(): void {
  for (const entry of sealers.values()) entry.sealer.dispose();
  sealers.clear();
}
