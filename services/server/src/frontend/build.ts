import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this server runs from: the front end is rebuilt from its sources. */
export const repositoryRoot = findRoot(fileURLToPath(new URL('.', import.meta.url)));

/**
 * The folder holding frontend/svelte.config.js, above this file: src/frontend from the sources,
 * dist/ from the bundle `npm start` runs (scripts/bundle-server.mjs).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'frontend', 'svelte.config.js'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../../../..');
  }
}

export interface FrontendBuildRequest {
  /** A new, empty directory: the build's output (never the one being served). */
  readonly outDir: string;
  /** The deployment signing public key to pin; undefined builds an unpinned front end. */
  readonly pinnedKey: string | undefined;
  /** The commit to record (SOURCE_COMMIT); default: the checkout's, as the build finds it. */
  readonly sourceCommit?: string;
  /** Called with every line the build prints (progress for the server log). */
  readonly onLine?: (line: string) => void;
  /** Ends the build early (the server stopping). */
  readonly signal?: AbortSignal;
}

export interface FrontendBuildOutcome {
  readonly ok: boolean;
  /** The build's exit code, or the signal that ended it. */
  readonly exit: string;
  /** Its last lines, to say why a failed build failed. */
  readonly tail: readonly string[];
}

/**
 * Builds the front end in a child process (`npm run build -w frontend`), never on the server's
 * event loop, into `outDir`. Kit's and Vite's working files go to a directory of their own
 * under frontend/.rebuild (it must sit inside the checkout, where node_modules resolves),
 * removed afterwards, so a rebuild never touches frontend/build or another build's files.
 */
export function runFrontendBuild(request: FrontendBuildRequest): Promise<FrontendBuildOutcome> {
  const work = join(repositoryRoot, 'frontend', '.rebuild', randomBytes(6).toString('hex'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // A production build whatever the server runs under (a test runner sets NODE_ENV=test, and
    // Svelte's development output names the working directory, which differs per build).
    NODE_ENV: 'production',
    FRONTEND_BUILD_DIR: request.outDir,
    FRONTEND_WORK_DIR: work,
    VITE_DEPLOYMENT_SIGN_PUBLIC_KEY: request.pinnedKey ?? '',
    ...(request.sourceCommit && { SOURCE_COMMIT: request.sourceCommit }),
  };
  const tail: string[] = [];
  return new Promise((done) => {
    const child = spawn('npm', ['run', 'build', '--silent', '-w', 'frontend'], {
      cwd: repositoryRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own: stopping ends npm, the shell and Vite together.
      detached: true,
    });
    const stop = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    if (request.signal?.aborted) stop();
    request.signal?.addEventListener('abort', stop, { once: true });
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        const trimmed = line.trimEnd();
        if (!trimmed) continue;
        tail.push(trimmed);
        if (tail.length > 20) tail.shift();
        request.onLine?.(trimmed);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let finished = false;
    const finish = (ok: boolean, exit: string) => {
      if (finished) return;
      finished = true;
      request.signal?.removeEventListener('abort', stop);
      rmSync(work, { recursive: true, force: true });
      done({ ok, exit, tail });
    };
    child.on('error', (error) => finish(false, error.name));
    child.on('close', (code, signal) => finish(code === 0, signal ?? String(code)));
  });
}
