// A tombstone (a purge) promises that the stream's bytes are gone from the database file and its
// WAL once it resolves. The checkpoint thread copies the WAL at the same time, and while it holds
// the checkpoint lock the writer's TRUNCATE checkpoint is refused (busy) without an error: the
// purged rows' old page images then stayed in both files (CI at 68522f3, purge.int.spec).
// Here a second store on the same file (as intake beside desk) and aggressive checkpoint timing
// make that collision likely, and every tombstone is checked against the bytes on disk.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './sqlite-event-store.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The files of the directory (database, WAL) that contain `canary`. */
function holding(dir: string, canary: string): string[] {
  return readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(canary));
}

describe('sqlite: erasure by tombstone', () => {
  it('leaves no byte of a tombstoned stream in the file or its WAL, while other connections checkpoint and write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idesk-erase-'));
    dirs.push(dir);
    const file = join(dir, 'events.sqlite');
    const fast = { idleMs: 0, busyMs: 0 };
    const store = createSqliteEventStore({ file, checkpointTiming: fast });
    const beside = createSqliteEventStore({ file, checkpointTiming: fast });
    let writing = true;
    const noise = (async () => {
      while (writing) {
        const filler = { filler: randomBytes(3000).toString('hex') };
        await beside.append(`noise-${randomUUID()}`, [
          { id: randomUUID(), type: 'N', data: filler },
        ]);
      }
    })();
    try {
      const left: string[] = [];
      for (let i = 0; i < 40; i++) {
        const canary = `canary-${randomUUID()}`;
        const stream = `report-${randomUUID()}`;
        await store.append(stream, [{ id: randomUUID(), type: 'T', data: { canary } }]);
        expect(holding(dir, canary).length).toBeGreaterThan(0);
        await store.tombstoneStream(stream);
        left.push(...holding(dir, canary).map((f) => `${i}: ${f}`));
      }
      expect(left).toEqual([]);
    } finally {
      writing = false;
      await noise;
      await beside.close();
      await store.close();
    }
  }, 60_000);
});
