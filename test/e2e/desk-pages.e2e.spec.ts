// The desk's first run in real Chromium against the real desk service: the sign-in page points
// to setup, setup creates the administrator's vault in the browser, the TOTP QR code is drawn
// locally, the recovery key is shown once, and a code from the secret activates the account.
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
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';

const title = hasChromium
  ? 'desk first run against the desk service'
  : `desk first run against the desk service: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: DeskServer;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;
  let admin: AdministratorNavigator;
  const reports: PageReport[] = [];
  const check = async (name: string) => reports.push(await checkPage(page, `desk-${name}`));

  beforeAll(async () => {
    server = await startDesk(ensureFrontendBuild());
    browser = await launchChromium();
    seen = await observe(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    admin = new AdministratorNavigator(
      page,
      server.origin,
      'ndapewa',
      'correct horse battery staple',
      server.clock,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up the deployment and enrols the first administrator with a locally drawn QR code', async () => {
    expect(server.setupToken).not.toBe('');
    await admin.openFirstRun();
    await check('sign-in');
    await admin.followSetupLink();
    const { qr, recoveryKey } = await admin.setUp(server.setupToken);
    expect(qr).toMatch(/^data:image\/png;base64,/);
    expect(recoveryKey.replaceAll('-', '').length).toBeGreaterThanOrEqual(52);
    await check('setup-totp');

    await admin.submitTotp('000000');
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    await admin.confirmTotp();
    expect(await page.locator('body').innerText()).not.toContain(recoveryKey);
    await check('setup-done');
  }, 120_000);

  it('shows the enrolment page for invited investigators', async () => {
    await page.goto(`${server.origin}/desk/enrol`);
    await page.getByLabel('Invitation (from your administrator)').waitFor();
    await check('enrol');
  });

  it('had no CSP violation, no page error, no foreign request and no serious axe finding', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [server.origin])).toEqual([]);
    expect(reports.length).toBe(4);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
      expect(report.overflowAt1920, report.name).toBeLessThanOrEqual(0);
    }
  });
});
