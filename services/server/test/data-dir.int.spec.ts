// `npm start` on a DATA_DIR it cannot use, as a real child process: one line on stderr that says
// what is wrong and how to fix it, and exit code 1, instead of SQLite's "unable to open database
// file". The read-only and full cases mount a small tmpfs (root and mount(8) needed); the
// permission case runs the child as the `nobody` user (root needed to switch users).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const isRoot = process.getuid?.() === 0;
const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-datadir-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A tmpfs at a fresh folder (`ro` for a read-only one), or undefined where mount is refused. */
function tmpfs(options: string): string | undefined {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return undefined;
  }
  cleanup.push(() => execFileSync('umount', [dir]));
  return dir;
}

async function start(dataDir: string, uid?: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, INTAKE_PORT: '0', DESK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid !== undefined && { uid, gid: uid }),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  clearTimeout(timer);
  return { code, lines: stderr.trim().split('\n') };
}

const canMount = isRoot && tmpfs('size=64k') !== undefined;
if (!canMount)
  console.warn('data-dir start tests on tmpfs skipped: they need root and mount(8) (Linux)');

describe('starting on a DATA_DIR that cannot be used', () => {
  it('a file, not a directory: says so, exit 1', async () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, 'not a directory');
    const { code, lines } = await start(file);
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^DATA_DIR .*data is not a directory .*: set DATA_DIR to a directory/),
    ]);
  });

  it.skipIf(!canMount)('a read-only filesystem: says so and how to fix it, exit 1', async () => {
    const dir = tmpfs('size=1m,ro')!;
    const { code, lines } = await start(dir);
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^DATA_DIR .* is on a read-only filesystem \(EROFS\): mount it read-write/,
      ),
    ]);
  });

  it.skipIf(!canMount)('a full filesystem: says so and how to fix it, exit 1', async () => {
    const dir = tmpfs('size=256k')!;
    // Filled by something else: what fits of a file larger than the disk.
    try {
      writeFileSync(join(dir, 'filler'), Buffer.alloc(512 * 1024));
    } catch {
      // ENOSPC: the disk is full now.
    }
    const { code, lines } = await start(dir);
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^DATA_DIR .* is full \(ENOSPC\): free space/)]);
  });

  it.skipIf(!isRoot)(
    'a directory this user may not write: says so and how to fix it, exit 1',
    async () => {
      const dir = tempDir();
      chmodSync(dir, 0o755);
      const { code, lines } = await start(join(dir), 65534);
      expect(code).toBe(1);
      expect(lines).toEqual([
        expect.stringMatching(
          /^DATA_DIR .* is not writable by user 65534 \(EACCES\): give that user write access/,
        ),
      ]);
    },
  );
});
