// The desk's first run in real Chromium against the real desk service: the sign-in page points
// to setup, setup creates the administrator's vault in the browser, the TOTP QR code is drawn
// locally, the recovery key is shown once, and a code from the secret activates the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@integrity-desk/desk';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { startDesk, type DeskServer } from './support/desk-server.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';

const title = hasChromium
  ? 'desk first run against the desk service'
  : `desk first run against the desk service: skipped, ${missingChromiumMessage}`;

/** The investigator persona's page navigator for the first run. */
class DeskNavigator {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  async openSignIn() {
    await this.page.goto(`${this.origin}/desk`);
    await this.page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
  }

  async setUp(token: string, handle: string, password: string) {
    await this.page.getByRole('link', { name: 'Set up this deployment' }).click();
    await this.page.getByLabel('Setup token').fill(token);
    await this.page.getByLabel('Username').fill(handle);
    await this.page.getByLabel('Password (at least 12 characters)').fill(password);
    await this.page.getByRole('button', { name: 'Set up' }).click();
    await this.page.getByTestId('totp-qr').waitFor({ timeout: 60_000 });
  }

  async totpSecret(): Promise<string> {
    const text = (await this.page.getByText(/^Or type this secret:/).textContent()) ?? '';
    return text.replace('Or type this secret:', '').trim();
  }

  async confirmTotp(code: string) {
    await this.page.getByLabel('Six-digit code').fill(code);
    await this.page.getByRole('button', { name: 'Confirm' }).click();
  }
}

describe.skipIf(!hasChromium)(title, () => {
  let server: DeskServer;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;
  let nav: DeskNavigator;
  const reports: PageReport[] = [];
  const check = async (name: string) => reports.push(await checkPage(page, `desk-${name}`));

  beforeAll(async () => {
    server = await startDesk(ensureFrontendBuild());
    browser = await launchChromium();
    seen = await observe(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    nav = new DeskNavigator(page, server.origin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up the deployment and enrols the first administrator with a locally drawn QR code', async () => {
    expect(server.setupToken).not.toBe('');
    await nav.openSignIn();
    await check('sign-in');
    await nav.setUp(server.setupToken, 'ndapewa', 'correct horse battery staple');
    const qr = await page.getByTestId('totp-qr').getAttribute('src');
    expect(qr).toMatch(/^data:image\/png;base64,/);
    const recovery = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    expect(recovery.replaceAll('-', '').length).toBeGreaterThanOrEqual(52);
    await check('setup-totp');

    await nav.confirmTotp('000000');
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    await nav.confirmTotp(totpCode(await nav.totpSecret(), new Date()));
    await page.getByText('Enrolment complete').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(recovery);
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
    }
  });
});
