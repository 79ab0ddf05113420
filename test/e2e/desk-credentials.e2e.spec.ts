// Credentials after enrolment, in real Chromium against the real desk service: an investigator
// changes their password on the desk page (a new vault made in the browser around the same keys)
// and signs in with the new one; an administrator resets the investigator's authenticator and
// the investigator sets up a new one with the reset code and their password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { AdministratorNavigator, InvestigatorNavigator } from './support/desk.ts';
import { startDesk, type DeskServer } from './support/desk-server.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { KeyboardUser } from './support/keyboard.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';

const title = hasChromium
  ? 'desk credentials: password change and TOTP reset'
  : `desk credentials: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: DeskServer;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;
  let admin: AdministratorNavigator;
  let officer: InvestigatorNavigator;
  const reports: PageReport[] = [];
  const check = async (name: string) => reports.push(await checkPage(page, `desk-${name}`));
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
  };

  beforeAll(async () => {
    server = await startDesk(ensureFrontendBuild());
    browser = await launchChromium();
    seen = await observe(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // The desk's clock: each sign-in's TOTP step comes at once instead of in 30 s.
    const { origin, clock } = server;
    admin = new AdministratorNavigator(page, origin, 'ndapewa', 'correct horse battery', clock);
    officer = new InvestigatorNavigator(page, origin, 'tangeni', 'a long walk to Okahandja', clock);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an invited investigator enrols and signs in', async () => {
    await admin.setUpAndSignIn(server.setupToken);
    const invitation = await admin.invite('tangeni');
    await signOut();
    await officer.enrolAndSignIn(invitation);
  }, 180_000);

  it('changes the password on the desk page by keyboard alone; the new one signs in, the old one does not', async () => {
    const kb = new KeyboardUser(page);
    await kb.tabTo('a:Password');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await check('password');
    await kb.tabTo('input#current-password');
    await kb.type('not my password at all');
    await kb.tabTo('input#new-password');
    await kb.type('a new and longer secret');
    await kb.tabTo('input#repeat-password');
    await kb.type('a new and longer secret');
    await kb.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'The current password is not correct.' })
      .waitFor({ timeout: 90_000 });
    // The focus is back where the person fixes it, not at the page start.
    await expect.poll(async () => (await kb.focused()).id).toBe('current-password');
    await kb.type(officer.password);
    await kb.tabTo('input#new-password');
    await kb.type('a new and longer secret');
    await kb.tabTo('input#repeat-password');
    await kb.type('a new and longer secret');
    await kb.tabTo('button:Change password');
    await kb.press('Enter');
    await page.getByText('Password changed.').waitFor({ timeout: 90_000 });
    expect(kb.missingIndicator).toEqual([]);
    const recovery = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
    expect(recovery.replaceAll('-', '').length).toBeGreaterThanOrEqual(52);
    await check('password-done');
    await signOut();

    // The old password no longer signs in (the vault and verifier were replaced); the new does.
    await officer.signInHere(() =>
      page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor({ timeout: 90_000 }),
    );
    officer.password = 'a new and longer secret';
    await officer.signIn();
    await signOut();
  }, 240_000);

  it('an administrator resets the authenticator; the investigator sets up a new one', async () => {
    await admin.signIn();
    await admin.openAdministration();
    await page.getByRole('button', { name: 'Reset authenticator of tangeni' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Reset code for tangeni' });
    await shown.waitFor();
    const resetCode = ((await shown.textContent()) ?? '').replace(/^.*totp-reset\):/s, '').trim();
    expect(resetCode).toMatch(/^[0-9a-f-]{36}:[A-Za-z0-9_-]{22}$/);
    await signOut();

    await page.goto(`${server.origin}/desk/totp-reset`);
    await page.getByRole('heading', { name: 'Set up a new authenticator' }).waitFor();
    await check('totp-reset');
    const kb = new KeyboardUser(page);
    await kb.tabTo('input#reset-code');
    await kb.type(resetCode);
    await kb.tabTo('input#handle');
    await kb.type('tangeni');
    await kb.tabTo('input#password');
    await kb.type(officer.password);
    await kb.press('Enter');
    const oldSecret = officer.totpSecret;
    const img = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await img.waitFor({ timeout: 90_000 });
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const text = (await page.getByText(/^Or type this secret:/).textContent()) ?? '';
    officer.totpSecret = text.replace('Or type this secret:', '').trim();
    expect(officer.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(officer.totpSecret).not.toBe(oldSecret);
    // The vault did not change, so there is no new recovery key to show.
    expect(await page.getByTestId('recovery-key').count()).toBe(0);
    await kb.tabTo('input#code');
    await kb.type(await officer.nextTotpCode());
    await kb.press('Enter');
    await page.getByText('Your new authenticator is set up.').waitFor();
    expect(kb.missingIndicator).toEqual([]);
    await check('totp-reset-done');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
    await officer.signInHere(() =>
      page.getByRole('heading', { name: 'Queues' }).waitFor({ timeout: 90_000 }),
    );
  }, 240_000);

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
