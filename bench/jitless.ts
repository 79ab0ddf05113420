// A bench's bundle run under `node --jitless` (V8 without JIT or WebAssembly, as Tor Browser
// "Safer" leaves a page), shared by the benches of every package (as format.ts and browser.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes `script` (the bench's bundle, which installs its functions on globalThis) beside a
 * runner that imports it and then runs `run` (module code that prints its result as one JSON
 * line, last), runs that under `node --jitless` and returns the line parsed. A failed run throws
 * with the start of its stderr.
 */
export function runJitless<T>(script: string | Uint8Array, run: string, timeoutMs = 300_000): T {
  const dir = mkdtempSync(join(tmpdir(), 'jitless-bench-'));
  try {
    writeFileSync(join(dir, 'bundle.mjs'), script);
    writeFileSync(join(dir, 'runner.mjs'), `await import('./bundle.mjs');\n${run}`);
    const result = spawnSync(process.execPath, ['--jitless', join(dir, 'runner.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    if (result.status !== 0)
      throw new Error(`node --jitless failed: ${result.stderr.slice(0, 500)}`);
    return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
