// The embedded store on a real full disk (a small tmpfs this test mounts, as root): an append
// that does not fit is refused with SQLITE_FULL and never acknowledged, the store is not failed
// for good, and once space is freed it accepts appends again, without a restart; every
// acknowledged event is there, in this process and after a reopen, and no refused one is.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './sqlite-event-store.ts';

/** Mounts a tmpfs of `size` at a fresh folder, or says why it cannot. */
function smallDisk(size: string): { dir: string } | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return { skip: 'needs root and mount(8) to make a small tmpfs (run as root on Linux)' };
  }
}

const disk = smallDisk('3m');
afterAll(() => {
  if (!('dir' in disk)) return;
  execFileSync('umount', [disk.dir]);
  rmSync(disk.dir, { recursive: true, force: true });
});
if ('skip' in disk) console.warn(`full-disk store test skipped: ${disk.skip}`);

const event = () => ({ id: randomUUID(), type: 'Tested', data: { filler: 'f'.repeat(6000) } });

describe.skipIf(!('dir' in disk))('sqlite store on a disk that fills', () => {
  it('refuses what does not fit with SQLITE_FULL, keeps everything acknowledged, and accepts again once space is freed', async () => {
    const dir = (disk as { dir: string }).dir;
    const file = join(dir, 'events.sqlite');
    // A small WAL limit: the checkpoint thread copies (and fails to copy) on the full disk too.
    const store = createSqliteEventStore({ file, checkpointTiming: { limitBytes: 256 * 1024 } });
    // Most of the disk taken by something else (another tenant, a log file).
    const filler = join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024));
    const acknowledged: string[] = [];
    const refused: string[] = [];
    try {
      for (let i = 0; i < 400 && refused.length < 5; i++) {
        const e = event();
        try {
          await store.append(`s-${i}`, [e], { expectedRevision: 'no_stream' });
          acknowledged.push(e.id);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('SQLITE_FULL');
          refused.push(e.id);
        }
      }
      expect(refused.length).toBe(5);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect((await store.readAll()).map((e) => e.id)).toEqual(acknowledged);
      // The operator frees space: the same store takes appends again.
      rmSync(filler);
      for (let i = 0; i < 200; i++) {
        const e = event();
        await store.append(`after-${i}`, [e], { expectedRevision: 'no_stream' });
        acknowledged.push(e.id);
      }
      expect((await store.readAll()).map((e) => e.id)).toEqual(acknowledged);
      // The checkpoint thread outlived the full disk: the WAL is copied and restarted again,
      // cut back to its limit, instead of growing until an automatic checkpoint at ~80 MB.
      await expect
        .poll(() => statSync(`${file}-wal`).size, { timeout: 5000 })
        .toBeLessThanOrEqual(512 * 1024);
    } finally {
      await store.close();
    }
    const reopened = createSqliteEventStore({ file });
    try {
      const ids = (await reopened.readAll()).map((e) => e.id);
      expect(ids).toEqual(acknowledged);
      expect(ids.filter((id) => refused.includes(id))).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
