import { describe, expect, it } from 'vitest';
import type { BuildManifest } from '../frontend/manifest.ts';
import { compareServed, printComparison, type Served } from './compare.ts';

const hash = (c: string) => c.repeat(64);
const local: BuildManifest = {
  version: 1,
  commit: 'a'.repeat(40),
  dirty: false,
  pinnedDeploymentKey: 'key',
  files: {
    'index.html': hash('1'),
    '_app/immutable/entry/start.js': hash('2'),
    'desk.html': hash('3'),
    'desk/admin.html': hash('4'),
  },
};
const same = (path: string): [string, Served] => [path, { status: 200, sha256: local.files[path] }];

describe('compareServed', () => {
  it('is ok when every file is served the same and desk pages are not served by intake', () => {
    const served = new Map<string, Served>([
      same('index.html'),
      same('_app/immutable/entry/start.js'),
      ['desk.html', { status: 404, sha256: undefined }],
      ['desk/admin.html', { status: 404, sha256: undefined }],
    ]);
    const result = compareServed(local, served);
    expect(result.ok).toBe(true);
    expect(printComparison(result).at(-1)).toMatch(/^OK: all 2 files .* \(2 desk pages/);
  });

  it('names a file served with other bytes, one not served, and a desk page served altered', () => {
    const served = new Map<string, Served>([
      ['index.html', { status: 200, sha256: hash('f') }],
      ['_app/immutable/entry/start.js', { status: 404, sha256: undefined }],
      ['desk.html', { status: 200, sha256: hash('e') }],
      same('desk/admin.html'),
    ]);
    const result = compareServed(local, served);
    expect(result.ok).toBe(false);
    const lines = printComparison(result);
    expect(lines).toContain(
      `  DIFFERENT  index.html  (expected ${hash('1').slice(0, 16)}…, served ${hash('f').slice(0, 16)}…)`,
    );
    expect(lines).toContain('  MISSING    _app/immutable/entry/start.js  (answered 404)');
    expect(lines.some((l) => l.startsWith('  DIFFERENT  desk.html'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^NOT THE SAME: 2 file\(s\) differ and 1 are missing/);
  });

  it('counts a file the deployment could not be asked for as missing', () => {
    const result = compareServed(local, new Map([same('index.html')]));
    expect(result.ok).toBe(false);
    expect(result.files.find((f) => f.path === 'desk.html')?.verdict).toBe('missing');
  });
});
