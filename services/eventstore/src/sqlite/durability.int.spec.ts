import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreFailedError } from '../port/errors.ts';
import { startCheckpointer } from './checkpointer.ts';
import { createSqliteEventStore } from './sqlite-event-store.ts';
import { fsyncFile } from './wal-sync.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-durable-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const event = (filler = 0) => ({
  id: randomUUID(),
  type: 'Tested',
  data: { filler: 'f'.repeat(filler) },
});

/** An fsync the test lets through one call at a time. */
function heldFsync() {
  const held: Array<() => void> = [];
  return {
    held,
    fsync: (fd: number) =>
      new Promise<void>((resolve, reject) => held.push(() => fsyncFile(fd).then(resolve, reject))),
    releaseAll: () => {
      for (const release of held.splice(0)) release();
    },
  };
}

const settled = (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
};

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('sqlite durability: the WAL is fsynced off the event loop before anything is acknowledged', () => {
  it('acknowledges an append only after its sync, and serves the log only up to what is synced', async () => {
    const sync = heldFsync();
    const store = createSqliteEventStore({ file: fresh(), fsync: sync.fsync });
    try {
      const append = store.append('s-1', [event()], { expectedRevision: 'no_stream' });
      const acked = settled(append);
      await tick();
      expect(sync.held).toHaveLength(1);
      expect(acked()).toBe(false);
      // Committed, not yet durable: the log (what projections read) does not show it yet.
      expect(await store.readAll()).toEqual([]);
      // A second append joins the next sync, not the one in flight.
      const second = store.append('s-2', [event()], { expectedRevision: 'no_stream' });
      const secondAcked = settled(second);
      await tick();
      sync.releaseAll();
      await append;
      expect(secondAcked()).toBe(false);
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['s-1']);
      await tick();
      sync.releaseAll();
      await second;
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['s-1', 's-2']);
    } finally {
      const closing = store.close();
      sync.releaseAll();
      await closing;
    }
  });

  it('a live subscription receives an event only once it is durable', async () => {
    const sync = heldFsync();
    const store = createSqliteEventStore({ file: fresh(), fsync: sync.fsync });
    const sub = store.subscribeToAll();
    const it = sub[Symbol.asyncIterator]();
    try {
      const first = it.next();
      const received = settled(first);
      const append = store.append('s-1', [event()], { expectedRevision: 'no_stream' });
      await tick();
      await tick();
      expect(received()).toBe(false);
      sync.releaseAll();
      await append;
      expect((await first).value?.streamId).toBe('s-1');
    } finally {
      await sub.close();
      const closing = store.close();
      sync.releaseAll();
      await closing;
    }
  });

  it('a failed sync refuses what it covered and every write after it', async () => {
    let calls = 0;
    const eio = Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    const store = createSqliteEventStore({
      file: fresh(),
      fsync: async () => {
        calls++;
        throw eio;
      },
    });
    try {
      const appends = [1, 2, 3].map((n) =>
        store.append(`s-${n}`, [event()], { expectedRevision: 'no_stream' }),
      );
      for (const a of appends) await expect(a).rejects.toBeInstanceOf(StoreFailedError);
      const later = store.append('s-4', [event()], { expectedRevision: 'no_stream' });
      await expect(later).rejects.toBeInstanceOf(StoreFailedError);
      await expect(later).rejects.toMatchObject({ cause: eio });
      expect(calls).toBe(1);
      expect(await store.readAll()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('a failed sync of another process’s commits fails this store too', async () => {
    const file = fresh();
    const eio = Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    const other = createSqliteEventStore({ file });
    let calls = 0;
    // Fails once, then succeeds, as Linux reports a write-back error to an fd only once: a later
    // fsync's success says nothing about what the failed one lost.
    const store = createSqliteEventStore({
      file,
      pollMs: 10,
      fsync: async (fd) => {
        if (calls++ === 0) throw eio;
        await fsyncFile(fd);
      },
    });
    try {
      await other.append('s-1', [event()], { expectedRevision: 'no_stream' });
      // This store never wrote: its first sync is the poll's, of the other's commit.
      await expect.poll(() => calls, { timeout: 5_000 }).toBeGreaterThan(0);
      await expect(
        store.append('s-2', [event()], { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(StoreFailedError);
      expect((await other.readAll()).map((e) => e.streamId)).toEqual(['s-1']);
    } finally {
      await store.close();
      await other.close();
    }
  });

  it('keeps the WAL near its limit under a load that never pauses: writes wait for the checkpoint to catch up', async () => {
    const file = fresh();
    const limitBytes = 4 * 1024 * 1024;
    const store = createSqliteEventStore({ file, checkpointTiming: { limitBytes } });
    const payload = 16 * 1024;
    const total = 48 * 1024 * 1024;
    const writers = 16;
    let written = 0;
    let appended = 0;
    let maxWal = 0;
    try {
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let n = 0; written < total; n++) {
            await store.append(`w-${w}-${n}`, [event(payload)], { expectedRevision: 'no_stream' });
            written += payload;
            appended++;
            if (w === 0 && n % 20 === 0) maxWal = Math.max(maxWal, statSync(`${file}-wal`).size);
          }
        }),
      );
      maxWal = Math.max(maxWal, statSync(`${file}-wal`).size);
      // The write connection never checkpoints (wal_autocheckpoint=0): without the thread the
      // WAL would hold all 48 MB; without holding writes at the limit, 16-47 MB here. With it,
      // the limit and the few batches written while the thread was told.
      expect(maxWal).toBeLessThan(2 * limitBytes);
      expect(appended).toBeGreaterThanOrEqual(total / payload);
      expect((await store.readAll()).length).toBe(appended);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('reports a checkpoint thread that cannot run, so the store checkpoints by itself', async () => {
    const failed = new Promise<void>((resolve) =>
      startCheckpointer(join(tmpdir(), randomUUID(), 'missing', 'events.sqlite'), resolve),
    );
    await expect(failed).resolves.toBeUndefined();
  });
});
