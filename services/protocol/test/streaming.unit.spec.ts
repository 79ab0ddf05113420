import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNobleBackend, loadBackend, sealAttachment, webAssemblyWorks } from '../src/index.ts';
import { uuid } from './helpers.ts';

describe('streaming and backend selection', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the source lazily: one 64 KiB chunk out needs about one chunk in', async () => {
    const backend = createNobleBackend();
    const pieceSize = 16 * 1024;
    const pieces = 6400; // 100 MiB if it were all read
    let pulled = 0;
    function* source() {
      for (let i = 0; i < pieces; i++) {
        pulled++;
        yield new Uint8Array(pieceSize);
      }
    }
    const sealed = sealAttachment(backend, {
      reportKey: backend.randomBytes(32),
      reportId: uuid(1),
      attachmentId: uuid(2),
      metadata: { name: 'big.mov', type: 'video/quicktime', size: pieces * pieceSize },
      source: source(),
    });
    const first = await sealed.chunks.next();
    expect(first.value?.length).toBe(64 * 1024 + 16);
    expect(pulled).toBeLessThanOrEqual(5);
    await sealed.chunks.return(undefined);
  });

  it('a source shorter or longer than the declared size is an error', async () => {
    const backend = createNobleBackend();
    const seal = (size: number, data: Uint8Array) =>
      sealAttachment(backend, {
        reportKey: backend.randomBytes(32),
        reportId: uuid(1),
        attachmentId: uuid(2),
        metadata: { name: 'a', type: 'b', size },
        source: [data],
      });
    await expect(async () => {
      for await (const _ of seal(100, new Uint8Array(99)).chunks) void _;
    }).rejects.toThrow(/shorter/);
    await expect(async () => {
      for await (const _ of seal(100, new Uint8Array(101)).chunks) void _;
    }).rejects.toThrow(/longer/);
  });

  it('picks the pure-JS backend when WebAssembly is missing', async () => {
    expect(webAssemblyWorks()).toBe(true);
    vi.stubGlobal('WebAssembly', undefined);
    expect(webAssemblyWorks()).toBe(false);
    expect((await loadBackend()).name).toBe('noble');
  });
});
