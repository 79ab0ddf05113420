// The investigator's half of the story in real Chromium, through the real desk pages, against
// the real composition root (startPlatform: intake and desk on loopback, embedded SQLite in a
// temporary directory, the real build). The administrator sets up the deployment, enrols TOTP,
// signs in, creates a channel and signs its recipient list; a whistleblower reports through the
// intake pages with a PDF; the administrator finds the case in the inbox, reads the decrypted
// answers, decrypts the PDF, acknowledges the report and asks a question; the whistleblower
// returns with the receipt, sees both and replies; the administrator re-opens the case from the
// queue, reads the reply, triages and closes it; the whistleblower sees it closed. Last, the
// sign-in form is driven from the keyboard alone. The desk tab is only ever navigated by its own
// links: the unlocked keys live in its memory, and a reload would lock them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@integrity-desk/desk';
import { loadConfig, startPlatform, type Platform } from '@integrity-desk/server';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { pdfWithAuthor } from './support/files.ts';
import { buildDir, ensureFrontendBuild } from './support/frontend-build.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'desk story: the investigator in the desk pages, the whistleblower in the intake pages'
  : `desk story: skipped, ${missingChromiumMessage}`;

const handle = 'ndapewa';
const password = 'correct horse battery staple';
const channelName = 'Integrity Namibia';
const what = 'Tender 17 was awarded to the minister’s cousin.';
const where = 'Ministry of Works';
const question = 'Do you have the tender number of the second bid?';
const answer = 'The second bid was tender 17/2026-B, filed on 3 March.';
const closing = 'We confirmed the award was irregular and referred it to the auditor.';

/** The investigator persona in the desk pages. */
class DeskNavigator {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  async setUp(token: string): Promise<string> {
    await this.page.goto(`${this.origin}/desk`);
    await this.page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
    await this.page.getByRole('link', { name: 'Set up this deployment' }).click();
    await this.page.getByLabel('Setup token').fill(token);
    await this.page.getByLabel('Username').fill(handle);
    await this.page.getByLabel('Password (at least 12 characters)').fill(password);
    await this.page.getByRole('button', { name: 'Set up' }).click();
    await this.page.getByTestId('totp-qr').waitFor({ timeout: 60_000 });
    const text = (await this.page.getByText(/^Or type this secret:/).textContent()) ?? '';
    return text.replace('Or type this secret:', '').trim();
  }

  async confirmTotp(code: string) {
    await this.page.getByLabel('Six-digit code').fill(code);
    await this.page.getByRole('button', { name: 'Confirm' }).click();
    await this.page.getByText('Enrolment complete').waitFor();
  }

  async signIn(code: string) {
    await this.page.goto(`${this.origin}/desk`);
    await this.page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
    await this.page.getByLabel('Username').fill(handle);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByLabel('Authenticator code').fill(code);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('heading', { name: 'Queues' }).waitFor({ timeout: 60_000 });
  }

  async openAdministration() {
    await this.page.getByRole('link', { name: 'Administration' }).click();
    await this.page.getByRole('heading', { name: 'Administration' }).waitFor();
  }

  async addChannel(name: string, questions: string[]) {
    await this.page.getByLabel('Channel name').fill(name);
    await this.page.getByLabel(/^Questionnaire/).fill(questions.join('\n'));
    await this.page.getByRole('button', { name: 'Add channel' }).click();
  }

  async publishRecipients(name: string, recipients: string[]) {
    const group = this.page.getByRole('group', { name: `Who receives reports sent to ${name}` });
    for (const recipient of recipients) await group.getByLabel(recipient).check();
    await group.getByRole('button', { name: 'Sign and publish the recipients' }).click();
    await group.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
  }

  async openQueues() {
    await this.page.getByRole('link', { name: 'Queues' }).click();
    await this.page.getByRole('heading', { name: 'Queues' }).waitFor();
  }
}

