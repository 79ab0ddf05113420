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

/**
 * The digest each chunk's plaintext is remembered by: WebCrypto's SHA-256, native also where
 * JavaScript runs without JIT or WebAssembly (Tor Browser "Safer"). The pure-JS BLAKE2b it
 * replaces took four times as long there as sealing the chunk itself (bench:evidence); it stays
 * only for a worker without WebCrypto (not a secure context).
 */
async function plaintextDigest(backend: CryptoBackend, plain: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  // The page transfers a File.slice's ArrayBuffer (never a shared one).
  const bytes = plain as Uint8Array<ArrayBuffer>;
  if (subtle) return toBase64Url(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  return toBase64Url(backend.blake2b(plain, { outLen: 32 }));
}

/**
 * The worker hands control back this often while it seals (a macrotask), so a message for it
 * (a cancel, another job's reply) is not held up behind a whole request's chunks on a slow device.
 */
const YIELD_MS = 50;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Seals `count` chunks from `first` on, whose file bytes are `content`; their ciphertext joined.
 * `onProgress` gets the fraction sealed after every chunk (64 KiB: a fraction of a second even
 * on the pure-JS backend of a slow phone), so the page's bar moves while a request is sealed.
 */
export async function sealChunks(
  file: FileContext,
  salt: string,
  first: number,
  count: number,
  content: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array> {
  const { sealer, digests } = entryFor(file, salt);
  const size = file.metadata.size;
  const sealed: Uint8Array[] = [];
  let at = 0;
  let index = first;
  let yielded = performance.now();
  for (; index < first + count; index++) {
    const length = attachmentChunkContentLength(size, index);
    const plain = content.subarray(at, at + length);
    const digest = await plaintextDigest(file.backend, plain);
    const before = digests.get(index);
    if (before !== undefined && before !== digest) throw new Error('FileChanged');
    digests.set(index, digest);
    sealed.push(sealer.sealChunk(index, plain));
    at += length;
    onProgress?.((index - first + 1) / count);
    if (performance.now() - yielded >= YIELD_MS) {
      await macrotask();
      yielded = performance.now();
    }
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
