// The server's pinning of the front end, with a stand-in for the (slow) build: the real one runs
// in services/server/test/demo.int.spec.ts and test/build/. Intake and desk serve through the
// composition root on loopback ports; what they serve is read over HTTP.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrontendBuildOutcome, FrontendBuildRequest } from '../src/frontend/build.ts';
import { startPinnedFrontend, type PinnedFrontend } from '../src/frontend/pinned.ts';
import { withDeskPages } from '../src/desk-pages.ts';
import { startIntake } from '../../intake/src/test-support/harness.ts';
import { close, listen } from '../src/listen.ts';
import { fakeBuild } from './support/fake-build.ts';

const key = randomBytes(32).toString('base64url');
const COMMIT = 'c0ffee'.padEnd(40, '0');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A fake build with a manifest naming `pinned` and a landing page that says which build. */
function buildWith(
  dir: string | undefined,
  pinned: string | null,
  marker: string,
  commit = COMMIT,
): string {
  const out = dir ?? fakeBuild();
  if (dir) cpSync(fakeBuild(), dir, { recursive: true });
  writeFileSync(join(out, 'index.html'), `<html><body>${marker}</body></html>`);
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({
      version: 1,
      commit,
      dirty: false,
      pinnedDeploymentKey: pinned,
      files: {},
    }),
  );
  return out;
}

/** A build the test finishes when it wants to, as the child process would. */
function controlledBuild(commit = COMMIT) {
  const requests: FrontendBuildRequest[] = [];
  let finish: (ok: boolean) => void = () => undefined;
  const build = (request: FrontendBuildRequest): Promise<FrontendBuildOutcome> => {
    requests.push(request);
    return new Promise((done) => {
      finish = (ok) => {
        if (ok) buildWith(request.outDir, request.pinnedKey ?? null, 'PINNED BUILD', commit);
        done({ ok, exit: ok ? '0' : '1', tail: ok ? [] : ['error: out of memory'] });
      };
    });
  };
  return { build, requests, finish: (ok: boolean) => finish(ok) };
}

async function serving(frontend: PinnedFrontend) {
  const intake = await startIntake({ deps: { staticDir: () => frontend.dir() } });
  const desk = withDeskPages(
    () => frontend.dir(),
    (_req, res) => res.writeHead(404).end(),
    {
      demo: false,
    },
  );
  const deskServer = await listen(desk, '127.0.0.1', 0);
  cleanup.push(async () => {
    await close(deskServer.server);
    await intake.close();
  });
  return {
    landing: async () => (await fetch(`${intake.url}/`)).text(),
    deskManifest: async () => (await fetch(`${deskServer.url}/manifest.json`)).json(),
  };
}

async function start(
  dataDir: string,
  fallback: string,
  deploymentKey: () => Promise<string | undefined>,
  build: ReturnType<typeof controlledBuild>['build'],
  log: string[],
  commit = COMMIT,
) {
  const frontend = await startPinnedFrontend({
    dataDir,
    fallbackDir: fallback,
    deploymentKey,
    mode: 'auto',
    build,
    log: (line) => log.push(line),
    intervalMs: 60_000,
    commit,
  });
  cleanup.push(() => frontend.stop());
  return frontend;
}

