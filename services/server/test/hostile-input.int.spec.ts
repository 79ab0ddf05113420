/**
 * Requests that once ended the whole process (issue 13, finding 1), against the real platform
 * (ROLE=all: intake and desk in one process, as `npm start` runs them) over a front-end build on
 * disk. Each must get an answer below 500, and both services must still answer afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startPlatform, type Platform } from '../src/platform.ts';
import { fakeBuild } from './support/fake-build.ts';

/** A raw request: the path goes on the wire byte for byte (fetch would normalise it). */
export function rawStatus(base: string, method: string, path: string): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.end();
  });
}

const crashing = [
  '/_app/%E0%A4%A',
  '/_app/%',
  '/_app/immutable/%ff',
  '/_app/',
  '/_app/immutable',
  '/_app/immutable/',
  '/_app/immutable/entry',
  '/_app/%2e%2e/csp.json',
  '/_app/..%2f..%2fpackage.json',
  `/_app/${'a/'.repeat(2000)}`,
  '/%',
  '/report/%',
  '/%E0%A4%A',
  '/report/',
];

let dataDir: string;
let build: string;
let platform: Platform;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'idesk-hostile-'));
  build = fakeBuild();
  platform = await startPlatform(
    loadConfig(
      {
        DATA_DIR: dataDir,
        STATIC_DIR: build,
        ROLE: 'all',
        INTAKE_PORT: '0',
        DESK_PORT: '0',
        LOG_LEVEL: 'error',
      },
      [],
    ),
    () => undefined,
  );
});
afterAll(async () => {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(build, { recursive: true, force: true });
});

describe('hostile paths on both static handlers', () => {
  it('answers every one below 500 on the desk and on intake, and both keep serving', async () => {
    const answers: string[] = [];
    for (const base of [platform.urls.desk!, platform.urls.intake!])
      for (const method of ['GET', 'HEAD'])
        for (const path of crashing) {
          const status = await rawStatus(base, method, path);
          if (status >= 500) answers.push(`${status} ${method} ${path}`);
        }
    expect(answers).toEqual([]);
    expect(await rawStatus(platform.urls.desk!, 'GET', '/_app/immutable/entry/start.js')).toBe(200);
    expect(await rawStatus(platform.urls.intake!, 'GET', '/_app/immutable/entry/start.js')).toBe(
      200,
    );
    expect(await rawStatus(platform.urls.desk!, 'GET', '/desk/audit')).toBe(200);
    expect((await fetch(`${platform.urls.intake!}/api/v1/deployment`)).status).toBe(200);
  });

  it('never serves a desk page on intake, nor anything outside _app on the desk, through an encoded path', async () => {
    for (const path of ['/_app/%2e%2e/desk.html', '/_app/..%2fdesk.html', '/%64esk.html'])
      expect(await rawStatus(platform.urls.intake!, 'GET', path), path).toBe(404);
    expect(await rawStatus(platform.urls.intake!, 'GET', '/_app/%2e%2e/desk/audit.html')).toBe(404);
    for (const path of ['/_app/%2e%2e/csp.json', '/_app/..%2fcsp.json', '/_app/%2e%2e/desk.html'])
      expect(await rawStatus(platform.urls.desk!, 'GET', path), path).toBe(404);
  });
});

describe('deeply nested JSON on intake', () => {
  it('answers 400 problem JSON before parsing', async () => {
    for (const path of ['/api/v1/reports', '/api/v1/session/challenge', '/api/v1/session']) {
      const res = await fetch(`${platform.urls.intake!}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"envelope":${'['.repeat(1_500)}${']'.repeat(1_500)}}`,
      });
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
