// The desk answers 503 signInBusy when every sign-in slot is taken (issue 13, finding 4), in real
// Chromium against the real desk: the sign-in page waits and sends the same sign-in again (nothing
// was checked, the code is not used up), and says plainly that the desk is busy, not that the
// details are wrong, when it stays busy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { AdministratorNavigator } from './support/desk.ts';
import { startDesk, type DeskServer } from './support/desk-server.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';

const title = hasChromium
  ? 'desk sign-in while the desk is busy'
  : `desk sign-in while the desk is busy: skipped, ${missingChromiumMessage}`;

const busy = {
  status: 503,
  headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
  body: JSON.stringify({
    type: 'https://integrity-desk.org/problems/desk/signInBusy',
    title: 'Too many sign-ins are being checked right now. Please try again in a moment.',
    status: 503,
  }),
};

describe.skipIf(!hasChromium)(title, () => {
  let server: DeskServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let admin: AdministratorNavigator;

  beforeAll(async () => {
    server = await startDesk(ensureFrontendBuild());
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    admin = new AdministratorNavigator(
      page,
      server.origin,
      'ndapewa',
      'correct horse battery',
      server.clock,
    );
    await admin.openSetup();
    await admin.setUp(server.setupToken);
    await admin.confirmTotp();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Answers the first `count` sign-ins with the desk's 503 (as a saturated desk would). */
  async function busyFor(count: number) {
    let answered = 0;
    await page.route('**/api/session', async (route) => {
      if (route.request().method() === 'POST' && answered < count) {
        answered++;
        await route.fulfill(busy);
      } else await route.continue();
    });
    return () => answered;
  }

  it('waits and signs in once a slot is free', async () => {
    const answered = await busyFor(2);
    await admin.signIn();
    await page.unrouteAll();
    expect(answered()).toBe(2);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
  }, 120_000);

  it('says the desk is busy, not that the details are wrong, when it stays busy', async () => {
    await busyFor(100);
    await admin.openSignIn();
    await admin.signInHere(() =>
      page.getByRole('alert').filter({ hasText: 'Too many sign-ins' }).waitFor({ timeout: 60_000 }),
    );
    await page.unrouteAll();
    expect(await page.getByText('Check your details').count()).toBe(0);
  }, 120_000);
});
