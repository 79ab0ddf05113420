import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobStoreContract } from './blob-store-contract.ts';
import { createFsBlobStore } from './fs-blob-store.ts';
import { fillingDisk } from '../test-support/filling-disk.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'blobs-'));
  dirs.push(d);
  return d;
};

blobStoreContract('filesystem', (clock) => createFsBlobStore({ dir: tempDir(), clock }));

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
    expect(await second.pending('r')).toEqual({ uploads: 1, bytes: 3000 });
    await second.write('u1', 1000, data.subarray(1000));
    const blobId = createHash('sha256').update(data).digest('hex');
    expect(readdirSync(join(dir, 'blobs'))).toEqual([]);
    expect(await second.complete('u1')).toEqual({ blobId, size: 3000 });
    expect(Buffer.from((await second.read(blobId))!).equals(data)).toBe(true);
    // Until its EvidenceAdded is durable, a marker names the finished upload and its owner.
    expect(readdirSync(join(dir, 'uploads'))).toEqual([`u1.${blobId}.completed`]);
    expect(await second.unrecorded()).toMatchObject([{ uploadId: 'u1', owner: 'r', blobId }]);
    await second.recorded('u1', blobId);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
    expect(await second.has(blobId)).toBe(true);
    expect(await second.pending('r')).toEqual({ uploads: 0, bytes: 0 });
  });

  it('refuses ids that could escape its folder', async () => {
    const dir = tempDir();
    const store = createFsBlobStore({ dir });
    await expect(store.begin('../x', { size: 1, owner: 'r', note: '' })).rejects.toThrow();
    expect(await store.read('../../etc/passwd')).toBeUndefined();
    expect(existsSync(join(dir, 'x.part'))).toBe(false);
  });
});

type Write = (b: Uint8Array, o: number, l: number, at: number) => Promise<unknown>;

/** A blob store on a disk that can fill, upload `u` of `size` random bytes begun in it. */
async function uploadOnFillingDisk(size: number) {
  const dir = tempDir();
  const disk = fillingDisk();
  const store = createFsBlobStore({ dir, open: disk.open });
  const data = randomBytes(size);
  await store.begin('u', { size, owner: 'r', note: '{}' });
  return { dir, disk, store, data };
}

describe('a disk that fills mid-upload', () => {
  it('acknowledges no chunk it could not write whole: the part written is cut back, and the same chunk succeeds once there is space', async () => {
    const { dir, disk, store, data } = await uploadOnFillingDisk(3000);
    await store.write('u', 0, data.subarray(0, 1000));
    // 600 of the next 1,000 bytes fit: write(2) reports 600, the next call ENOSPC.
    disk.space = 600;
    await expect(store.write('u', 1000, data.subarray(1000, 2000))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect((await store.status('u'))?.received).toBe(1000);
    expect(statSync(join(dir, 'uploads', 'u.part')).size).toBe(1000);
    // Full: nothing fits at all.
    await expect(store.write('u', 1000, data.subarray(1000, 2000))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect((await store.status('u'))?.received).toBe(1000);
    // Space freed: the client resends from the offset it was last told.
    disk.space = undefined;
    expect((await store.write('u', 1000, data.subarray(1000))).received).toBe(3000);
    const blobId = createHash('sha256').update(data).digest('hex');
    expect(await store.complete('u')).toEqual({ blobId, size: 3000 });
    expect(Buffer.from((await store.read(blobId))!).equals(data)).toBe(true);
  });

  it('writes a short write to its end: every byte, in as many calls as it takes', async () => {
    const { dir, disk, data } = await uploadOnFillingDisk(2000);
    let calls = 0;
    const chunky = async (path: string, flags: string) => {
      const handle = await disk.open(path, flags);
      return new Proxy(handle, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target) as unknown;
          if (prop !== 'write' || typeof value !== 'function') return value;
          // A write(2) interrupted by a signal: fewer bytes than asked, no error.
          return (b: Uint8Array, o: number, l: number, at: number) => {
            calls++;
            return (target.write as Write).call(target, b, o, Math.min(l, 300), at);
          };
        },
      });
    };
    const slow = createFsBlobStore({ dir, open: chunky });
    expect((await slow.write('u', 0, data)).received).toBe(2000);
    expect(calls).toBe(7);
    expect(readFileSync(join(dir, 'uploads', 'u.part')).equals(data)).toBe(true);
  });
});

