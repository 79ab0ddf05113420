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

  it('with WebAssembly: libsodium is selected and both backends match the vectors', async () => {
    const browser = await launchChromium(false);
    try {
      const auto = await run(browser);
      expect(auto.env.webAssemblyWorks).toBe(true);
      expect(auto.result.backend).toBe('libsodium');
      expect(auto.result.failures).toEqual([]);
      const noble = await run(browser, 'noble');
      expect(noble.result.backend).toBe('noble');
      expect(noble.result.failures).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('jitless (no WebAssembly): the pure-JS backend is selected and matches the vectors', async () => {
    const browser = await launchChromium(true);
    try {
      const auto = await run(browser);
      expect(auto.env.webAssemblyWorks).toBe(false);
      expect(auto.result.backend).toBe('noble');
      expect(auto.result.failures).toEqual([]);
      const forced = await run(browser, 'libsodium');
      expect(forced.result.backend).toBeNull();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
