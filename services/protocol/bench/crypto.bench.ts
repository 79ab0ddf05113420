// npm run bench:crypto: Argon2id per parameter set in Node (libsodium and pure JS), `node
// --jitless` (pure JS, a proxy for Tor Browser "Safer"), headless Chromium and jitless
// Chromium; attachment seal/open throughput beside the raw libsodium primitive in the same run.
// `-- --phone`: the phone profile instead (bench/phone.ts), what a whistleblower waits for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBench, writeBenchResult, type Figure } from '../../../bench/format.ts';
import { runJitless } from '../../../bench/jitless.ts';
import {
  bundle,
  CHROMIUM_MISSING_MESSAGE,
  chromiumAvailable,
  launchChromium,
  openPage,
  startHarness,
} from '../test/browser/harness.ts';
import {
  measureThroughput,
  PARAM_SETS,
  timeArgon2,
  type ParamSet,
  type Throughput,
} from './measure.ts';

const ENTRY = join(import.meta.dirname, 'browser-entry.ts');
const SIZE_MIB = 10;
const figures: Figure[] = [];

function argonFigure(
  runtime: string,
  set: ParamSet,
  r: { backend: string; ms: number; cpuMs?: number },
): void {
  const receipt = set.name.startsWith('receipt');
  figures.push({
    name: `argon2id ${set.name}, ${runtime} (${r.backend})`,
    value: r.ms,
    unit: 'ms',
    ...(receipt && r.backend === 'noble' ? { target: '<= 15000 ms on the fallback' } : {}),
  });
  if (r.cpuMs !== undefined) {
    figures.push({
      name: `argon2id ${set.name}, ${runtime} (${r.backend}) CPU time`,
      value: r.cpuMs,
      unit: 'ms',
    });
  }
}

function throughputFigures(runtime: string, t: Throughput, sizeMiB: number): void {
  for (const [op, value, raw] of [
    ['seal', t.sealMiBs, t.rawSealMiBs],
    ['open', t.openMiBs, t.rawOpenMiBs],
  ] as const) {
    figures.push({
      name: `attachment ${op} ${sizeMiB} MiB, ${runtime} (${t.backend})`,
      value,
      unit: 'MiB/s',
      ...(raw !== undefined
        ? { baseline: raw, ratio: value / raw, target: '>= 0.9x raw libsodium' }
        : {}),
    });
  }
  if (t.cpu?.rawSealMiBs !== undefined && t.cpu.rawOpenMiBs !== undefined) {
    for (const [op, value, raw] of [
      ['seal', t.cpu.sealMiBs, t.cpu.rawSealMiBs],
      ['open', t.cpu.openMiBs, t.cpu.rawOpenMiBs],
    ] as const) {
      figures.push({
        name: `attachment ${op} ${sizeMiB} MiB, ${runtime} (${t.backend}), CPU-time basis`,
        value,
        unit: 'MiB/s',
        baseline: raw,
        ratio: value / raw,
        target: '>= 0.9x raw libsodium',
      });
    }
  }
}

async function inNode(): Promise<void> {
  console.log('node: Argon2id and throughput, libsodium and pure JS');
  for (const set of throughputOnly ? [] : PARAM_SETS) {
    argonFigure('node', set, await timeArgon2('libsodium', set, 3));
    argonFigure('node', set, await timeArgon2('noble', set, 1));
  }
  throughputFigures('node', await measureThroughput('libsodium', SIZE_MIB, 7), SIZE_MIB);
  throughputFigures('node', await measureThroughput('noble', SIZE_MIB, 2), SIZE_MIB);
}

