// The front-end build, built for real (a child process running Vite, about 20 s each here, a
// minute or more under load): two builds of one commit with one pinned key are byte for byte the
// same, and the manifest each writes tells the truth about its files. These builds are the
// slowest tests of the suite; this file is where any other test that needs one belongs.
import { readBuildManifest, repositoryRoot, runFrontendBuild } from '@integrity-desk/server';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BUILD_MS = 600_000;
const root = mkdtempSync(join(tmpdir(), 'integrity-desk-builds-'));
const pinnedKey = randomBytes(32).toString('base64url');

afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

async function build(name: string): Promise<string> {
  const outDir = join(root, name);
  const outcome = await runFrontendBuild({ outDir, pinnedKey });
  expect(outcome, outcome.tail.join('\n')).toMatchObject({ ok: true });
  return outDir;
}

describe('front-end build', () => {
  it(
    'two builds of one commit with one pinned key are byte-identical, and the manifest says what they hold',
    async () => {
      const first = await build('first');
      const second = await build('second');
      const a = readBuildManifest(first)!;
      const b = readBuildManifest(second)!;
      expect(a.pinnedDeploymentKey).toBe(pinnedKey);
      expect(a.commit).toMatch(/^[0-9a-f]{40}$|^unknown$/);
      expect(b).toEqual(a);
      // Every file on disk is in the manifest with its real hash (the manifest itself aside).
      for (const dir of [first, second]) {
        const onDisk = filesOf(dir)
          .map((file) => relative(dir, file).split(sep).join('/'))
          .filter((path) => path !== 'manifest.json')
          .sort();
        expect(onDisk).toEqual(Object.keys(a.files).sort());
        for (const path of onDisk) {
          const bytes = readFileSync(join(dir, path));
          expect(createHash('sha256').update(bytes).digest('hex'), path).toBe(a.files[path]);
          // Nothing in it names where it was built: another checkout must get the same bytes.
          expect(bytes.includes(repositoryRoot), path).toBe(false);
          expect(bytes.includes(root), path).toBe(false);
        }
      }
      // The key is in the code the browser runs, not only in the manifest.
      const withKey = Object.keys(a.files).filter(
        (path) => path.endsWith('.js') && readFileSync(join(first, path)).includes(pinnedKey),
      );
      expect(withKey.length).toBeGreaterThan(0);
    },
    2 * BUILD_MS,
  );
});