describe('filesystem sweep and purge', () => {
  it('removes data and metadata a crash left without a live upload, once as old', async () => {
    const dir = tempDir();
    let t = Date.parse('2026-03-10T09:00:00Z');
    const store = createFsBlobStore({ dir, clock: { now: () => new Date(t) } });
    await store.begin('live', { size: 10, owner: 'r', note: '' });
    const uploads = join(dir, 'uploads');
    const stamp = (name: string, at: number) =>
      utimesSync(join(uploads, name), new Date(at), new Date(at));
    writeFileSync(join(uploads, 'orphan.part'), 'x');
    writeFileSync(join(uploads, 'crashed.json.tmp'), '{}');
    writeFileSync(join(uploads, 'not an upload.txt'), 'x');
    stamp('orphan.part', t);
    stamp('crashed.json.tmp', t);
    expect(await store.sweep(new Date(t - 1))).toBe(0);
    expect(readdirSync(uploads).sort()).toEqual(
      ['crashed.json.tmp', 'live.json', 'live.part', 'not an upload.txt', 'orphan.part'].sort(),
    );
    t += 2;
    expect(await store.sweep(new Date(t - 1))).toBe(1);
    expect(readdirSync(uploads).sort()).toEqual(['live.expired', 'not an upload.txt']);
  });

  it("erases a purged report's blob (zeros, then unlink) and its unfinished uploads and markers, and no one else's", async () => {
    const dir = tempDir();
    let t = Date.parse('2026-03-10T09:00:00Z');
    const store = createFsBlobStore({ dir, clock: { now: () => new Date(t) } });
    const finish = async (id: string, owner: string, data: Buffer) => {
      await store.begin(id, { size: data.length, owner, note: 'sealed header' });
      await store.write(id, 0, data);
      const { blobId } = await store.complete(id);
      await store.recorded(id, blobId);
      return blobId;
    };
    const mine = await finish('e1', 'purged', randomBytes(2_500_000));
    const theirs = await finish('e2', 'other', randomBytes(1000));
    await store.begin('half', { size: 100, owner: 'purged', note: 'sealed header' });
    await store.write('half', 0, randomBytes(10));
    await store.begin('stale', { size: 100, owner: 'purged', note: '' });
    await store.begin('live', { size: 100, owner: 'other', note: '' });
    t += 60_000;
    expect(await store.sweep(new Date(t - 1))).toBe(3);
    await store.begin('half', { size: 100, owner: 'purged', note: 'sealed header' }); // resumed
    await store.begin('live', { size: 100, owner: 'other', note: '' });
    const uploads = join(dir, 'uploads');
    expect(readdirSync(uploads).sort()).toEqual(
      ['half.json', 'half.part', 'live.json', 'live.part', 'stale.expired'].sort(),
    );

    // An open download keeps reading the file it opened: what it reads from now on is zeros.
    const reading = await store.readStream(mine);
    await store.erase(mine);
    const rest: Buffer[] = [];
    for await (const piece of reading!.stream) rest.push(piece as Buffer);
    expect(Buffer.concat(rest).every((b) => b === 0)).toBe(true);
    expect(await store.has(mine)).toBe(false);
    await store.erase(mine); // already gone: not an error
    await store.erase('f'.repeat(64));
    await store.discardUploads('purged');
    expect(readdirSync(uploads).sort()).toEqual(['live.json', 'live.part']);
    expect(readdirSync(join(dir, 'blobs'))).toEqual([theirs]);
    expect(await store.status('live')).toMatchObject({ owner: 'other' });
  });
});
