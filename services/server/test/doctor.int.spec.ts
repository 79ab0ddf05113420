// npm run doctor: each check against real files, real ports and a real SOCKS5 proxy in front of
// a real HTTP server (as Tor stands in front of an onion service), then the command itself on a
// sound set-up (exit 0) and on one with a problem (exit 1, in plain words).
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as checks from '../src/doctor/checks.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
const servers: Server[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-doctor-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const s of servers) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const listening = (server: Server) =>
  new Promise<number>((resolve) => {
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
const closedPort = async () => {
  const server = createServer();
  const port = await listening(server);
  await new Promise((r) => server.close(r));
  return port;
};
const nic = (address: string) => ({
  eth0: [
    {
      address,
      internal: false,
      family: 'IPv4' as const,
      netmask: '255.255.255.0',
      mac: '00:00:00:00:00:00',
      cidr: null,
    },
  ],
});

/** A minimal SOCKS5 proxy (no auth, CONNECT by name): `names` maps a name to a local port. */
function socksProxy(names: Record<string, number>): Promise<number> {
  return listening(
    createServer((client) => {
      client.once('data', () => {
        client.write(Buffer.from([5, 0]));
        client.once('data', (request: Buffer) => {
          const name = request.subarray(5, 5 + request[4]!).toString();
          const port = names[name];
          if (port === undefined) return client.end(Buffer.from([5, 4, 0, 1, 0, 0, 0, 0, 0, 0]));
          const upstream = connect(port, '127.0.0.1', () => {
            client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
            client.pipe(upstream).pipe(client);
          });
        });
      });
    }),
  );
}

describe('doctor checks', () => {
  it('desk address: loopback and private addresses pass; every address with a public one, or a public one, is a problem', () => {
    expect(checks.deskExposure('127.0.0.1', {}).status).toBe('ok');
    expect(checks.deskExposure('10.8.0.2', {}).status).toBe('ok');
    expect(checks.deskExposure('0.0.0.0', nic('192.168.1.20')).status).toBe('warning');
    const open = checks.deskExposure('0.0.0.0', nic('203.0.113.9'));
    expect(open.status).toBe('problem');
    expect(open.says).toContain('203.0.113.9');
    expect(checks.deskExposure('198.51.100.7', {}).status).toBe('problem');
  });

  it('TRUST_PROXY: a problem when intake is reached directly or no proxy answers; fine when one does', async () => {
    const proxy = await listening(createServer((s) => s.end()));
    expect((await checks.trustProxy(false, '127.0.0.1', [proxy])).status).toBe('ok');
    expect((await checks.trustProxy(true, '127.0.0.1', [proxy])).status).toBe('ok');
    const none = await checks.trustProxy(true, '127.0.0.1', [await closedPort()]);
    expect(none.status).toBe('problem');
    expect(none.says).toMatch(/no reverse proxy answers/);
    expect((await checks.trustProxy(true, '0.0.0.0', [proxy])).status).toBe('problem');
  });

  it('desk key file: readable by others is a problem; owner only passes; a named file missing is a problem', () => {
    const dir = tmp();
    const file = join(dir, 'desk.key');
    writeFileSync(file, 'a'.repeat(64));
    chmodSync(file, 0o644);
    const loose = checks.keyFile(file, true);
    expect(loose.status).toBe('problem');
    expect(loose.says).toContain(`chmod 600 ${file}`);
    chmodSync(file, 0o600);
    expect(checks.keyFile(file, true).status).toBe('ok');
    expect(checks.keyFile(join(dir, 'missing.key'), true).status).toBe('problem');
    expect(checks.keyFile(join(dir, 'missing.key'), false).status).toBe('warning');
  });

  it('free disk: measured under DATA_DIR against the floor', () => {
    const dir = tmp();
    expect(checks.freeDisk(dir, 0).says).toMatch(/GiB free \(\d+%\) under/);
    expect(checks.freeDisk(dir, 0).status).not.toBe('problem');
    expect(checks.freeDisk(dir, 1024 ** 3).status).toBe('problem');
    expect(checks.freeDisk(join(dir, 'nowhere'), 0).status).toBe('problem');
  });

  it('Tor onion service: /healthz through a SOCKS5 proxy; a name the proxy cannot reach is a problem; unset is skipped', async () => {
    const intake = await listening(
      createHttpServer((req, res) =>
        res.writeHead(req.url === '/healthz' ? 200 : 404).end(),
      ) as unknown as Server,
    );
    const onionName = 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvw.onion';
    const socks = await socksProxy({ [onionName]: intake });
    const at = { host: '127.0.0.1', port: socks };
    expect((await checks.onion(onionName, at)).status).toBe('ok');
    expect((await checks.onion('elsewhere.onion', at)).status).toBe('problem');
    const noTor = await checks.onion(onionName, { host: '127.0.0.1', port: await closedPort() });
    expect(noTor.status).toBe('problem');
    expect(noTor.says).toMatch(/is tor running/);
    expect((await checks.onion(undefined, at)).status).toBe('skipped');
  });

  it('front end pinned: the build DATA_DIR/frontend/current names, else the fallback', () => {
    const dataDir = tmp();
    const build = (pinned: string | null) => {
      const dir = tmp();
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          version: 1,
          commit: 'c'.repeat(40),
          dirty: false,
          pinnedDeploymentKey: pinned,
          files: {},
        }),
      );
      return dir;
    };
    expect(checks.frontendPinned(dataDir, build(null)).status).toBe('problem');
    expect(checks.frontendPinned(dataDir, undefined).status).toBe('problem');
    mkdirSync(join(dataDir, 'frontend'));
    symlinkSync(build('KEY'.repeat(10)), join(dataDir, 'frontend', 'current'));
    expect(checks.frontendPinned(dataDir, build(null)).status).toBe('ok');
  });

  it('backups: DATA_DIR/last-backup.json, as npm run backup writes it, not older than the limit', () => {
    const dataDir = tmp();
    const now = new Date('2026-12-05T04:00:00Z');
    expect(checks.backupRecent(dataDir, 26, now).status).toBe('problem');
    const wrote = (finishedAt: string) =>
      writeFileSync(
        join(dataDir, 'last-backup.json'),
        JSON.stringify({ finishedAt, archive: '/b.idb' }),
      );
    wrote('2026-12-04T22:00:00Z');
    expect(checks.backupRecent(dataDir, 26, now)).toMatchObject({
      status: 'ok',
      says: expect.stringContaining('6 h ago'),
    });
    wrote('2026-12-03T22:00:00Z');
    expect(checks.backupRecent(dataDir, 26, now).status).toBe('problem');
  });
});

