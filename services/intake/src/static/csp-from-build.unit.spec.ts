import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cspFromBuild } from './csp-from-build.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function build(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  dirs.push(dir);
  for (const [path, policy] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(
      join(dir, path),
      `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head></html>`,
    );
  }
  return dir;
}

describe('cspFromBuild', () => {
  it("unions the pages' hashed policies and leaves the desk pages out", () => {
    const dir = build({
      'index.html': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='",
      'report/index.html': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-BBB='",
      'desk/index.html': "default-src 'none'; script-src 'self' 'sha256-DESK='",
    });
    const csp = cspFromBuild(dir);
    expect(csp['script-src']).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "'sha256-AAA='",
      "'sha256-BBB='",
    ]);
    expect(csp['default-src']).toEqual(["'none'"]);
  });

  it('refuses a build whose policy allows unsafe inline script or a remote origin', () => {
    expect(() =>
      cspFromBuild(build({ 'index.html': "script-src 'self' 'unsafe-inline'" })),
    ).toThrow(/unsafe/);
    expect(() => cspFromBuild(build({ 'index.html': 'script-src https://cdn.example' }))).toThrow(
      /remote/,
    );
  });

  it('merges the directives of a csp.json manifest', () => {
    const dir = build({ 'index.html': "script-src 'self'" });
    writeFileSync(
      join(dir, 'csp.json'),
      JSON.stringify({ directives: { 'style-src-attr': ["'unsafe-hashes'", "'sha256-S='"] } }),
    );
    expect(cspFromBuild(dir)['style-src-attr']).toEqual(["'unsafe-hashes'", "'sha256-S='"]);
  });
});
