import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('npm start (the composition root as a real process)', () => {
  it('opens the embedded store under DATA_DIR, prints where it listens, and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-start-'));
    // What npm start runs: its prestart bundles the services, and plain Node runs the bundle.
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['prestart']).toContain('node scripts/bundle-server.mjs');
    expect(scripts['start']).toBe('node services/server/dist/main.mjs');
    execFileSync(process.execPath, ['scripts/bundle-server.mjs'], { cwd: ROOT });
    try {
      const child = spawn(process.execPath, ['services/server/dist/main.mjs'], {
        cwd: ROOT,
        // The production level, whatever the shell says: the check below reads every line.
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          INTAKE_PORT: '0',
          DESK_PORT: '0',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      const urls = await new Promise<Record<string, string>>((resolve, reject) => {
        const found: Record<string, string> = {};
        const timer = setTimeout(
          () => reject(new Error(`no listen lines: ${lines.join('\n')}`)),
          20_000,
        );
        child.on('exit', (code) =>
          reject(new Error(`exited early (${code}): ${lines.join('\n')}`)),
        );
        createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          const m = /^(intake|desk) .* listening on (http:\/\/\S+)$/.exec(line);
          if (m) found[m[1]!] = m[2]!;
          if (found['intake'] && found['desk']) {
            clearTimeout(timer);
            resolve(found);
          }
        });
      });
      for (const url of Object.values(urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // Intake answers deployment info; before setup there is no channel and no crypto yet.
      const info = await fetch(`${urls['intake']}/api/v1/deployment`);
      expect(info.status).toBe(200);
      expect(await info.json()).toMatchObject({ channels: [], crypto: null, demo: false });
      // The bundle finds the checkout's front end (from dist/ as from src/).
      if (existsSync(join(ROOT, 'frontend', 'build', 'csp.json')))
        expect((await fetch(`${urls['intake']}/`)).status).toBe(200);
      // A supervisor's view of both services: alive and ready (storage, log, projections).
      for (const url of Object.values(urls)) {
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        const ready = await fetch(`${url}/readyz`);
        expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
      }
      // Desk is in first-run mode and printed a one-time setup token.
      const setup = await fetch(`${urls['desk']}/api/setup`);
      expect(await setup.json()).toEqual({ needed: true });
      expect(lines.some((l) => /setup token \S{16,}/.test(l))).toBe(true);
      // The build it serves pins no deployment key yet (none exists before setup): it says so.
      expect(lines.some((l) => l.includes('THE SERVED BUILD PINS NO DEPLOYMENT KEY'))).toBe(true);
      // Logs carry no request detail: no query strings, no addresses beyond the listen lines.
      // Intake writes no line when it answers a request (hourly counts only, see the request log
      // spec): nothing about the request above leaves the process now.
      await new Promise((r) => setTimeout(r, 300));
      expect(lines.filter((l) => l.includes('"route"'))).toEqual([]);
      expect(
        lines.filter((l) => l.includes('127.0.0.1')).every((l) => /listening on|first run/.test(l)),
      ).toBe(true);
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
      // The desk's server key is made beside, not inside, the event log.
      expect(existsSync(join(dataDir, 'secrets', 'desk.key'))).toBe(true);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad configuration with a message naming the setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('ESDB_CONNECTION_STRING');
  });
});

describe('persistent server secrets', () => {
  it('are made once with owner-only permissions and read back unchanged', async () => {
    const { persistentSecret } = await import('../src/secrets.ts');
    const { statSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'idesk-secret-'));
    try {
      const file = join(dir, 'secrets', 'k.key');
      const first = persistentSecret(file);
      expect(first).toHaveLength(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(persistentSecret(file)).equals(Buffer.from(first))).toBe(true);
      writeFileSync(file, 'short');
      expect(() => persistentSecret(file)).toThrow(/damaged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the desk server key', () => {
  it('DESK_KEY_FILE names a file the operator provides: raw or hex, never created', async () => {
    const { readSecretFile } = await import('../src/secrets.ts');
    const { loadConfig } = await import('../src/config.ts');
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'idesk-key-'));
    try {
      const file = join(dir, 'desk.key');
      expect(() => readSecretFile(file)).toThrow(/does not exist.*openssl rand -hex 32/);
      expect(existsSync(file)).toBe(false);
      const key = Buffer.alloc(32, 9);
      writeFileSync(file, key);
      expect(Buffer.from(readSecretFile(file)).equals(key)).toBe(true);
      writeFileSync(file, `${key.toString('hex')}\n`);
      expect(Buffer.from(readSecretFile(file)).equals(key)).toBe(true);
      writeFileSync(file, 'f'.repeat(63));
      expect(() => readSecretFile(file)).toThrow(/damaged/);
      expect(loadConfig({ DESK_KEY_FILE: file, DATA_DIR: dir }, []).deskKey).toEqual({
        kind: 'provided',
        file,
      });
      expect(loadConfig({ DATA_DIR: dir }, []).deskKey).toEqual({
        kind: 'generated',
        file: join(dir, 'secrets', 'desk.key'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