describe('the front end pinned by itself', () => {
  it('after setup, rebuilds with the key while the old build serves, then serves the new one in one step; a restart serves it at once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-pin-'));
    const unpinned = buildWith(undefined, null, 'UNPINNED BUILD');
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => rmSync(unpinned, { recursive: true, force: true }));
    let deploymentKey: string | undefined = undefined;
    const build = controlledBuild();
    const log: string[] = [];
    const frontend = await start(dataDir, unpinned, async () => deploymentKey, build.build, log);
    const site = await serving(frontend);
    expect(log.some((l) => l.includes('THE SERVED BUILD PINS NO DEPLOYMENT KEY'))).toBe(true);

    // Before setup: nothing to pin, nothing built.
    await frontend.check();
    expect(build.requests).toHaveLength(0);
    expect(await site.landing()).toContain('UNPINNED BUILD');

    // Setup made the key: a build starts; the old build serves until it is done.
    deploymentKey = key;
    const checking = frontend.check();
    await expect.poll(() => build.requests.length).toBe(1);
    expect(build.requests[0]!.pinnedKey).toBe(key);
    expect(build.requests[0]!.outDir.startsWith(join(dataDir, 'frontend', 'builds'))).toBe(true);
    expect(await site.landing()).toContain('UNPINNED BUILD');
    build.finish(true);
    await checking;
    expect(await site.landing()).toContain('PINNED BUILD');
    expect(await site.landing()).not.toContain('UNPINNED');
    expect(await site.deskManifest()).toMatchObject({ pinnedDeploymentKey: key });
    expect(readlinkSync(join(dataDir, 'frontend', 'current'))).toBe(build.requests[0]!.outDir);
    expect(log.some((l) => l.includes('rebuilding with the deployment key pinned'))).toBe(true);
    expect(log.some((l) => l.includes('pinned build ready'))).toBe(true);

    // Nothing more to do while the key stays the same.
    await frontend.check();
    expect(build.requests).toHaveLength(1);

    // A restart on the same data directory serves the pinned build from the start.
    await frontend.stop();
    const again: string[] = [];
    const second = controlledBuild();
    const restarted = await start(dataDir, unpinned, async () => key, second.build, again);
    expect(restarted.dir()).toBe(build.requests[0]!.outDir);
    expect(again.some((l) => l.includes('pinned build found'))).toBe(true);
    expect(again.some((l) => l.includes('PINS NO DEPLOYMENT KEY'))).toBe(false);
    await restarted.check();
    expect(second.requests).toHaveLength(0);
  });

  it('a failed build changes nothing served, says why in the log, and is not retried in a loop', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-pin-'));
    const unpinned = buildWith(undefined, null, 'UNPINNED BUILD');
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => rmSync(unpinned, { recursive: true, force: true }));
    const build = controlledBuild();
    const log: string[] = [];
    const frontend = await start(dataDir, unpinned, async () => key, build.build, log);
    const site = await serving(frontend);
    await expect.poll(() => build.requests.length).toBe(1);
    build.finish(false);
    await frontend.check();
    expect(frontend.dir()).toBe(unpinned);
    expect(await site.landing()).toContain('UNPINNED BUILD');
    expect(log.some((l) => l.includes('THE PINNED BUILD FAILED (exit 1)'))).toBe(true);
    expect(log.some((l) => l.includes('error: out of memory'))).toBe(true);
    await frontend.check();
    expect(build.requests).toHaveLength(1);
  });

  it.each([
    { case: 'another commit (an upgrade)', before: COMMIT, after: 'b'.repeat(40) },
    {
      case: 'an unknown commit (an image without SOURCE_COMMIT)',
      before: 'unknown',
      after: 'unknown',
    },
  ])('after a restart at $case, the old pinned build is not served: it builds again', async (c) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-pin-'));
    const unpinned = buildWith(undefined, null, 'UNPINNED BUILD');
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => rmSync(unpinned, { recursive: true, force: true }));
    const first = controlledBuild(c.before);
    const frontend = await start(dataDir, unpinned, async () => key, first.build, [], c.before);
    await expect.poll(() => first.requests.length).toBe(1);
    first.finish(true);
    await frontend.check();
    expect(frontend.dir()).toBe(first.requests[0]!.outDir);
    await frontend.stop();

    const second = controlledBuild(c.after);
    const restarted = await start(dataDir, unpinned, async () => key, second.build, [], c.after);
    expect(restarted.dir()).toBe(unpinned);
    await expect.poll(() => second.requests.length).toBe(1);
    second.finish(true);
    await restarted.check();
    expect(restarted.dir()).toBe(second.requests[0]!.outDir);
  });
});
