// The evidence-sealing paths bench:evidence compares, runnable in Node, `node --jitless` and
// Chromium (browser-safe: no node: imports). Each seals the same `sizeMiB` of random data in
// 64 KiB chunks and returns MiB/s:
// - `protocol`: the protocol's sealer alone (createAttachmentSealer.sealChunk), per backend;
// - `worker-before`: what the crypto worker did per chunk until now: a pure-JS or libsodium
//   BLAKE2b digest of the plaintext (to refuse sealing a chunk again with other bytes), then seal;
// - `worker`: what it does now (frontend/src/lib/crypto/attachment-seal.ts): a WebCrypto SHA-256
//   digest, then seal, handing the thread back every 50 ms.
import {
  ATTACHMENT_CHUNK_SIZE,
  attachmentChunkContentLength,
  createAttachmentSealer,
  loadBackend,
  toBase64Url,
  webAssemblyWorks,
} from '../src/index.ts';
import {
  beginAttachment,
  forgetAttachments,
  sealChunks,
} from '../../../frontend/src/lib/crypto/attachment-seal.ts';

export type Path = 'protocol' | 'worker-before' | 'worker';
export const PATHS: Path[] = ['protocol', 'worker-before', 'worker'];
const MiB = 1024 * 1024;
const REPORT_ID = '00000000-0000-4000-8000-000000000001';

function testData(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536)
    globalThis.crypto.getRandomValues(data.subarray(i, Math.min(size, i + 65536)));
  return data;
}

export async function sealMiBs(
  prefer: 'libsodium' | 'noble' | undefined,
  path: Path,
  sizeMiB: number,
): Promise<{ backend: string; mibs: number }> {
  const backend = await loadBackend(prefer ? { prefer } : {});
  const size = sizeMiB * MiB;
  const data = testData(size);
  const metadata = { name: 'evidence.bin', type: 'application/octet-stream', size };
  const file = {
    backend,
    reportKey: backend.randomBytes(32),
    reportId: REPORT_ID,
    attachmentId: `00000000-0000-4000-8000-00000000000${PATHS.indexOf(path) + 2}`,
    metadata,
  };
  const header = beginAttachment(file) as { salt: string; chunkCount: number };
  const sealer = createAttachmentSealer(backend, { ...file, salt: backend.randomBytes(32) });
  const t0 = performance.now();
  if (path === 'worker') {
    await sealChunks(file, header.salt, 0, header.chunkCount, data);
  } else {
    const digests = new Map<number, string>();
    for (let i = 0; i < sealer.header.chunkCount; i++) {
      const length = attachmentChunkContentLength(size, i);
      const plain = data.subarray(i * ATTACHMENT_CHUNK_SIZE, i * ATTACHMENT_CHUNK_SIZE + length);
      if (path === 'worker-before')
        digests.set(i, toBase64Url(backend.blake2b(plain, { outLen: 16 })));
      sealer.sealChunk(i, plain);
    }
  }
  const ms = performance.now() - t0;
  sealer.dispose();
  forgetAttachments();
  return { backend: backend.name, mibs: sizeMiB / (ms / 1000) };
}

Object.assign(globalThis, {
  evidenceBench: { sealMiBs, PATHS, environment: () => ({ webAssembly: webAssemblyWorks() }) },
});
