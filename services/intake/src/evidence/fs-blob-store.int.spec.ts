import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadOffsetError } from './blob-store.ts';
import { createFsBlobStore } from './fs-blob-store.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'blobs-'));
  dirs.push(d);
  return d;
};

describe('filesystem blob store', () => {
  it('resumes an upload in a new instance (restart) and renames it to its SHA-256 when complete', async () => {
    const dir = tempDir();
    const data = randomBytes(3000);
    const first = createFsBlobStore({ dir });
    await first.begin('u1', { size: 3000, owner: 'r', note: '{}' });
    await first.write('u1', 0, data.subarray(0, 1000));
    const second = createFsBlobStore({ dir });
    expect(await second.status('u1')).toEqual({
      size: 3000,
      owner: 'r',
      note: '{}',
      received: 1000,
    });
    expect(await second.pendingBytes('r')).toBe(3000);
    await second.write('u1', 1000, data.subarray(1000));
    const blobId = createHash('sha256').update(data).digest('hex');
    expect(readdirSync(join(dir, 'blobs'))).toEqual([]);
    expect(await second.complete('u1')).toEqual({ blobId, size: 3000 });
    expect(Buffer.from((await second.read(blobId))!).equals(data)).toBe(true);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
    expect(await second.has(blobId)).toBe(true);
    expect(await second.pendingBytes('r')).toBe(0);
  });

  it('refuses chunks out of order, past the size, and completing early', async () => {
    const store = createFsBlobStore({ dir: tempDir() });
    await store.begin('u', { size: 10, owner: 'r', note: '' });
    await expect(store.write('u', 5, randomBytes(2))).rejects.toBeInstanceOf(UploadOffsetError);
    await expect(store.write('u', 0, randomBytes(11))).rejects.toBeInstanceOf(UploadOffsetError);
    await expect(store.complete('u')).rejects.toBeInstanceOf(UploadOffsetError);
    expect((await store.status('u'))?.received).toBe(0);
  });

  it('serialises concurrent writes to one upload: exactly one chunk wins the offset', async () => {
    const store = createFsBlobStore({ dir: tempDir() });
    await store.begin('u', { size: 100, owner: 'r', note: '' });
    const results = await Promise.allSettled(
      [0, 1, 2, 3].map(() => store.write('u', 0, randomBytes(10))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await store.status('u'))?.received).toBe(10);
  });

  it('refuses ids that could escape its folder', async () => {
    const dir = tempDir();
    const store = createFsBlobStore({ dir });
    await expect(store.begin('../x', { size: 1, owner: 'r', note: '' })).rejects.toThrow();
    expect(await store.read('../../etc/passwd')).toBeUndefined();
    expect(existsSync(join(dir, 'x.part'))).toBe(false);
  });
});
