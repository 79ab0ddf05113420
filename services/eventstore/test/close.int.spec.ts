import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '../src/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('sqlite adapter in a process of its own (a CLI that appends and exits)', () => {
  it('returns from close() with everything written, then lets the process exit by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idesk-close-'));
    const file = join(dir, 'events.sqlite');
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'close-writer.ts'), file, '300'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, out, err }).toEqual({ code: 0, out: 'closed 300\n', err: '' });
      const store = createSqliteEventStore({ file });
      try {
        expect(await store.readAll()).toHaveLength(300);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
