/**
 * `npm run verify -- <intake URL>`: is a running deployment serving the front end this
 * repository builds? Reads the deployment's manifest.json for the deployment key it pins and
 * the commit it says it was built from, builds this checkout (which must be at that commit) with
 * that key pinned, fetches every file of the local build from the deployment and compares the
 * bytes. One line per file; exit 0 when every file is the same, 1 on any difference, 2 when it
 * could not compare (unreachable, another commit, a failed build).
 *
 *   --use-build <dir>    compare with a build already made (skips building)
 *   --keep-build <dir>   build into <dir> and keep it (default: a temporary directory)
 *   --key <key>          pin this key instead of the one the deployment's manifest names
 *                        (compare it with the key the deployment's administrators publish)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceCommit } from '../../../../frontend/scripts/build-identity.js';
import { runFrontendBuild } from '../frontend/build.ts';
import {
  buildManifestSchema,
  readBuildManifest,
  type BuildManifest,
} from '../frontend/manifest.ts';
import { compareServed, printComparison, type Served } from './compare.ts';

class Refused extends Error {}

interface Args {
  url: string;
  useBuild?: string;
  keepBuild?: string;
  key?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Refused(`${arg} needs a value`);
      return v;
    };
    if (arg === '--use-build') args.useBuild = value();
    else if (arg === '--keep-build') args.keepBuild = value();
    else if (arg === '--key') args.key = value();
    else if (!arg.startsWith('-') && !args.url) args.url = arg.replace(/\/+$/, '');
    else throw new Refused(`unknown argument ${arg}`);
  }
  if (!args.url || !/^https?:\/\//.test(args.url))
    throw new Refused('usage: npm run verify -- <intake URL, e.g. http://abc…xyz.onion>');
  return args as Args;
}

async function served(url: string, path: string): Promise<Served> {
  try {
    const res = await fetch(`${url}/${path}`, { redirect: 'manual' });
    const body = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      sha256: res.status === 200 ? createHash('sha256').update(body).digest('hex') : undefined,
    };
  } catch {
    return { status: 0, sha256: undefined };
  }
}

async function remoteManifest(url: string): Promise<BuildManifest> {
  let res: Response;
  try {
    res = await fetch(`${url}/manifest.json`);
  } catch {
    throw new Refused(`could not reach ${url}`);
  }
  const parsed = buildManifestSchema.safeParse(await res.json().catch(() => undefined));
  if (res.status !== 200 || !parsed.success)
    throw new Refused(`${url}/manifest.json is not a build manifest (answered ${res.status})`);
  return parsed.data;
}

async function localBuild(
  args: Args,
  key: string | undefined,
  sourceCommit: string | undefined,
): Promise<BuildManifest> {
  if (args.useBuild) {
    const manifest = readBuildManifest(args.useBuild);
    if (!manifest) throw new Refused(`${args.useBuild} holds no build manifest`);
    return manifest;
  }
  const outDir = args.keepBuild ?? join(mkdtempSync(join(tmpdir(), 'idesk-verify-')), 'build');
  try {
    console.log(`building this checkout with that key pinned, into ${outDir} (about a minute) ...`);
    const outcome = await runFrontendBuild({ outDir, pinnedKey: key, sourceCommit });
    const manifest = outcome.ok ? readBuildManifest(outDir) : undefined;
    if (!manifest) throw new Refused(`the local build failed:\n  ${outcome.tail.join('\n  ')}`);
    return manifest;
  } finally {
    if (!args.keepBuild) rmSync(join(outDir, '..'), { recursive: true, force: true });
  }
}

async function verify(args: Args): Promise<number> {
  const remote = await remoteManifest(args.url);
  const key = args.key ?? remote.pinnedDeploymentKey ?? undefined;
  console.log(`deployment:   ${args.url}`);
  console.log(`built from:   ${remote.commit}${remote.dirty ? ' (with uncommitted changes)' : ''}`);
  console.log(
    `pinned key:   ${key ?? 'NONE: this deployment pins no key and trusts whatever its server announces'}`,
  );
  if (!args.useBuild) {
    const here = sourceCommit();
    if (remote.commit === 'unknown')
      console.log(
        'warning: the deployment does not name its commit (an image built without SOURCE_COMMIT): building this checkout as it is, recorded as "unknown" the same way',
      );
    else if (here.commit !== remote.commit)
      throw new Refused(
        `this checkout is at ${here.commit}: run \`git checkout ${remote.commit}\` and verify again`,
      );
    if (here.dirty) console.log('warning: this checkout has uncommitted changes');
  }
  // The commit is part of the build (Kit's version name): an unnamed one is rebuilt unnamed.
  const local = await localBuild(args, key, remote.commit === 'unknown' ? 'unknown' : undefined);
  if (local.pinnedDeploymentKey !== (key ?? null))
    throw new Refused('the local build pins another key than the one asked for');
  const fetched = new Map<string, Served>();
  for (const path of Object.keys(local.files)) fetched.set(path, await served(args.url, path));
  const comparison = compareServed(local, fetched);
  for (const line of printComparison(comparison)) console.log(line);
  return comparison.ok ? 0 : 1;
}

let args: Args;
try {
  args = parseArgs(process.argv.slice(2));
  process.exitCode = await verify(args);
} catch (error) {
  console.error(error instanceof Refused ? `verify: ${error.message}` : error);
  process.exitCode = 2;
}
