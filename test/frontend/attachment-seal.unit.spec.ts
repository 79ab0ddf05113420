// The crypto worker's evidence sealing (frontend/src/lib/crypto/attachment-seal.ts) on both
// backends: what it seals opens with the protocol's opener to the same bytes, a changed chunk is
// still refused (the plaintext digests are WebCrypto's SHA-256 now, not the pure-JS BLAKE2b), the
// bar gets a step per chunk, and a long request hands the worker back between chunks.
import { ATTACHMENT_CHUNK_SIZE, loadBackend, openAttachment } from '@integrity-desk/protocol';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  beginAttachment,
  forgetAttachments,
  sealChunks,
} from '../../frontend/src/lib/crypto/attachment-seal.ts';

const reportId = randomUUID();

async function file(prefer: 'libsodium' | 'noble', size: number) {
  const backend = await loadBackend({ prefer });
  const ctx = {
    backend,
    reportKey: backend.randomBytes(32),
    reportId,
    attachmentId: randomUUID(),
    metadata: { name: 'ledger.bin', type: 'application/octet-stream', size },
  };
  const header = beginAttachment(ctx) as { salt: string; chunkCount: number };
  return { ctx, header };
}

describe.each(['libsodium', 'noble'] as const)('sealing evidence in the worker (%s)', (prefer) => {
  it('seals what the protocol opens, a progress step per chunk', async () => {
    const data = randomBytes(3 * ATTACHMENT_CHUNK_SIZE + 1000);
    const { ctx, header } = await file(prefer, data.length);
    const fractions: number[] = [];
    const sealed = await sealChunks(ctx, header.salt, 0, header.chunkCount, data, (f) =>
      fractions.push(f),
    );
    expect(fractions).toEqual([1, 2, 3, 4].map((n) => n / 4));
    let opened = Buffer.alloc(0);
    const out = openAttachment(ctx.backend, { reportKey: ctx.reportKey, header, source: [sealed] });
    for await (const piece of out.chunks) opened = Buffer.concat([opened, piece]);
    expect(opened.equals(data)).toBe(true);
    forgetAttachments();
  });

  it('refuses to seal a chunk again with other bytes, and seals the same bytes identically', async () => {
    const data = randomBytes(2 * ATTACHMENT_CHUNK_SIZE);
    const { ctx, header } = await file(prefer, data.length);
    const once = await sealChunks(ctx, header.salt, 1, 1, data.subarray(ATTACHMENT_CHUNK_SIZE));
    const again = await sealChunks(ctx, header.salt, 1, 1, data.subarray(ATTACHMENT_CHUNK_SIZE));
    expect(Buffer.from(again).equals(Buffer.from(once))).toBe(true);
    const changed = Buffer.from(data.subarray(ATTACHMENT_CHUNK_SIZE));
    changed[100]! ^= 1;
    await expect(sealChunks(ctx, header.salt, 1, 1, changed)).rejects.toThrow('FileChanged');
    forgetAttachments();
  });
});

describe('a long request', () => {
  it('lets the worker’s other tasks run between chunks (a timer fires while it seals)', async () => {
    // 8 MiB on the pure-JS backend: far longer than the 50 ms the worker keeps at a time.
    const data = randomBytes(128 * ATTACHMENT_CHUNK_SIZE);
    const { ctx, header } = await file('noble', data.length);
    let ticks = 0;
    let done = false;
    const timer = setInterval(() => {
      if (!done) ticks++;
    }, 5);
    await sealChunks(ctx, header.salt, 0, header.chunkCount, data);
    done = true;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    forgetAttachments();
  }, 60_000);
});