describe.skipIf(!hasChromium)(title, () => {
  let dataDir: string;
  let platform: Platform;
  let deskOrigin: string;
  let intakeOrigin: string;
  let setupToken = '';
  let browser: LaunchedBrowser;
  let seen: Observations;
  let deskPage: Page;
  let wbPage: Page;
  let desk: DeskNavigator;
  let wb: ReportingNavigator;
  const reports: PageReport[] = [];
  const check = async (page: Page, name: string) =>
    reports.push(await checkPage(page, `desk-story-${name}`));
  let totpSecret = '';
  let receipt = '';
  const pdf = pdfWithAuthor();

  beforeAll(async () => {
    ensureFrontendBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'integrity-desk-story-'));
    let gotToken: (token: string) => void = () => undefined;
    const token = new Promise<string>((resolve) => (gotToken = resolve));
    const config = loadConfig(
      {
        ...process.env,
        DATA_DIR: dataDir,
        INTAKE_PORT: '0',
        DESK_PORT: '0',
        STATIC_DIR: buildDir,
        ROLE: 'all',
        EVENT_STORE: 'sqlite',
      },
      [],
    );
    platform = await startPlatform(config, (line) => {
      const match = /setup token (\S+)/.exec(line);
      if (match) gotToken(match[1]!);
    });
    deskOrigin = platform.urls.desk!;
    intakeOrigin = platform.urls.intake!;
    setupToken = await Promise.race([
      token,
      new Promise<string>((resolve) => setTimeout(() => resolve(''), 10_000)),
    ]);
    browser = await launchChromium();
    seen = await observe(browser.context);
    deskPage = browser.context.pages()[0] ?? (await browser.context.newPage());
    wbPage = await browser.context.newPage();
    desk = new DeskNavigator(deskPage, deskOrigin);
    wb = new ReportingNavigator(wbPage, intakeOrigin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up the deployment, enrols TOTP and signs the administrator in', async () => {
    expect(setupToken).not.toBe('');
    totpSecret = await desk.setUp(setupToken);
    expect(totpSecret).toMatch(/^[A-Z2-7]+=*$/);
    await desk.confirmTotp(totpCode(totpSecret, new Date()));
    await check(deskPage, 'setup-done');
    // A code is accepted once per 30 s step: the next step's code (within the one-step drift
    // window) signs in without waiting for the clock.
    await desk.signIn(totpCode(totpSecret, new Date(Date.now() + 30_000)));
    await check(deskPage, 'queues-empty');
  }, 120_000);

  it('creates a channel with a questionnaire and signs its recipient list', async () => {
    await desk.openAdministration();
    await desk.addChannel(channelName, ['?What happened?*', 'Which organisation is involved?*']);
    await deskPage
      .getByRole('group', { name: `Who receives reports sent to ${channelName}` })
      .waitFor();
    await desk.publishRecipients(channelName, [handle]);
    await check(deskPage, 'admin');
    // Intake lists the channel once its projection has caught up.
    const listed = async () => {
      const info = (await (await fetch(`${intakeOrigin}/api/v1/deployment`)).json()) as {
        channels: { name: string; recipients: unknown }[];
      };
      return info.channels.some((c) => c.name === channelName && !!c.recipients);
    };
    await expect.poll(listed, { timeout: 10_000 }).toBe(true);
  }, 60_000);

  it('lets a whistleblower report through the intake pages and keep the receipt', async () => {
    await wbPage.bringToFront();
    await wb.openLanding();
    await wb.startReport();
    await wb.chooseChannel(channelName);
    await wb.answerText(/What happened\?/, what);
    await wb.next();
    await wb.answerText(/Which organisation/, where);
    await wb.next();
    await wb.attach([{ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    await wbPage.getByRole('button', { name: 'Attach it anyway' }).click();
    await wb.goToReview();
    receipt = await wb.submitFromReview();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await wb.typeBackReceipt(receipt);
    await wbPage.getByText('Correct. You can now leave this page.').waitFor();
    await wbPage.getByRole('button', { name: 'Finish' }).click();
    await wbPage.getByRole('heading', { name: 'Report wrongdoing safely' }).waitFor();
  }, 180_000);

  it('shows the case in the inbox, decrypts the answers, acknowledges and asks a question', async () => {
    await deskPage.bringToFront();
    // The queue page loads its counts on arrival: come back to it until the report shows.
    let inbox = deskPage.getByRole('button', { name: 'Inbox (1)' });
    for (let i = 0; i < 20 && !(await inbox.isVisible()); i++) {
      await desk.openAdministration();
      await desk.openQueues();
      inbox = deskPage.getByRole('button', { name: 'Inbox (1)' });
    }
    await inbox.click();
    const link = deskPage.getByTestId('queue').getByRole('link', { name: /^Case / });
    await expect.poll(() => link.count()).toBe(1);
    await check(deskPage, 'inbox');
    await link.click();

    const answers = deskPage.getByTestId('answers');
    await answers.waitFor({ timeout: 60_000 });
    expect(await answers.innerText()).toContain(what);
    expect(await answers.innerText()).toContain(where);
    await check(deskPage, 'case');

    // Evidence: the ciphertext is downloaded from the desk and decrypted in the worker.
    await deskPage.getByRole('button', { name: /^Decrypt and save / }).click();
    const saved = deskPage.getByRole('link', { name: 'minutes.pdf' });
    await saved.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([deskPage.waitForEvent('download'), saved.click()]);
    expect(readFileSync(await download.path()).equals(pdf)).toBe(true);

    await deskPage.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await deskPage.getByTestId('desk-status').filter({ hasText: 'Acknowledged' }).waitFor();
    await deskPage.getByTestId('desk-messages').getByText('Thank you for your report').waitFor();

    await deskPage.locator('textarea#message').fill(question);
    await deskPage.getByRole('button', { name: 'Send', exact: true }).click();
    await deskPage.getByTestId('desk-messages').getByText(question).waitFor();
    expect(await deskPage.getByRole('alert').count()).toBe(0);
    await check(deskPage, 'case-acknowledged');
  }, 120_000);

  it('shows the whistleblower the acknowledgement and the question', async () => {
    await wbPage.bringToFront();
    await wb.returnWith(receipt);
    await wb.waitForCase();
    expect(await wbPage.getByTestId('case-status').textContent()).toBe('Acknowledged');
    await wbPage.getByText('Thank you for your report').first().waitFor();
    await wbPage.getByText(question).waitFor();
    await check(wbPage, 'whistleblower-case');
    await wb.logOut();
  }, 120_000);

  it('lets the whistleblower return with the receipt and reply', async () => {
    await wb.returnWith(receipt);
    await wb.waitForCase();
    await wb.reply(answer);
    await wbPage.getByTestId('messages').getByText(answer).waitFor();
    await check(wbPage, 'whistleblower-replied');
  }, 120_000);

  it('re-opens the case from the queue, reads the reply, triages and closes it', async () => {
    await deskPage.bringToFront();
    // Only the page's own links: the case acknowledged but not triaged is in "Needs triage".
    let queue = deskPage.getByRole('button', { name: 'Needs triage (1)' });
    for (let i = 0; i < 20 && !(await queue.isVisible()); i++) {
      await desk.openAdministration();
      await desk.openQueues();
      queue = deskPage.getByRole('button', { name: 'Needs triage (1)' });
    }
    await queue.click();
    const link = deskPage.getByTestId('queue').getByRole('link', { name: /^Case / });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();

    const messages = deskPage.getByTestId('desk-messages');
    await messages.getByText(answer).waitFor({ timeout: 60_000 });
    expect(await messages.innerText()).toContain(question);
    expect(await messages.innerText()).toContain('Whistleblower');

    await deskPage.getByLabel('Priority').selectOption('high');
    await deskPage.getByLabel('Sector').selectOption('procurement');
    await deskPage.getByRole('button', { name: 'Triage', exact: true }).click();
    await deskPage.getByText('Priority high, sector procurement').waitFor();

    await deskPage.getByLabel('Outcome (shown to the whistleblower)').selectOption('substantiated');
    await deskPage.locator('textarea#outcome').fill(closing);
    await deskPage.getByRole('button', { name: 'Close case' }).click();
    await deskPage.getByTestId('desk-status').filter({ hasText: 'Closed' }).waitFor();
    await messages.getByText(closing).waitFor();
    expect(await deskPage.getByRole('button', { name: 'Close case' }).count()).toBe(0);
    expect(await deskPage.getByRole('alert').count()).toBe(0);
    await check(deskPage, 'case-closed');
  }, 120_000);

  it('shows the whistleblower the case closed with the closing message', async () => {
    await wbPage.bringToFront();
    await wb.logOut();
    await wb.returnWith(receipt);
    await wb.waitForCase();
    expect(await wbPage.getByTestId('case-status').textContent()).toBe('Closed');
    await wbPage.getByText(closing).waitFor();
    expect(await wbPage.getByLabel('Your reply').count()).toBe(0);
    await check(wbPage, 'whistleblower-closed');
    await wb.logOut();
  }, 120_000);

  it('signs in from the keyboard alone: fields in order, Enter submits, errors announced', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${deskOrigin}/desk`);
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    // Tab from the top of the page until the first field has focus (past the header's links).
    for (let i = 0; i < 10 && (await focused()) !== 'handle'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('handle');
    await page.keyboard.type(handle);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type('not the password at all');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('totp');
    await page.keyboard.type('000000');
    // The submit button is next in order; Enter in a field submits the form.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type),
    ).toBe('submit');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('totp');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Sign-in failed' })
      .waitFor({ timeout: 60_000 });
    expect(page.url()).toBe(`${deskOrigin}/desk`);
    await check(page, 'signin-keyboard-failed');
    await page.close();
  }, 90_000);

  it('had no CSP violation, no page error, no foreign request and no serious axe finding', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [deskOrigin, intakeOrigin])).toEqual([]);
    expect(seen.requests.some((url) => url.startsWith(`${deskOrigin}/api/session/kdf`))).toBe(true);
    expect(reports.length).toBe(11);
    for (const report of reports) expect(report.axe, report.name).toEqual([]);
  });
});
