// npm run bench:pow: proof-of-work attempts per second of five loops (the front end's former
// WebCrypto digest per attempt, and batched from a reused buffer as it now runs without a JIT;
// @noble/hashes per attempt and from a cloned midstate; the hand-written midstate search it now
// runs with a JIT) in Node, `node --jitless`,
// headless Chromium, jitless Chromium and the phone profile (jitless Chromium with the CPU
// throttled 4x through DevTools' Emulation.setCPUThrottlingRate). The phone profile's rate of the
// front end's search gives the difficulty cap: the most bits whose expected 2^bits attempts it
// pays within 10 s (services/intake/src/pow/cap.ts states the figure the cap was set from).
import { join } from 'node:path';
import { openBenchPage } from '../../../bench/browser.ts';
import { runBench, writeBenchResult, type Figure } from '../../../bench/format.ts';
import { runJitless } from '../../../bench/jitless.ts';
import { bundle } from '../../protocol/test/browser/harness.ts';
import {
  POW_CAP_BITS,
  POW_CAP_PHONE_ATTEMPTS_PER_SECOND,
  POW_CAP_SECONDS,
} from '../src/pow/cap.ts';
import { VARIANTS, attemptsPerSecond, type Variant } from './pow-variants.ts';

const ENTRY = join(import.meta.dirname, 'pow-variants.ts');
const MS = 3000;
const figures: Figure[] = [];

type Rates = Partial<Record<Variant, number>>;

function record(runtime: string, rates: Rates): void {
  const base = rates.webcrypto;
  for (const variant of VARIANTS) {
    const value = rates[variant];
    if (value === undefined) continue;
    figures.push({
      name: `pow attempts/s, ${runtime} (${variant})`,
      value,
      unit: 'attempts/s',
      ...(base !== undefined && variant !== 'webcrypto'
        ? { baseline: base, ratio: value / base }
        : {}),
    });
    console.log(`  ${runtime} ${variant}: ${Math.round(value)} attempts/s`);
  }
}

async function inNode(): Promise<void> {
  const rates: Rates = {};
  for (const v of VARIANTS) rates[v] = await attemptsPerSecond(v, MS);
  record('node', rates);
}

function inNodeJitless(script: string): void {
  const rates = runJitless<Rates>(
    script,
    `const b = globalThis.powBench; const out = {};
     for (const v of b.VARIANTS) out[v] = await b.attemptsPerSecond(v, ${MS});
     console.log(JSON.stringify(out));`,
  );
  record('node --jitless', rates);
}

async function inChromium(script: string, jitless: boolean, throttle: number): Promise<Rates> {
  const { browser, page } = await openBenchPage(script, 'powBench', { jitless, throttle });
  try {
    const rates: Rates = {};
    for (const v of VARIANTS) {
      rates[v] = await page.evaluate(
        ([variant, ms]) =>
          (
            globalThis as unknown as {
              powBench: { attemptsPerSecond(v: string, ms: number): Promise<number> };
            }
          ).powBench.attemptsPerSecond(variant, ms),
        [v, MS] as const,
      );
    }
    return rates;
  } finally {
    await browser.close();
  }
}

runBench(async () => {
  const script = new TextDecoder().decode(await bundle(ENTRY));
  console.log('node');
  await inNode();
  console.log('node --jitless');
  inNodeJitless(script);
  console.log('chromium');
  record('chromium', await inChromium(script, false, 1));
  console.log('chromium --jitless');
  record('chromium --jitless', await inChromium(script, true, 1));
  console.log('phone profile: chromium --jitless, CPU throttled 4x');
  const phone = await inChromium(script, true, 4);
  record('phone (chromium --jitless, 4x CPU throttle)', phone);
  // The front end times both engines on the device and keeps the faster.
  const rate = Math.max(phone.midstate!, phone['webcrypto-batched']!);
  figures.push({
    name: 'phone profile: attempts/s of the engine the front end keeps',
    value: rate,
    unit: 'attempts/s',
    target: `cap.ts assumes ${POW_CAP_PHONE_ATTEMPTS_PER_SECOND}`,
  });
  const bits = Math.floor(Math.log2(rate * POW_CAP_SECONDS));
  figures.push({
    name: `pow bits the phone profile solves in ${POW_CAP_SECONDS} s at the expected attempts`,
    value: bits,
    unit: 'bits',
    target: `cap in use: ${POW_CAP_BITS} bits`,
  });
  figures.push({
    name: `phone profile: expected time at the cap (${POW_CAP_BITS} bits)`,
    value: 2 ** POW_CAP_BITS / rate,
    unit: 's',
    target: `<= ${POW_CAP_SECONDS} s`,
  });
  writeBenchResult('pow', figures);
});
