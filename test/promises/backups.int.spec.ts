/**
 * SECURITY.md, "Backups", attacked from outside with the real tools as their own processes over
 * a real SQLite file: a backup killed mid-way (SIGKILL: an OOM kill, a power cut, an operator's
 * Ctrl-\) must leave no file that looks whole, and no copy of the event log in DATA_DIR that a
 * later purge would not reach; an archive never holds the desk key or last-backup.json, and a
 * restore accepts a DATA_DIR that holds only `secrets/`.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../services/server/src/config.ts';
import { startPlatform } from '../../services/server/src/platform.ts';
import { runTool } from '../../services/server/test/support/run-tool.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const ROOT = join(import.meta.dirname, '..', '..');
const BACKUP = 'services/server/src/backup/main.ts';
const RESTORE = 'services/server/src/backup/restore-main.ts';
const DOCTOR = 'services/server/src/doctor/main.ts';
const root = mkdtempSync(join(tmpdir(), 'promise-backups-'));
const live = join(root, 'live');
const out = join(root, 'out');
const deskKeyCanary = `DESKKEY${randomBytes(8).toString('hex')}`;
let publicKey = '';
const secretKey = join(root, 'operator.key');

/** Every file under `dir`, relative. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

beforeAll(async () => {
  mkdirSync(join(live, 'secrets'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(live, 'secrets', 'desk.key'), deskKeyCanary, { mode: 0o600 });
  // About 160 MB of log, so that a backup takes long enough to be caught mid-way.
  const store = createSqliteEventStore({ file: join(live, 'events.sqlite') });
  for (let i = 0; i < 160; i++)
    await store.append(`filler-${i % 8}`, [
      {
        id: randomUUID(),
        type: 'Filler',
        data: { bytes: randomBytes(768 * 1024).toString('base64') },
      },
    ]);
  await store.close();
  const made = await runTool(BACKUP, live, ['--keygen', secretKey]);
  expect(made.code, made.stderr).toBe(0);
  publicKey = /BACKUP_PUBLIC_KEY=(\S+)/.exec(made.stdout)![1]!;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The backup tool as a process, once it writes its archive (its snapshot of the log is made). */
async function backupWriting(archive: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: live, BACKUP_PUBLIC_KEY: publicKey };
  delete env['DESK_KEY_FILE'];
  delete env['EVENT_STORE'];
  const child = spawn(process.execPath, ['--import', 'tsx', BACKUP, archive], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  while (!existsSync(`${archive}.part`) && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 2));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

/** The backup tool as a process killed with SIGKILL as soon as its archive is being written. */
async function killedBackup(archive: string): Promise<void> {
  const child = await backupWriting(archive);
  child.kill('SIGKILL');
  await exited(child);
  expect(existsSync(`${archive}.part`), 'the kill came while the archive was being written').toBe(
    true,
  );
}

const logCopies = () =>
  readdirSync(live).filter(
    (name) =>
      name !== 'events.sqlite' && /\.sqlite/.test(name) && !/^events\.sqlite-(wal|shm)$/.test(name),
  );

describe('a backup killed mid-way', () => {
  it('leaves no archive that looks whole, and its copy of the log is gone once the next backup has run', async () => {
    const archive = join(out, 'killed.idb');
    await killedBackup(archive);
    expect(existsSync(archive)).toBe(false);
    const next = await runTool(BACKUP, live, [join(out, 'next.idb')], {
      BACKUP_PUBLIC_KEY: publicKey,
    });
    expect(next.code, next.stderr).toBe(0);
    // A snapshot of the log left in DATA_DIR would keep every report it holds past its purge.
    expect(logCopies()).toEqual([]);
  });
});

describe('what an archive holds', () => {
  it('neither the desk key nor last-backup.json; a restore takes a DATA_DIR that holds only secrets/', async () => {
    const archive = join(out, 'whole.idb');
    const made = await runTool(BACKUP, live, [archive], { BACKUP_PUBLIC_KEY: publicKey });
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(live, 'last-backup.json'))).toBe(true);
    expect(statSync(archive).mode & 0o077).toBe(0);
    const target = join(root, 'restored');
    mkdirSync(join(target, 'secrets'), { recursive: true });
    const restored = await runTool(RESTORE, target, [archive, '--key', secretKey]);
    expect(restored.code, restored.stderr).toBe(0);
    const files = filesUnder(target);
    expect(files).toContain('events.sqlite');
    expect(files.filter((f) => f.startsWith('secrets/') || f === 'last-backup.json')).toEqual([]);
    for (const file of files)
      expect(readFileSync(join(target, file)).includes(deskKeyCanary), file).toBe(false);
    expect(restored.stdout + restored.stderr + made.stdout + made.stderr).not.toContain(
      deskKeyCanary,
    );
  });
});

/** The platform started on `live` (intake only, its read models elsewhere), then stopped. */
async function startAndStop(): Promise<void> {
  const platform = await startPlatform(
    loadConfig(
      {
        DATA_DIR: live,
        ROLE: 'intake',
        INTAKE_PORT: '0',
        READ_MODELS_FILE: join(root, 'read-models.sqlite'),
        LOG_LEVEL: 'warn',
      },
      [],
    ),
    () => undefined,
  );
  await platform.stop();
}

// Last: the platform started on `live` leaves files of its own there.
describe('a copy of the log a killed backup left', () => {
  it('is gone once the platform has started, or the doctor has run, and a running backup keeps its own', async () => {
    await killedBackup(join(out, 'killed-before-start.idb'));
    // A snapshot named by this very process: an id reused (a container restarted), not a backup.
    writeFileSync(join(live, `.backup-snapshot-${process.pid}-0123456789ab.sqlite`), 'copy');
    expect(logCopies().length).toBeGreaterThanOrEqual(2);
    await startAndStop();
    expect(logCopies()).toEqual([]);

    await killedBackup(join(out, 'killed-before-doctor.idb'));
    expect(logCopies()).not.toEqual([]);
    const doctor = await runTool(DOCTOR, live, []);
    expect(doctor.stdout).toMatch(/warning +backup leftovers: removed \d+ files? of a backup/);
    expect(logCopies()).toEqual([]);

    // A backup that runs right now (stopped while it writes its archive) keeps its snapshot
    // through a start and a doctor run, and still finishes a whole archive.
    const archive = join(out, 'running.idb');
    const running = await backupWriting(archive);
    try {
      running.kill('SIGSTOP');
      const own = logCopies();
      expect(own).not.toEqual([]);
      await startAndStop();
      const checked = await runTool(DOCTOR, live, []);
      expect(checked.stdout).toMatch(/ok +backup leftovers/);
      expect(logCopies()).toEqual(own);
    } finally {
      running.kill('SIGCONT');
    }
    expect(await exited(running)).toBe(0);
    expect(existsSync(archive)).toBe(true);
    expect(logCopies()).toEqual([]);
  });
});
