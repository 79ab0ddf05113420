// The front-end build the browser tests load. If frontend/build is missing (a fresh clone), it
// is built once here (about 15 s); .ci/run builds it beforehand anyway.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const buildDir = fileURLToPath(new URL('../../../frontend/build', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface CspManifest {
  version: 1;
  pages: Record<string, { file: string; group: 'whistleblower' | 'desk'; header: string }>;
  groups: Record<'whistleblower' | 'desk', { pages: string[]; header: string }>;
}

export function ensureFrontendBuild(): CspManifest {
  if (!existsSync(`${buildDir}/csp.json`)) {
    execFileSync('npm', ['run', 'build', '-w', 'frontend'], { cwd: repoRoot, stdio: 'ignore' });
  }
  return JSON.parse(readFileSync(`${buildDir}/csp.json`, 'utf8')) as CspManifest;
}
