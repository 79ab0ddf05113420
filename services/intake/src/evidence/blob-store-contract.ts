// The blob store port's contract: what every adapter must do, run by each adapter's spec file
// (as the event store's contract is). Adapter-specific behaviour (files on disk, restarts, a
// filling disk) stays in that adapter's own spec.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UploadOffsetError, type BlobClock, type BlobStore } from './blob-store.ts';

const day = 24 * 60 * 60_000;

/** A clock the contract moves by hand. */
function handClock() {
  let t = Date.parse('2026-03-10T09:00:00Z');
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), at: () => t };
}

export function blobStoreContract(name: string, make: (clock: BlobClock) => BlobStore): void {
  describe(`blob store contract: ${name}`, () => {
    it('resumes an upload at the offset it reports and completes it under its SHA-256', async () => {
      const store = make(handClock());
      const data = randomBytes(3000);
      await store.begin('u1', { size: 3000, owner: 'r', note: '{}' });
      await store.write('u1', 0, data.subarray(0, 1000));
      // Beginning again returns the existing upload's status (idempotent).
      expect(await store.begin('u1', { size: 3000, owner: 'r', note: '{}' })).toEqual({
        size: 3000,
        owner: 'r',
        note: '{}',
        received: 1000,
      });
      expect(await store.pending('r')).toEqual({ uploads: 1, bytes: 3000 });
      await store.write('u1', 1000, data.subarray(1000));
      const blobId = createHash('sha256').update(data).digest('hex');
      expect(await store.complete('u1')).toEqual({ blobId, size: 3000 });
      expect(Buffer.from((await store.read(blobId))!).equals(data)).toBe(true);
      // Until its EvidenceAdded is durable, the finished upload is listed with its owner.
      expect(await store.unrecorded()).toMatchObject([
        { uploadId: 'u1', owner: 'r', blobId, size: 3000, note: '{}' },
      ]);
      await store.recorded('u1', blobId);
      expect(await store.unrecorded()).toEqual([]);
      expect(await store.has(blobId)).toBe(true);
      expect(await store.pending('r')).toEqual({ uploads: 0, bytes: 0 });
    });

    it('refuses chunks out of order, past the size, and completing early', async () => {
      const store = make(handClock());
      await store.begin('u', { size: 10, owner: 'r', note: '' });
      await expect(store.write('u', 5, randomBytes(2))).rejects.toBeInstanceOf(UploadOffsetError);
      await expect(store.write('u', 0, randomBytes(11))).rejects.toBeInstanceOf(UploadOffsetError);
      await expect(store.complete('u')).rejects.toBeInstanceOf(UploadOffsetError);
      expect((await store.status('u'))?.received).toBe(0);
    });

    it('serialises concurrent writes to one upload: exactly one chunk wins the offset', async () => {
      const store = make(handClock());
      await store.begin('u', { size: 100, owner: 'r', note: '' });
      const results = await Promise.allSettled(
        [0, 1, 2, 3].map(() => store.write('u', 0, randomBytes(10))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.status('u'))?.received).toBe(10);
    });

    it('sweeps only uploads untouched since the cutoff, leaves a marker for the owner, never a blob', async () => {
      const clock = handClock();
      const store = make(clock);
      const data = randomBytes(100);
      await store.begin('done', { size: 100, owner: 'r', note: '' });
      await store.write('done', 0, data);
      const { blobId } = await store.complete('done');
      await store.begin('old', { size: 10, owner: 'r', note: '' });
      await store.begin('busy', { size: 10, owner: 'r', note: '' });
      clock.advance(day);
      await store.write('busy', 0, randomBytes(5));
      clock.advance(1);
      expect(await store.sweep(new Date(clock.at() - day))).toBe(1);
      expect(await store.status('old')).toBeUndefined();
      expect(await store.expired('old')).toEqual({ owner: 'r' });
      expect((await store.status('busy'))?.received).toBe(5);
      expect(await store.expired('busy')).toBeUndefined();
      expect(await store.pending('r')).toEqual({ uploads: 1, bytes: 10 });
      // Beginning again clears the marker.
      await store.begin('old', { size: 10, owner: 'r', note: '' });
      expect(await store.expired('old')).toBeUndefined();
      clock.advance(10 * day);
      expect(await store.sweep(new Date(clock.at() - day))).toBe(2);
      clock.advance(2 * day);
      await store.sweep(new Date(clock.at() - day));
      expect(await store.expired('old')).toBeUndefined();
      expect(Buffer.from((await store.read(blobId))!).equals(data)).toBe(true);
    });

    it('erases an unrecorded upload only when its marker is unchanged and no upload completed its blob since the cutoff', async () => {
      const clock = handClock();
      const store = make(clock);
      const finish = async (id: string, owner: string, data: Buffer) => {
        await store.begin(id, { size: data.length, owner, note: '' });
        await store.write(id, 0, data);
        return (await store.complete(id)).blobId;
      };
      const [orphan, retried, again] = [randomBytes(50), randomBytes(50), randomBytes(50)];
      const orphanBlob = await finish('orphan', 'a', orphan);
      const retriedBlob = await finish('retried', 'a', retried);
      const againBlob = await finish('again', 'a', again);
      await finish('kept', 'b', randomBytes(50));
      expect((await store.unrecorded('a')).map((u) => u.uploadId).sort()).toEqual(
        ['again', 'orphan', 'retried'].sort(),
      );
      expect(await store.unrecorded()).toHaveLength(4);
      const listed = await store.unrecorded('a');
      const of = (id: string) => listed.find((u) => u.uploadId === id)!;
      clock.advance(day);
      // Sent again a day later: the same upload id completes again, and another upload
      // completes the same bytes as `again`.
      await finish('retried', 'a', retried);
      await finish('other', 'c', again);
      const cutoff = new Date(clock.at() - 1);
      expect(
        await store.dropUnrecorded(of('retried'), { erase: true, untouchedSince: cutoff }),
      ).toBe(false);
      expect(await store.dropUnrecorded(of('again'), { erase: true, untouchedSince: cutoff })).toBe(
        false,
      );
      expect(
        await store.dropUnrecorded(of('orphan'), { erase: true, untouchedSince: cutoff }),
      ).toBe(true);
      expect(await store.has(orphanBlob)).toBe(false);
      expect(await store.has(retriedBlob)).toBe(true);
      expect(await store.has(againBlob)).toBe(true);
      // `retried` was left alone (completed again: a new marker); `again` lost its marker only.
      expect((await store.unrecorded('a')).map((u) => u.uploadId)).toEqual(['retried']);
      const kept = (await store.unrecorded('b'))[0]!;
      expect(await store.dropUnrecorded(kept, { erase: false })).toBe(false);
      expect(await store.unrecorded('b')).toEqual([]);
      expect(await store.has(kept.blobId)).toBe(true);
    });

    it("erases a purged report's blob and discards its unfinished uploads and markers, and no one else's", async () => {
      const clock = handClock();
      const store = make(clock);
      await store.begin('e1', { size: 3, owner: 'purged', note: '' });
      await store.write('e1', 0, new Uint8Array([1, 2, 3]));
      const { blobId } = await store.complete('e1');
      await store.begin('half', { size: 3, owner: 'purged', note: '' });
      await store.begin('stale', { size: 3, owner: 'purged', note: '' });
      await store.begin('live', { size: 3, owner: 'other', note: '' });
      clock.advance(60_000);
      expect(await store.sweep(new Date(clock.at() - 1))).toBe(3);
      await store.begin('half', { size: 3, owner: 'purged', note: '' }); // resumed
      await store.begin('live', { size: 3, owner: 'other', note: '' });
      await store.erase(blobId);
      await store.erase(blobId); // already gone: not an error
      await store.erase('f'.repeat(64));
      await store.discardUploads('purged');
      expect(await store.has(blobId)).toBe(false);
      expect(await store.read(blobId)).toBeUndefined();
      expect(await store.status('half')).toBeUndefined();
      expect(await store.expired('stale')).toBeUndefined();
      expect(await store.status('live')).toMatchObject({ owner: 'other' });
    });
  });
}
