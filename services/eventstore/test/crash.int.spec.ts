import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '../src/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RUNS = 4;

interface Killed {
  acked: Map<string, string[]>; // stream -> acknowledged event ids, in order
  acks: number;
}

/** Starts the writer, lets it append for `ms` after its first ack, then SIGKILLs it. */
function appendThenKill(file: string, run: number, ms: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), file, String(run)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked = new Map<string, string[]>();
    let acks = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, stream, ids] = line.split(' ');
      if (kind !== 'ack' || !stream || !ids) return;
      acks++;
      acked.set(stream, [...(acked.get(stream) ?? []), ...ids.split(',')]);
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acked, acks });
      else reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('crash safety of the sqlite adapter (real file, SIGKILL mid-load)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-crash-'));
  const file = join(dir, 'events.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged event, contiguous and whole, over ${RUNS} kills`, async () => {
    const allAcked = new Map<string, string[]>();
    for (let run = 0; run < RUNS; run++) {
      const killed = await appendThenKill(file, run, 300 + run * 150);
      expect(killed.acks).toBeGreaterThan(10);
      for (const [s, ids] of killed.acked) allAcked.set(s, ids);

      const store = createSqliteEventStore({ file });
      try {
        const all = await store.readAll();
        const byStream = new Map<string, typeof all>();
        for (const e of all) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
        // Every acknowledged event is there, at the place it was acknowledged.
        for (const [stream, ids] of allAcked) {
          const stored = (byStream.get(stream) ?? []).map((e) => e.id);
          expect(stored.slice(0, ids.length), stream).toEqual(ids);
        }
        for (const [stream, events] of byStream) {
          // Revisions are contiguous from 0: no hole, nothing half-written.
          expect(
            events.map((e) => e.revision),
            stream,
          ).toEqual(events.map((_, i) => BigInt(i)));
          for (const e of events) {
            expect(e.type).toBe('CrashTested');
            expect((e.data as { n: number }).n).toBe(Number(e.revision));
          }
        }
        // Global positions strictly increase.
        for (let i = 1; i < all.length; i++)
          expect(all[i]!.position > all[i - 1]!.position).toBe(true);
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
