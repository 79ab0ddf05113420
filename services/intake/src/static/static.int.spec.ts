import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, type Harness } from '../test-support/harness.ts';

const build = mkdtempSync(join(tmpdir(), 'build-'));
const page = (hash: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval' '${hash}'"></head><body>page</body></html>`;

let h: Harness;
beforeAll(async () => {
  writeFileSync(join(build, 'index.html'), page('sha256-HOME='));
  writeFileSync(join(build, 'report.html'), page('sha256-REPORT='));
  mkdirSync(join(build, 'report'));
  writeFileSync(join(build, 'report', 'evidence.html'), page('sha256-EVIDENCE='));
  writeFileSync(join(build, 'desk.html'), page('sha256-DESK='));
  mkdirSync(join(build, '_app', 'immutable'), { recursive: true });
  writeFileSync(join(build, '_app', 'immutable', 'start.js'), 'console.log(1)');
  h = await startIntake({ deps: { staticDir: build } });
});
afterAll(async () => {
  await h.close();
  rmSync(build, { recursive: true, force: true });
});

describe('whistleblower pages', () => {
  it("serves the build's whistleblower pages with one CSP built from their hashes", async () => {
    for (const path of ['/', '/report', '/report/evidence']) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('page');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("'sha256-HOME='");
      expect(csp).toContain("'sha256-EVIDENCE='");
      expect(csp).toContain("'wasm-unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('DESK');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves hashed assets and never the desk pages', async () => {
    expect((await fetch(`${h.url}/_app/immutable/start.js`)).status).toBe(200);
    expect((await fetch(`${h.url}/desk`)).status).toBe(404);
    expect((await fetch(`${h.url}/desk.html`)).status).toBe(404);
    expect((await fetch(`${h.url}/../package.json`)).status).toBe(404);
  });

  it('still answers the API', async () => {
    expect((await fetch(`${h.url}/api/v1/pow`)).status).toBe(200);
  });
});
