// The language a whistleblower chooses is kept in the tab and sealed inside the answers; the
// server must not learn it from the files the page fetches either (issue 16, SECURITY.md Protocol
// step 5). In real Chromium against a real intake serving the real build: a visitor who keeps
// English and one who chose another language (earlier in the tab, then again in the switcher)
// make the same requests, and choosing in the switcher makes none.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchSharedChromium,
  missingChromiumMessage,
  type SharedBrowser,
} from './support/chromium.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';

const title = hasChromium
  ? 'the language choice leaves no trace in the requests'
  : `the language choice leaves no trace in the requests: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let browser: SharedBrowser;

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    browser = await launchSharedChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every request a fresh visitor's landing page makes, as paths, as often as it makes each. */
  async function visit(fragment: string, then?: (ctx: BrowserContext) => Promise<void>) {
    const context = await browser.newContext();
    const paths: string[] = [];
    context.on('request', (r) => paths.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    await page.goto(`${server.origin}/${fragment}`);
    await page.locator('#language-switcher').waitFor();
    await page.waitForLoadState('networkidle');
    const lang = await page.evaluate(() => document.documentElement.lang);
    const before = paths.length;
    await then?.(context);
    const extra = paths.slice(before);
    await context.close();
    return { files: paths.slice(0, before).sort(), lang, extra };
  }

  it('fetches the same files whether English is kept or another language was chosen', async () => {
    const english = await visit('');
    const german = await visit('#lang=de');
    expect(english.lang).toBe('en');
    expect(german.lang).toBe('de');
    expect(german.files).toEqual(english.files);
    // The catalogues are among them: each language's chunk is fetched by everyone.
    expect(
      english.files.filter((f) => f.startsWith('/_app/immutable/chunks/')).length,
    ).toBeGreaterThan(5);
  });

  it('makes no request when a language is chosen in the switcher', async () => {
    const chosen = await visit('', async (context) => {
      const [page] = context.pages();
      await page!.locator('#language-switcher').selectOption('pt');
      await page!.waitForFunction(() => document.documentElement.lang === 'pt');
      await page!.waitForLoadState('networkidle');
    });
    expect(chosen.extra).toEqual([]);
  });
});
