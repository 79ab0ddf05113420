import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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
function start(dataDir: string, args: string[]): Started {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'services/server/src/main.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, INTAKE_PORT: '0', DESK_PORT: '0' },
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
