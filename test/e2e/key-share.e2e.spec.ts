// A team hands over its backlog (SECURITY.md, Protocol step 5), in real Chromium against the
// real composition root (startPlatform). The administrator is the channel's only recipient when
// a whistleblower reports; then an investigator is added to the channel. The report's envelope
// holds no key for them: their case page says it was sealed before they were added. The
// administrator, who can open it, is told one colleague cannot and shares it (the worker seals
// to the colleague's key from the signed list); the colleague then opens it and reads the
// answers. No request leaves the two origins, nothing trips the CSP.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchSharedChromium,
  missingChromiumMessage,
  type SharedBrowser,
} from './support/chromium.ts';
import { deskPeople, deskPeopleIn, personIn } from './support/desk.ts';
import type { AdministratorNavigator, InvestigatorNavigator } from './support/desk.ts';
import { foreignRequests, type Observations } from './support/observe.ts';
import { checkPage, overflowing, type PageReport } from './support/page-checks.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'key share: a recipient added after a report was sealed gets its key from a colleague'
  : `key share: skipped, ${missingChromiumMessage}`;

const channel = 'Procurement watch';
const { administrator, investigator } = deskPeople;
const what = 'The road contract went to a shell company in Walvis Bay.';
const where = 'Roads Authority';

describe.skipIf(!hasChromium)(title, () => {
  let platform: TestPlatform;
  let browser: SharedBrowser;
  const seen: Observations = { requests: [], cspViolations: [], pageErrors: [] };
  let admin: AdministratorNavigator;
  let officer: InvestigatorNavigator;
  const reports: PageReport[] = [];
  const check = async (page: Page, name: string) =>
    reports.push(await checkPage(page, `key-share-${name}`));

  beforeAll(async () => {
    platform = await startTestPlatform('key-share');
    browser = await launchSharedChromium();
    ({ admin, officer } = await deskPeopleIn(browser, seen, {
      administrator: platform.desk,
      investigator: platform.desk,
    }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await platform?.stop();
  });

  it('the administrator sets up, invites an investigator and is the channel’s only recipient', async () => {
    expect(platform.setupToken).not.toBe('');
    await admin.setUpAndSignIn(platform.setupToken);
    const invitation = await admin.invite(investigator.handle);
    await admin.addChannel(channel, ['?What happened?*', 'Which organisation is involved?*']);
    expect(await admin.publishRecipients(channel, [administrator.handle])).toBe('Published.');

    await officer.enrolAndSignIn(invitation);
  }, 180_000);

  it('a whistleblower reports while only the administrator is a recipient', async () => {
    const listed = async () => {
      const info = (await (await fetch(`${platform.intake}/api/v1/deployment`)).json()) as {
        channels: { name: string; recipients: { recipients?: unknown[] } | null }[];
      };
      return info.channels.find((c) => c.name === channel)?.recipients?.recipients?.length ?? 0;
    };
    await expect.poll(listed, { timeout: 10_000 }).toBe(1);
    const wb = new ReportingNavigator(await personIn(browser, seen), platform.intake);
    await wb.writeReport(channel, what, where, 0);
    await wb.goToReview();
    expect(await wb.submitFromReview()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await wb.page.context().close();
  }, 240_000);

  it('the investigator, added afterwards, is told it was sealed before they were added', async () => {
    expect(
      await admin.publishRecipients(channel, [administrator.handle, investigator.handle]),
    ).toBe('Published.');
    await officer.openQueues();
    await officer.followOnlyCaseIn('Inbox');
    const refusal = officer.page.getByTestId('not-shared');
    await refusal.waitFor({ timeout: 90_000 });
    expect(await refusal.innerText()).toContain('sealed before you were added');
    expect(await refusal.innerText()).toContain('Ask a colleague who can open it');
    expect(await officer.page.locator('main').innerText()).not.toContain(what);
    await check(officer.page, 'not-shared');
  }, 120_000);

  it('the administrator sees one colleague cannot open it and shares it with them', async () => {
    await admin.openQueues();
    const opened = await admin.openOnlyCaseIn('Inbox');
    expect(opened).toMatch(/^[0-9a-f-]{36}$/);
    expect(await admin.answers()).toContain(what);
    const share = admin.page.getByTestId('share');
    await share.getByText('1 colleague cannot open this report yet').waitFor();
    const posted = admin.page.waitForResponse(
      (r) => r.url().endsWith(`/api/reports/${opened}/share`) && r.request().method() === 'POST',
    );
    await check(admin.page, 'holder');
    // Enter on the button, as with a keyboard; the outcome then holds the focus.
    await share.getByRole('button', { name: 'Share the report with them' }).press('Enter');
    expect((await posted).status()).toBe(200);
    await admin.page
      .getByRole('status')
      .filter({ hasText: 'Shared. Your colleagues can open the report now.' })
      .waitFor();
    // The case reloads after the share: nobody is left without the key, the focus is on the outcome.
    await admin.page.getByTestId('share').waitFor({ state: 'detached' });
    await expect
      .poll(() => admin.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('case-feedback');
    await check(admin.page, 'shared');
  }, 120_000);

  it('the investigator now opens it and reads the answers', async () => {
    await officer.openQueues();
    await officer.openOnlyCaseIn('Inbox');
    const answers = await officer.answers();
    expect(answers).toContain(what);
    expect(answers).toContain(where);
    expect(await officer.page.getByTestId('not-shared').count()).toBe(0);
    expect(await officer.page.getByTestId('share').count()).toBe(0);
    await check(officer.page, 'opened');
  }, 120_000);

  it('sent nothing outside the two origins, tripped no CSP, and no page has a serious axe finding', () => {
    expect(foreignRequests(seen, [platform.desk, platform.intake])).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(reports.map((r) => r.name)).toEqual(
      ['not-shared', 'holder', 'shared', 'opened'].map((n) => `key-share-${n}`),
    );
    expect(reports.filter((r) => r.axe.length > 0)).toEqual([]);
    expect(overflowing(reports)).toEqual([]);
  });
});