async function inNodeJitless(): Promise<void> {
  console.log('node --jitless: pure JS fallback');
  let out: {
    env: { typeofWebAssembly: string; webAssemblyWorks: boolean };
    argon: { set: ParamSet; r: { backend: string; ms: number; cpuMs?: number } }[];
    throughput: Throughput;
  };
  try {
    out = runJitless(
      await bundle(ENTRY),
      `const b = globalThis.protocolBench;
      const out = { env: b.environment(), argon: [], throughput: null };
      for (const set of b.PARAM_SETS) out.argon.push({ set, r: await b.timeArgon2(undefined, set, 1) });
      out.throughput = await b.measureThroughput(undefined, 2, 1);
      console.log(JSON.stringify(out));`,
      600_000,
    );
  } catch (error) {
    console.warn(error instanceof Error ? error.message : String(error));
    return;
  }
  console.log(
    `  node --jitless: typeof WebAssembly = ${out.env.typeofWebAssembly}, works = ${out.env.webAssemblyWorks}`,
  );
  for (const a of out.argon) argonFigure('node --jitless', a.set, a.r);
  throughputFigures('node --jitless', out.throughput, 2);
}

async function inChromium(jitless: boolean): Promise<void> {
  const runtime = jitless ? 'chromium --jitless' : 'chromium';
  console.log(`${runtime}: Argon2id and throughput`);
  const harness = await startHarness(ENTRY);
  const browser = await launchChromium(jitless);
  try {
    const page = await openPage(browser, harness.url, 'protocolBench');
    const env = await page.evaluate(() => (globalThis as any).protocolBench.environment()); // eslint-disable-line @typescript-eslint/no-explicit-any
    console.log(
      `  ${runtime}: typeof WebAssembly = ${env.typeofWebAssembly}, works = ${env.webAssemblyWorks}`,
    );
    const backends: ('libsodium' | 'noble' | undefined)[] = jitless
      ? [undefined]
      : ['libsodium', 'noble'];
    for (const set of throughputOnly ? [] : PARAM_SETS) {
      for (const prefer of backends) {
        const reps = prefer === 'libsodium' ? 3 : 1;
        const r = await page.evaluate(
          ([p, s, n]) => (globalThis as any).protocolBench.timeArgon2(p, s, n), // eslint-disable-line @typescript-eslint/no-explicit-any
          [prefer, set, reps] as const,
        );
        argonFigure(runtime, set, r);
      }
    }
    for (const prefer of backends) {
      const size = jitless ? 2 : SIZE_MIB;
      const t = await page.evaluate(
        ([p, s, n]) => (globalThis as any).protocolBench.measureThroughput(p, s, n), // eslint-disable-line @typescript-eslint/no-explicit-any
        [prefer, size, prefer === 'libsodium' ? 7 : 1] as const,
      );
      throughputFigures(runtime, t, size);
    }
  } finally {
    await browser.close();
    await harness.close();
  }
}

// `npm run bench:crypto -- --throughput-only` skips the (slow) Argon2id figures.
const throughputOnly = process.argv.includes('--throughput-only');

/**
 * `npm run bench:crypto -- --phone` measures the phone profile only (bench/phone.ts) and puts
 * its figures into bench/results/crypto.json in place of the previous phone figures, keeping
 * the rest of the file as it was.
 */
async function phoneOnly(): Promise<void> {
  if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING_MESSAGE);
  const { phoneFigures } = await import('./phone.ts');
  const fresh = await phoneFigures();
  const file = join(process.cwd(), 'bench', 'results', 'crypto.json');
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] }).figures.filter(
        (f) => !f.name.startsWith('phone '),
      )
    : [];
  writeBenchResult('crypto', [...kept, ...fresh]);
}

runBench(async () => {
  if (process.argv.includes('--phone')) return phoneOnly();
  await inNode();
  if (!throughputOnly) await inNodeJitless();
  if (chromiumAvailable()) {
    await inChromium(false);
    if (!throughputOnly) await inChromium(true);
  } else {
    console.warn(`skipping Chromium figures: ${CHROMIUM_MISSING_MESSAGE}`);
  }
  writeBenchResult('crypto', figures);
});
