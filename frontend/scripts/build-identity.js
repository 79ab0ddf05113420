// What a front-end build is made of, beyond its source files: the commit it was built from and
// the deployment key it pins. Both feed the build's version name and its manifest, and nothing
// else that varies (no clock, no absolute path), so two builds of one commit with one pinned key
// are byte for byte the same and anyone can rebuild and compare (npm run verify).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const frontend = fileURLToPath(new URL('..', import.meta.url));

/** The deployment signing public key to pin (base64url), or undefined for an unpinned build. */
export function pinnedKey() {
  const key = process.env.VITE_DEPLOYMENT_SIGN_PUBLIC_KEY;
  return key && key.length > 0 ? key : undefined;
}

/**
 * The source commit: SOURCE_COMMIT when set (an image built without .git), else git's HEAD with
 * `dirty` when the checkout has uncommitted changes (its build need not match the commit's).
 */
export function sourceCommit() {
  if (process.env.SOURCE_COMMIT) return { commit: process.env.SOURCE_COMMIT, dirty: false };
  try {
    const git = (...args) =>
      execFileSync('git', args, {
        cwd: frontend,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain').length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** Kit's version name (default: the clock) from the commit and the key, so it repeats. */
export function versionName() {
  return createHash('sha256')
    .update(`${sourceCommit().commit}\n${pinnedKey() ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

/** Where the build goes: FRONTEND_BUILD_DIR (the server's rebuilds), else frontend/build. */
export function buildDir() {
  return process.env.FRONTEND_BUILD_DIR ?? fileURLToPath(new URL('../build', import.meta.url));
}
