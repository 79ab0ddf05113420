// Real Chromium (Debian's package) driven by playwright-core. Never `npx playwright install`:
// the browser under test is the distribution's, as a deployment's users would have it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const missingChromiumMessage =
  "needs Debian's chromium at /usr/bin/chromium (`apt-get install chromium`)";

const baseArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh profile per run, so nothing (cache, storage, service workers) leaks between runs.
 * `jitless` runs V8 without its JIT, which also turns WebAssembly off, as Tor Browser's "Safer"
 * level does.
 */
export async function launchChromium(
  options: { jitless?: boolean } = {},
): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'integrity-desk-profile-'));
  const args = options.jitless ? [...baseArgs, '--js-flags=--jitless'] : baseArgs;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// A skipped browser suite must say why, in the run's output, not only in a collapsed test name.
if (!hasChromium) console.warn(`browser tests skipped: ${missingChromiumMessage}`);
