// The chunk-level attachment API the browser streams with: a sealer that seals chunk i alone
// (so a resumed upload seals again exactly what it sent before) and an opener fed in pieces
// of any size (a fetch reader's), both giving the bytes sealAttachment/openAttachment give.
import { describe, expect, it } from 'vitest';
import {
  attachmentChunkContentLength,
  createAttachmentOpener,
  createAttachmentSealer,
  createNobleBackend,
  fromBase64Url,
  openAttachment,
  sealAttachment,
  DecryptionError,
} from '../src/index.ts';
import { collect, uuid } from './helpers.ts';

const backend = createNobleBackend();
const C = 64 * 1024;

function fileOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

async function sealWhole(reportKey: Uint8Array, file: Uint8Array) {
  const sealed = sealAttachment(backend, {
    reportKey,
    reportId: uuid(1),
    attachmentId: uuid(2),
    metadata: { name: 'ledger.xlsx', type: 'application/vnd.ms-excel', size: file.length },
    source: [file],
  });
  return { header: sealed.header, ciphertext: await collect(sealed.chunks) };
}

describe('attachment chunks', () => {
  it('seals chunk by chunk, in any order, exactly what sealAttachment seals', async () => {
    const reportKey = backend.randomBytes(32);
    const file = fileOf(3 * C + 1234);
    const whole = await sealWhole(reportKey, file);
    const sealer = createAttachmentSealer(backend, {
      reportKey,
      reportId: uuid(1),
      attachmentId: uuid(2),
      metadata: { name: 'ledger.xlsx', type: 'application/vnd.ms-excel', size: file.length },
      salt: fromBase64Url(whole.header.salt),
    });
    expect(sealer.header).toEqual(whole.header);
    const order = [2, 0, ...Array.from({ length: whole.header.chunkCount }, (_, i) => i), 1];
    for (const index of order) {
      const start = index * C;
      const content = file.subarray(
        start,
        start + attachmentChunkContentLength(file.length, index),
      );
      const expected = whole.ciphertext.subarray(index * (C + 16), (index + 1) * (C + 16));
      expect(Buffer.from(sealer.sealChunk(index, content)).equals(Buffer.from(expected))).toBe(
        true,
      );
    }
    expect(() => sealer.sealChunk(0, file.subarray(0, 10))).toThrow(/content length/);
    expect(() => sealer.sealChunk(whole.header.chunkCount, new Uint8Array(0))).toThrow(/index/);
    sealer.dispose();
    expect(() => sealer.sealChunk(0, file.subarray(0, C))).toThrow(/disposed/);
  });

  it('opens pieces of any size as they arrive, holding at most one chunk back', async () => {
    const reportKey = backend.randomBytes(32);
    const file = fileOf(2 * C + 999);
    const { header, ciphertext } = await sealWhole(reportKey, file);
    for (const pieceSize of [1, 7_001, C + 16, C + 17, ciphertext.length]) {
      const opener = createAttachmentOpener(backend, { reportKey, header });
      expect(opener.metadata).toEqual({
        name: 'ledger.xlsx',
        type: 'application/vnd.ms-excel',
        size: file.length,
      });
      const parts: Uint8Array[] = [];
      for (let at = 0; at < ciphertext.length; at += pieceSize) {
        parts.push(...opener.push(ciphertext.subarray(at, at + pieceSize)).map((p) => p.slice()));
        // Everything but the chunk in progress is already out.
        const out = parts.reduce((n, p) => n + p.length, 0);
        const whole = Math.floor(Math.min(ciphertext.length, at + pieceSize) / (C + 16));
        expect(out).toBe(Math.min(file.length, whole * C));
      }
      parts.push(...opener.finish());
      const opened = Buffer.concat(parts);
      expect(opened.equals(Buffer.from(file)), `pieces of ${pieceSize}`).toBe(true);
    }
  });

  it('refuses a stream cut short or with a byte changed', async () => {
    const reportKey = backend.randomBytes(32);
    const file = fileOf(C + 10);
    const { header, ciphertext } = await sealWhole(reportKey, file);
    const cut = createAttachmentOpener(backend, { reportKey, header });
    cut.push(ciphertext.subarray(0, C + 16));
    expect(() => cut.finish()).toThrow(DecryptionError);
    const flipped = ciphertext.slice();
    flipped[5] = flipped[5]! ^ 1;
    const changed = createAttachmentOpener(backend, { reportKey, header });
    expect(() => changed.push(flipped)).toThrow(DecryptionError);
    // openAttachment, built on the opener, still opens one big piece chunk by chunk.
    const opened = openAttachment(backend, { reportKey, header, source: [ciphertext] });
    expect(Buffer.from(await collect(opened.chunks)).equals(Buffer.from(file))).toBe(true);
  });
});
