import { errorClass } from '@integrity-desk/http';
import { startPeriodic, systemTimers, type Timers } from '@integrity-desk/reports';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { sourceCommit } from '../../../../frontend/scripts/build-identity.js';
import type { FrontendBuildOutcome, FrontendBuildRequest } from './build.ts';
import { readBuildManifest, type BuildManifest } from './manifest.ts';

/** `auto`: rebuild with the deployment key pinned by itself; `off`: the operator pins. */
export type FrontendRebuild = 'auto' | 'off';

export interface PinnedFrontendDeps {
  /** Pinned builds live in `<dataDir>/frontend/builds`, the one served named by `current`. */
  readonly dataDir: string;
  /** The build served while there is no pinned one (frontend/build or STATIC_DIR). */
  readonly fallbackDir: string | undefined;
  /** The deployment's current signing public key, as the deployment settings expose it. */
  readonly deploymentKey: () => Promise<string | undefined>;
  readonly mode: FrontendRebuild;
  readonly build: (request: FrontendBuildRequest) => Promise<FrontendBuildOutcome>;
  readonly log: (line: string) => void;
  /** How often it looks for a (new) deployment key: setup and rotation are noticed so. */
  readonly intervalMs: number;
  readonly timers?: Timers;
  /** The commit the checkout is at (default: git, or SOURCE_COMMIT). */
  readonly commit?: string;
  /** Called once a build this process made is served (the demo prints its sign-in again). */
  readonly onPinned?: () => void;
}

export interface PinnedFrontend {
  /** The build to serve now: intake and desk ask at every request, so a swap is one step. */
  dir(): string | undefined;
  manifest(): BuildManifest | undefined;
  /** Looks at the deployment key now (else every interval) and rebuilds if it must. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/** After a failed build, the next attempt waits this long (or a restart). */
const RETRY_AFTER_FAILURE_MS = 60 * 60_000;

/**
 * Keeps the served front end pinned to the deployment key, with no step an operator must know:
 * before setup the unpinned build is served (and every page and the log say so); once the
 * `deployment` stream holds a signing key (setup, or a later rotation), the front end is rebuilt
 * with it in a child process while the old build keeps serving, into a new directory, which is
 * then served in one step (intake and desk read `dir()` per request) and recorded as `current`
 * for the next start. Several processes sharing DATA_DIR adopt each other's build; if two build
 * at once, the builds are identical (they are reproducible), so it does not matter which wins.
 */
export async function startPinnedFrontend(deps: PinnedFrontendDeps): Promise<PinnedFrontend> {
  const root = join(deps.dataDir, 'frontend');
  const builds = join(root, 'builds');
  const pointer = join(root, 'current');
  const commit = deps.commit ?? sourceCommit().commit;
  let served: { dir: string | undefined; manifest: BuildManifest | undefined } = {
    dir: deps.fallbackDir,
    manifest: readBuildManifest(deps.fallbackDir),
  };
  const abort = new AbortController();
  let failed: { key: string; at: number } | undefined;
  let toldOff = false;

  const pins = (manifest: BuildManifest | undefined, key: string) =>
    manifest?.pinnedDeploymentKey === key && manifest.commit === commit;
  const serve = (dir: string, manifest: BuildManifest, why: string) => {
    served = { dir, manifest };
    deps.log(
      `front end: ${why}; serving ${dir} (commit ${manifest.commit.slice(0, 12)}, deployment key ${manifest.pinnedDeploymentKey?.slice(0, 12)}…, file hashes in its manifest.json)`,
    );
  };
  const recorded = (): string | undefined => {
    try {
      return readlinkSync(pointer);
    } catch {
      return undefined;
    }
  };

  const rebuild = async (key: string): Promise<void> => {
    const outDir = join(builds, `${Date.now()}-${randomBytes(4).toString('hex')}`);
    mkdirSync(builds, { recursive: true });
    deps.log(
      'front end: rebuilding with the deployment key pinned (a child process, about a minute); the current build is served until it is done',
    );
    const started = Date.now();
    const outcome = await deps.build({
      outDir,
      pinnedKey: key,
      signal: abort.signal,
      // Its milestones only (client and prerender bundles, CSP, manifest), not Vite's every line.
      onLine: (line) => {
        if (/built in|^csp\.json:|^manifest\.json:/.test(line))
          deps.log(`front end build: ${line}`);
      },
    });
    const manifest = outcome.ok ? readBuildManifest(outDir) : undefined;
    if (!manifest || manifest.pinnedDeploymentKey !== key) {
      rmSync(outDir, { recursive: true, force: true });
      if (abort.signal.aborted) return;
      failed = { key, at: Date.now() };
      deps.log(
        `front end: THE PINNED BUILD FAILED (exit ${outcome.exit}); still serving the previous build, next attempt in an hour or at restart. Its last lines:\n  ${outcome.tail.join('\n  ')}`,
      );
      return;
    }
    // Recorded for the next start by replacing a symbolic link, which is atomic.
    const link = `${pointer}.${randomBytes(4).toString('hex')}`;
    symlinkSync(outDir, link);
    renameSync(link, pointer);
    const previous = served.dir;
    serve(outDir, manifest, `pinned build ready in ${Math.round((Date.now() - started) / 1000)} s`);
    prune(builds, [outDir, previous]);
    deps.onPinned?.();
  };

  const check = async (mayBuild: boolean): Promise<void> => {
    const key = await deps.deploymentKey().catch(() => undefined);
    if (!key || pins(served.manifest, key)) return;
    // A build from an earlier start is adopted only when the commit is known: an image built
    // without SOURCE_COMMIT cannot tell an upgrade's code from the last one's, so it rebuilds.
    const existing = commit === 'unknown' ? undefined : recorded();
    const manifest = readBuildManifest(existing);
    if (existing && pins(manifest, key)) return serve(existing, manifest!, 'pinned build found');
    if (!mayBuild) return;
    if (deps.mode === 'off') {
      if (!toldOff)
        deps.log(
          'front end: FRONTEND_REBUILD=off and the served build does not pin the deployment key: build one with VITE_DEPLOYMENT_SIGN_PUBLIC_KEY set and serve it (STATIC_DIR)',
        );
      toldOff = true;
      return;
    }
    if (failed?.key === key && Date.now() - failed.at < RETRY_AFTER_FAILURE_MS) return;
    await rebuild(key);
  };

  // At start only a build already made is adopted: the server never waits for a build.
  await check(false).catch(() => undefined);
  if (!served.manifest?.pinnedDeploymentKey) {
    deps.log(
      `front end: THE SERVED BUILD PINS NO DEPLOYMENT KEY: browsers trust whatever key the server announces, and every page says so.${deps.mode === 'auto' ? ' It is rebuilt with the key pinned by itself once setup is done.' : ''}`,
    );
  }
  const work = startPeriodic(
    async () => {
      await check(true).catch((error: unknown) =>
        deps.log(`front end: pinning check failed (${errorClass(error)})`),
      );
    },
    { intervalMs: deps.intervalMs, timers: deps.timers ?? systemTimers, idle: undefined },
  );
  return {
    dir: () => served.dir,
    manifest: () => served.manifest,
    check: () => work.run(),
    async stop() {
      abort.abort();
      await work.stop();
    },
  };
}

/** Removes older builds, keeping `keep` (the one served, and the one pages in flight came from). */
function prune(builds: string, keep: readonly (string | undefined)[]): void {
  if (!existsSync(builds)) return;
  for (const name of readdirSync(builds)) {
    const dir = join(builds, name);
    if (!keep.includes(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
