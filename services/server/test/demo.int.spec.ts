import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { unlockVaultWithPassword } from '@integrity-desk/protocol';
import { createNodeBackend } from '@integrity-desk/protocol/node';
import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** A front-end build in a child process: about 20 s here, minutes on a loaded machine. */
const BUILD_MS = 480_000;

interface Started {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already printed or to come) that matches. */
  line(pattern: RegExp, ms: number): Promise<string>;
  stop(): Promise<void>;
}

/** `npm start` as a newcomer runs it (main.ts in its own process), on loopback ports. */
function start(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'services/server/src/main.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, INTAKE_PORT: '0', DESK_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const wake of waiting) wake();
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
    for (const wake of waiting) wake();
  });
  return {
    child,
    lines,
    line: (pattern, ms) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(look);
          reject(new Error(`no line ${pattern}: ${lines.join('\n')}`));
        }, ms);
        const look = () => {
          const found = lines.find((l) => pattern.test(l));
          if (!found && !exited) return;
          clearTimeout(timer);
          waiting.delete(look);
          if (found) resolve(found);
          else reject(new Error(`exited: ${lines.join('\n')}`));
        };
        waiting.add(look);
        look();
      }),
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    },
  };
}

describe('npm start -- --demo (a newcomer evaluating the platform)', () => {
  it('the first TOTP code an authenticator shows once the sign-in is printed signs in; started again without --demo, it still says it is a demonstration', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-demo-'));
    // No pinned rebuild: this test is about the sign-in, not the front end.
    const quick = { FRONTEND_REBUILD: 'off' };
    let server = start(dataDir, ['--demo'], quick);
    try {
      await server.line(/^\s+channel:/, 110_000);
      const field = (name: string) =>
        server.lines
          .find((l) => l.includes(`${name}:`))!
          .split(/:\s+/)[1]!
          .split(' ')[0]!;
      const desk = server.lines.find((l) => l.startsWith('desk'))!.split(' listening on ')[1]!;
      // What a newcomer does at once: the code the authenticator shows now.
      const code = new TOTP({ secret: field('TOTP secret') }).generate();
      const call = (path: string, body: unknown) =>
        fetch(`${desk}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-integrity-desk': '1', origin: desk },
          body: JSON.stringify(body),
        });
      const handle = field('handle');
      const kdf = (await (await call('/api/session/kdf', { handle })).json()) as Parameters<
        typeof unlockVaultWithPassword
      >[1];
      const backend = await createNodeBackend();
      const { loginSecret } = await unlockVaultWithPassword(backend, kdf, field('password'));
      const signIn = await call('/api/session', { handle, loginSecret, totp: code });
      expect(signIn.status, await signIn.text()).toBeLessThan(300);

      await server.stop();
      server = start(dataDir, [], quick);
      await server.line(/^desk .* listening on/, 60_000);
      expect(server.lines.join('\n')).toMatch(/THIS DEPLOYMENT IS A DEMONSTRATION/);
      const again = (name: string) =>
        server.lines.find((l) => l.startsWith(name))!.split(' listening on ')[1]!;
      for (const service of ['intake', 'desk']) {
        const info = await fetch(`${again(service)}/api/v1/deployment`);
        expect(((await info.json()) as { demo: boolean }).demo, service).toBe(true);
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 200_000);

  it(
    'seeds one channel and one investigator through the real desk API and marks itself a demonstration; the setup ends with a pinned front end',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'idesk-demo-'));
      let server = start(dataDir, ['--demo']);
      try {
        await server.line(/^\s+channel:/, 110_000);
        const lines = server.lines;
        const url = (name: string) =>
          lines.find((l) => l.startsWith(name))!.split(' listening on ')[1]!;
        expect(lines.find((l) => l.includes('password:'))).toMatch(/password:\s+\S{12,}/);
        expect(lines.find((l) => l.includes('TOTP secret:'))).toMatch(/[A-Z2-7]{16,}/);

        const info = (await (await fetch(`${url('intake')}/api/v1/deployment`)).json()) as {
          demo: boolean;
          channels: { name: string; recipients: unknown }[];
          crypto: { receiptKdf: { salt: string }; deploymentSignPublicKey: string } | null;
        };
        expect(info.demo).toBe(true);
        expect(info.channels).toHaveLength(1);
        expect(info.channels[0]!.recipients).toBeTruthy();
        expect(info.crypto?.receiptKdf.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
        const deskInfo = (await (await fetch(`${url('desk')}/api/v1/deployment`)).json()) as {
          demo: boolean;
        };
        expect(deskInfo.demo).toBe(true);
        expect(await (await fetch(`${url('desk')}/api/setup`)).json()).toEqual({ needed: false });
        // npm test builds the front end first; the desk serves its pages from that build.
        expect(
          existsSync(join(ROOT, 'frontend', 'build', 'csp.json')),
          'run npm run build first',
        ).toBe(true);
        {
          const page = await fetch(`${url('desk')}/desk`);
          expect(page.status).toBe(200);
          expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
          expect((await fetch(`${url('desk')}/favicon.svg`)).status).toBe(200);
          // The desk never serves the whistleblower pages, and intake never the desk pages.
          expect((await fetch(`${url('desk')}/report`)).status).toBe(404);
          expect((await fetch(`${url('intake')}/desk`)).status).toBe(404);
        }

        // Pinning by itself. Until the rebuild is done the unpinned build serves, and the log says
        // so (its pages' banner: whistleblower-pages.e2e.spec.ts; the rebuild may be done already).
        const key = info.crypto!.deploymentSignPublicKey;
        expect(lines.some((l) => l.includes('THE SERVED BUILD PINS NO DEPLOYMENT KEY'))).toBe(true);
        await server.line(/front end: pinned build ready/, BUILD_MS);
        // Its progress went to the log, from the child process.
        expect(
          lines.some((l) =>
            /^front end build: manifest\.json: \d+ files, deployment key pinned$/.test(l),
          ),
        ).toBe(true);
        await expectPinned(url('intake'), url('desk'), key);

        // `npm start` again on the set-up deployment: the pinned build is served from the start,
        // without building again.
        await server.stop();
        server = start(dataDir, []);
        await server.line(/^desk .* listening on/, 60_000);
        expect(server.lines.some((l) => l.includes('front end: pinned build found'))).toBe(true);
        expect(server.lines.some((l) => l.includes('PINS NO DEPLOYMENT KEY'))).toBe(false);
        const again = (name: string) =>
          server.lines.find((l) => l.startsWith(name))!.split(' listening on ')[1]!;
        await expectPinned(again('intake'), again('desk'), key);
        expect(server.lines.some((l) => l.includes('rebuilding'))).toBe(false);
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    150_000 + BUILD_MS,
  );
});

/** The served build pins `key`: its manifest says so, its code holds it, no page warns. */
async function expectPinned(intake: string, desk: string, key: string): Promise<void> {
  const manifest = (await (await fetch(`${intake}/manifest.json`)).json()) as {
    pinnedDeploymentKey: string | null;
    files: Record<string, string>;
  };
  expect(manifest.pinnedDeploymentKey).toBe(key);
  // The desk serves the same manifest for its admin page.
  expect(await (await fetch(`${desk}/manifest.json`)).json()).toEqual(manifest);
  const scripts = Object.keys(manifest.files).filter((p) => p.endsWith('.js'));
  const bodies = await Promise.all(
    scripts.map(async (p) => (await fetch(`${intake}/${p}`)).text()),
  );
  expect(bodies.some((body) => body.includes(key))).toBe(true);
  const page = await fetch(`${intake}/`);
  const landing = await page.text();
  expect(landing).not.toContain('unpinned-banner');
  // The CSP header follows the build swapped in: its start-up script's hash, not the old one's.
  const hashes = /content-security-policy" content="([^"]*)"/
    .exec(landing)![1]!
    .match(/sha256-[A-Za-z0-9+/=]+/g)!;
  expect(hashes.length).toBeGreaterThan(0);
  for (const hash of hashes) expect(page.headers.get('content-security-policy')).toContain(hash);
  expect(await (await fetch(`${desk}/desk`)).text()).not.toContain('unpinned-banner');
}
