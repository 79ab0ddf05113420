// The known-answer vectors in real headless Chromium: with WebAssembly (libsodium selected, and
// the pure-JS backend forced), and with `--js-flags=--jitless` (no WebAssembly, no JIT, as Tor
// Browser's Safer level), where the automatic selection must pick the pure-JS backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  CHROMIUM_MISSING_MESSAGE,
  chromiumAvailable,
  launchChromium,
  openPage,
  startHarness,
  type Harness,
} from './browser/harness.ts';

const available = chromiumAvailable();
if (!available) console.warn(`SKIPPED: ${CHROMIUM_MISSING_MESSAGE}`);

interface RunResult {
  backend: string | null;
  failures: string[];
  error?: string;
}

describe.skipIf(!available)('vectors in headless Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function run(browser: Browser, prefer?: 'libsodium' | 'noble') {
    const page = await openPage(browser, harness.url);
    return page.evaluate(async (p) => {
      const expected = await (await fetch('/vectors.json')).json();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const t = (globalThis as any).protocolTest;
      return { env: t.environment(), result: (await t.runVectors(expected, p)) as RunResult };
    }, prefer);
  }

  it.each([
    {
      name: 'with WebAssembly: libsodium is selected and both backends match the vectors',
      jitless: false,
      selected: 'libsodium',
      // The other backend works too, when asked for.
      other: { prefer: 'noble', backend: 'noble', failures: [] },
    },
    {
      name: 'jitless (no WebAssembly): the pure-JS backend is selected and matches the vectors',
      jitless: true,
      selected: 'noble',
      // libsodium cannot load without WebAssembly: asked for, nothing runs.
      other: { prefer: 'libsodium', backend: null },
    },
  ] as const)(
    '$name',
    async ({ jitless, selected, other }) => {
      const browser = await launchChromium(jitless);
      try {
        const auto = await run(browser);
        expect(auto.env.webAssemblyWorks).toBe(!jitless);
        expect(auto.result.backend).toBe(selected);
        expect(auto.result.failures).toEqual([]);
        const forced = await run(browser, other.prefer);
        expect(forced.result).toMatchObject({ backend: other.backend });
        if ('failures' in other) expect(forced.result.failures).toEqual(other.failures);
      } finally {
        await browser.close();
      }
    },
    180_000,
  );
});
