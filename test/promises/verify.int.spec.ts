/**
 * SECURITY.md, "Pinning the deployment key", 5: `npm run verify -- <intake URL>` exits 0 only
 * when every file of the build is served the same, 1 on any difference or missing file, 2 when
 * it could not compare (unreachable, another commit checked out). Run as a person runs it, against
 * a deployment on a loopback port that serves the front end's build, then misbehaves: a file
 * missing, a file answered with a redirect to other bytes, no manifest, a manifest of another
 * commit. (test/build/frontend-build.int.spec.ts shows an altered file; this is the rest.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readBuildManifest,
  type BuildManifest,
} from '../../services/server/src/frontend/manifest.ts';
import { buildDir, ensureFrontendBuild } from '../e2e/support/frontend-build.ts';
import { runVerify as verify } from '../support/verify-cli.ts';

/** How the deployment answers one path instead of serving the build's file. */
type Misbehaviour = { status: number; headers?: Record<string, string>; body?: string };

let manifest: BuildManifest;
let server: Server;
let url: string;
const misbehave = new Map<string, Misbehaviour>();

beforeAll(async () => {
  ensureFrontendBuild();
  manifest = readBuildManifest(buildDir)!;
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '');
    const odd = misbehave.get(path);
    if (odd) {
      res.writeHead(odd.status, odd.headers).end(odd.body);
      return;
    }
    const file = normalize(join(buildDir, path));
    if (!file.startsWith(buildDir) || !existsSync(file) || path === '') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const aScript = () =>
  Object.keys(manifest.files).find((p) => p.startsWith('_app/immutable/') && p.endsWith('.js'))!;

describe('npm run verify, against a deployment that misbehaves', () => {
  it('exits 0 when every file is served the same', async () => {
    misbehave.clear();
    const result = await verify(url, '--use-build', buildDir);
    expect(result.code, result.out).toBe(0);
  }, 120_000);

  it('exits 1 for a file not served, and for one answered with a redirect to other bytes', async () => {
    const script = aScript();
    misbehave.clear();
    misbehave.set(script, { status: 404 });
    const missing = await verify(url, '--use-build', buildDir);
    expect(missing.code, missing.out).toBe(1);
    expect(missing.out).toContain(script);

    misbehave.clear();
    misbehave.set(script, { status: 302, headers: { location: `${url}/elsewhere.js` } });
    misbehave.set('elsewhere.js', { status: 200, body: 'fetch("https://collector.invalid")' });
    const redirected = await verify(url, '--use-build', buildDir);
    expect(redirected.code, redirected.out).toBe(1);
    expect(redirected.out).toContain(script);
  }, 120_000);

  it('exits 2 when it cannot compare: no deployment, no manifest, another commit, no address', async () => {
    misbehave.clear();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const cases: [string, string[]][] = [
      ['no deployment', [gone]],
      ['no address', []],
    ];
    const unreachable = await Promise.all(cases.map(([, args]) => verify(...args)));
    expect(cases.map(([name], i) => [name, unreachable[i]!.code])).toEqual(
      cases.map(([name]) => [name, 2]),
    );

    misbehave.set('manifest.json', { status: 200, body: '<html>not a manifest</html>' });
    const noManifest = await verify(url);
    expect(noManifest.code, noManifest.out).toBe(2);

    // A manifest of another commit: refused before building anything.
    misbehave.set('manifest.json', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...manifest, commit: 'f'.repeat(40) }),
    });
    const otherCommit = await verify(url);
    expect(otherCommit.code, otherCommit.out).toBe(2);
    expect(otherCommit.out).toContain(`git checkout ${'f'.repeat(40)}`);
  }, 120_000);
});
