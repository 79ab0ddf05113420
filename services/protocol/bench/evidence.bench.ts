// npm run bench:evidence: sealing evidence, the protocol's sealer alone and the crypto worker's
// path before and after issue 18 (see evidence-variants.ts), on libsodium (WebAssembly) and on the
// pure-JS fallback (WebAssembly off, as in Tor Browser "Safer"), on the same data, in Node,
// `node --jitless`, Chromium, jitless Chromium and the phone profile (jitless Chromium with the
// CPU throttled 4x through DevTools' Emulation.setCPUThrottlingRate).
import { join } from 'node:path';
import { openBenchPage } from '../../../bench/browser.ts';
import { runBench, writeBenchResult, type Figure } from '../../../bench/format.ts';
import { runJitless } from '../../../bench/jitless.ts';
import { bundle } from '../test/browser/harness.ts';
import { PATHS, sealMiBs, type Path } from './evidence-variants.ts';

const ENTRY = join(import.meta.dirname, 'evidence-variants.ts');
const figures: Figure[] = [];
type Prefer = 'libsodium' | 'noble' | undefined;
type Run = (
  prefer: Prefer,
  path: Path,
  sizeMiB: number,
) => Promise<{ backend: string; mibs: number }>;

/** Every path on each backend; the fallback's figures carry libsodium's as their baseline. */
async function measure(runtime: string, run: Run, backends: Prefer[], sizeMiB: number) {
  const sodium: Partial<Record<Path, number>> = {};
  for (const prefer of backends) {
    for (const path of PATHS) {
      const r = await run(prefer, path, prefer === 'libsodium' ? sizeMiB * 4 : sizeMiB);
      if (r.backend === 'libsodium') sodium[path] = r.mibs;
      const base = r.backend === 'libsodium' ? undefined : sodium[path];
      figures.push({
        name: `evidence seal, ${runtime} (${r.backend}, ${path})`,
        value: r.mibs,
        unit: 'MiB/s',
        ...(base !== undefined ? { baseline: base, ratio: r.mibs / base } : {}),
      });
      console.log(`  ${runtime} ${r.backend} ${path}: ${r.mibs.toFixed(2)} MiB/s`);
    }
  }
}

function nodeJitless(script: string): void {
  const out = runJitless<{ p: Path; r: { backend: string; mibs: number } }[]>(
    script,
    `const b = globalThis.evidenceBench; const out = [];
     for (const p of b.PATHS) out.push({ p, r: await b.sealMiBs(undefined, p, 1) });
     console.log(JSON.stringify(out));`,
  );
  for (const { p, r } of out) {
    figures.push({
      name: `evidence seal, node --jitless (${r.backend}, ${p})`,
      value: r.mibs,
      unit: 'MiB/s',
    });
    console.log(`  node --jitless ${r.backend} ${p}: ${r.mibs.toFixed(2)} MiB/s`);
  }
}

async function inChromium(script: string, runtime: string, jitless: boolean, throttle: number) {
  const { browser, page } = await openBenchPage(script, 'evidenceBench', { jitless, throttle });
  try {
    const run: Run = (prefer, path, sizeMiB) =>
      page.evaluate(
        ([p, q, s]) =>
          (
            globalThis as unknown as {
              evidenceBench: { sealMiBs: Run };
            }
          ).evidenceBench.sealMiBs(p as Prefer, q as Path, s as number),
        [prefer, path, sizeMiB] as const,
      );
    await measure(runtime, run, jitless ? [undefined] : ['libsodium', 'noble'], jitless ? 1 : 4);
  } finally {
    await browser.close();
  }
}

runBench(async () => {
  const script = new TextDecoder().decode(await bundle(ENTRY));
  console.log('node');
  await measure('node', sealMiBs, ['libsodium', 'noble'], 4);
  console.log('node --jitless');
  nodeJitless(script);
  console.log('chromium');
  await inChromium(script, 'chromium', false, 1);
  console.log('chromium --jitless');
  await inChromium(script, 'chromium --jitless', true, 1);
  console.log('phone profile');
  await inChromium(script, 'phone (chromium --jitless, 4x CPU throttle)', true, 4);
  writeBenchResult('evidence', figures);
});
