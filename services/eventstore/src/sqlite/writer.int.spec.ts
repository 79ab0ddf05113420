// The writer after a purge on a full disk: the tombstone's batch commits, then copying the WAL
// into the file (to drop the purged rows' old page images) fails, as it does when the file
// cannot grow. The committed batch is still reported as committed (its callers are told the
// truth; before, every caller in it was refused), and the copy is tried again after the next
// batch until it succeeds.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.ts';
import { createWriter, type WriteJob } from './writer.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The real database, whose WAL truncation fails while `full` says so. */
function fillingDb() {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-writer-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'events.sqlite'));
  const state = { full: false, busy: false, truncations: 0 };
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'pragma')
        return (sql: string, options?: Database.PragmaOptions) => {
          if (sql.includes('TRUNCATE')) {
            state.truncations++;
            if (state.full)
              throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
            // What SQLite answers while another connection runs a checkpoint: no error.
            if (state.busy) return [{ busy: 1n, log: 5n, checkpointed: 0n }];
          }
          return target.pragma(sql, options);
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, writer: createWriter(proxy), state };
}

const append = (streamId: string): WriteJob => ({
  kind: 'append',
  streamId,
  events: [{ id: randomUUID(), type: 'T', data: {} }],
  expected: 'any',
  created: 0,
});

describe('sqlite writer', () => {
  it('reports a committed batch as committed when the WAL truncation after a purge fails, and truncates later', () => {
    const { db, writer, state } = fillingDb();
    writer.runBatch([append('purged'), append('kept')]);
    state.full = true;
    const outcomes = writer.runBatch([
      { kind: 'remove', streamId: 'purged', expected: 'any', tombstone: true },
      append('other'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(
      db.prepare('SELECT count(*) FROM events WHERE stream_id = ?').pluck().get('purged'),
    ).toBe(0n);
    expect(state.truncations).toBe(1);
    // Still full: tried again after the next batch, which commits all the same.
    expect(writer.runBatch([append('more')]).map((o) => o.ok)).toEqual([true]);
    expect(state.truncations).toBe(2);
    state.full = false;
    writer.runBatch([append('later')]);
    expect(state.truncations).toBe(3);
    // Owed no more.
    writer.runBatch([append('after')]);
    expect(state.truncations).toBe(3);
    db.close();
  });

  it('keeps the erasure owed while a checkpoint elsewhere answers busy, until one attempt completes', () => {
    const { db, writer, state } = fillingDb();
    writer.runBatch([append('purged')]);
    state.busy = true;
    writer.runBatch([{ kind: 'remove', streamId: 'purged', expected: 'any', tombstone: true }]);
    expect(writer.erasureOwed()).toBe(true);
    expect(writer.eraseNow()).toBe(false);
    state.busy = false;
    expect(writer.eraseNow()).toBe(true);
    expect(writer.erasureOwed()).toBe(false);
    expect(state.truncations).toBe(3);
    db.close();
  });
});
