// SECURITY.md: `npm start -- --demo` "marks every page as a demonstration". The real platform
// started with --demo (startPlatform, SQLite in a temporary DATA_DIR, the real build); Chromium
// opens every page of the build, the whistleblower's on intake and the desk's on the desk, and
// each must show the demonstration banner, load nothing from another origin and violate no CSP.
// A normal start must show the banner nowhere (the landing page and the desk's, checked last).
import { loadConfig, startPlatform, type Platform } from '@integrity-desk/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { buildDir, ensureFrontendBuild, type CspManifest } from './support/frontend-build.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';

const title = hasChromium
  ? 'demonstration marking on every page'
  : `demonstration marking on every page: skipped, ${missingChromiumMessage}`;

async function start(demo: boolean): Promise<{ platform: Platform; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'integrity-desk-demo-mark-'));
  const config = loadConfig(
    {
      ...process.env,
      DATA_DIR: dataDir,
      INTAKE_PORT: '0',
      DESK_PORT: '0',
      STATIC_DIR: buildDir,
      ROLE: 'all',
      EVENT_STORE: 'sqlite',
      LOG_LEVEL: 'warn',
      // The demo's setup records a deployment key; this test reads the build it was given.
      FRONTEND_REBUILD: 'off',
    },
    demo ? ['--demo'] : [],
  );
  return { platform: await startPlatform(config, () => undefined), dataDir };
}

describe.skipIf(!hasChromium)(title, () => {
  let manifest: CspManifest;
  let demo: { platform: Platform; dataDir: string };
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;

  beforeAll(async () => {
    manifest = ensureFrontendBuild();
    demo = await start(true);
    browser = await launchChromium();
    seen = await observe(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.platform.stop();
    if (demo) rmSync(demo.dataDir, { recursive: true, force: true });
  });

  const origins = () => [demo.platform.urls.intake!, demo.platform.urls.desk!];

  it('every page of both services shows the banner', async () => {
    const unmarked: string[] = [];
    const pages = Object.entries(manifest.pages);
    expect(pages.length).toBeGreaterThan(5);
    for (const [path, { group }] of pages) {
      const base = group === 'desk' ? demo.platform.urls.desk! : demo.platform.urls.intake!;
      await page.goto(base + path);
      const banner = page.getByTestId('demo-banner');
      try {
        await banner.waitFor({ timeout: 10_000 });
        expect(await banner.innerText()).toMatch(/demonstration/i);
      } catch {
        unmarked.push(`${group} ${path}`);
      }
    }
    expect(unmarked).toEqual([]);
  }, 300_000);

  it('loaded nothing from another origin and violated no CSP on the way', () => {
    expect(foreignRequests(seen, origins())).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
  });

  it('a normal start shows no banner', async () => {
    const normal = await start(false);
    try {
      for (const url of [
        `${normal.platform.urls.intake!}/`,
        `${normal.platform.urls.desk!}/desk`,
      ]) {
        await page.goto(url);
        await page.locator('main').waitFor();
        // The banner appears once deployment info has arrived: wait for that answer first.
        await page.waitForLoadState('networkidle');
        expect(await page.getByTestId('demo-banner').count(), url).toBe(0);
      }
    } finally {
      await normal.platform.stop();
      rmSync(normal.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
