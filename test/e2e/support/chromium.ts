// Real Chromium (Debian's package) driven by playwright-core. Never `npx playwright install`:
// the browser under test is the distribution's, as a deployment's users would have it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const missingChromiumMessage =
  "needs Debian's chromium at /usr/bin/chromium (`apt-get install chromium`)";

/** Every test browser's flags: headless, no network of its own, nothing kept between runs. */
export const baseArgs = [
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

/** One browser, several people: each context has its own cookies, storage and tabs. */
export interface SharedBrowser {
  browser: Browser;
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** As launchChromium, for stories where several people use the same kind of browser. */
export async function launchSharedChromium(
  options: { jitless?: boolean } = {},
): Promise<SharedBrowser> {
  const args = options.jitless ? [...baseArgs, '--js-flags=--jitless'] : baseArgs;
  // Playwright gives a launched browser a fresh temporary profile and removes it on close.
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args });
  return {
    browser,
    newContext: () =>
      browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' }),
    close: () => browser.close(),
  };
}

// A skipped browser suite must say why, in the run's output, not only in a collapsed test name.
if (!hasChromium) console.warn(`browser tests skipped: ${missingChromiumMessage}`);