describe('npm run doctor', () => {
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'doctor'], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });

  it('exits 0 on a sound set-up and 1 naming the problem when the key file is readable by others', async () => {
    const dataDir = tmp();
    mkdirSync(join(dataDir, 'secrets'));
    const key = join(dataDir, 'secrets', 'desk.key');
    writeFileSync(key, 'b'.repeat(64), { mode: 0o600 });
    const build = tmp();
    writeFileSync(
      join(build, 'manifest.json'),
      JSON.stringify({
        version: 1,
        commit: 'c'.repeat(40),
        dirty: false,
        pinnedDeploymentKey: 'K'.repeat(43),
        files: {},
      }),
    );
    writeFileSync(
      join(dataDir, 'last-backup.json'),
      JSON.stringify({ finishedAt: new Date().toISOString() }),
    );
    const env = { DATA_DIR: dataDir, STATIC_DIR: build, DOCTOR_MIN_FREE_MIB: '0' };
    const sound = await run(env);
    expect(sound.out).toContain('doctor: no problem found');
    expect(sound.code, sound.out).toBe(0);
    chmodSync(key, 0o640);
    const loose = await run(env);
    expect(loose.out).toMatch(/PROBLEM {2}desk key file: .* can be read by others \(mode 640\)/);
    expect(loose.out).toContain('doctor: 1 problem to fix');
    expect(loose.code).toBe(1);
  }, 60_000);
});
