// The front-end build the browser tests load. If frontend/build is missing (a fresh clone, as
// in .ci/run), the first spec file to get here builds it (about 20 s) while the others wait on a
// lock directory, since vitest runs spec files in parallel. An existing build is used as is:
// run `npm run build` after changing the front end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const buildDir = fileURLToPath(new URL('../../../frontend/build', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const lockDir = fileURLToPath(new URL('../../../frontend/.build-lock', import.meta.url));

export interface CspManifest {
  version: 1;
  pages: Record<string, { file: string; group: 'whistleblower' | 'desk'; header: string }>;
  groups: Record<'whistleblower' | 'desk', { pages: string[]; header: string }>;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureFrontendBuild(): CspManifest {
  const manifest = `${buildDir}/csp.json`;
  for (let waited = 0; !existsSync(manifest); waited += 500) {
    try {
      mkdirSync(lockDir);
    } catch {
      // Another spec file is building: wait for it (at most three minutes).
      if (waited > 180_000) {
        throw new Error(`timed out waiting for the front-end build (remove ${lockDir} if stale)`);
      }
      sleep(500);
      continue;
    }
    try {
      if (!existsSync(manifest)) {
        execFileSync('npm', ['run', 'build', '-w', 'frontend'], { cwd: repoRoot, stdio: 'ignore' });
      }
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
  return JSON.parse(readFileSync(manifest, 'utf8')) as CspManifest;
}
