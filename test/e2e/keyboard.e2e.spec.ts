// Every page operated with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys; no
// click, no focus() from the test), in real Chromium against the real composition root
// (startPlatform: intake and desk on loopback, embedded SQLite, the real build). Each focused
// element must show a focus indicator; after a page change the focus is at the page's start,
// and after an error or a dialog it is where the person continues. Every page also gets the
// axe, 360 px and readable-text checks, and the whole run must have no CSP violation.
// The evidence is a file of many chunks: its upload is watched for progress and for a connection
// dropped after the server stored a request (the resumed upload seals the same bytes again),
// its decryption on the desk for progress from bytes received, and the saved file must be
// byte-identical. Desk pages: setup, TOTP, sign-in, queues, case actions, purge, administration,
// enrolment of an invited investigator, unlock. Whistleblower pages: landing, channel choice,
// questionnaire, evidence, review, sending (and its failure), receipt typed back, return, case
// with reply and log out. Choice and date questions are walked in whistleblower-pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@integrity-desk/desk';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { atPageStart, KeyboardUser } from './support/keyboard.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const title = hasChromium
  ? 'keyboard alone on every page, desk and whistleblower'
  : `keyboard alone on every page: skipped, ${missingChromiumMessage}`;

const admin = 'ndapewa';
const password = 'correct horse battery staple';
const colleague = 'tjeripo';
const channelName = 'Integrity Namibia';
// About 3 MiB: 48 chunks of 64 KiB, four upload requests (15 chunks fit in intake's 1 MiB).
const evidence = randomBytes(3_100_000);

/** Records the values the page's <progress> bars take (polled, so a sample of them). */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const record = () => {
      for (const bar of document.querySelectorAll('progress')) {
        const value = (bar as HTMLProgressElement).value;
        if (seen[seen.length - 1] !== value) seen.push(value);
      }
    };
    // Svelte sets the value as a property, which no MutationObserver sees: poll as well.
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true });
    setInterval(record, 1);
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);

/** Moves a focused <select> with the arrow keys until it shows `value`. */
async function selectByKeys(kb: KeyboardUser, value: string) {
  const current = () => kb.page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
  for (let i = 0; i < 10 && (await current()) !== value; i++) await kb.press('ArrowDown');
  for (let i = 0; i < 10 && (await current()) !== value; i++) await kb.press('ArrowUp');
  expect(await current()).toBe(value);
}

describe.skipIf(!hasChromium)(title, () => {
  let platform: TestPlatform;
  let desk: string;
  let intake: string;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let deskPage: Page;
  let wbPage: Page;
  let dk: KeyboardUser;
  let wb: KeyboardUser;
  let totpSecret = '';
  let invitation = '';
  let receipt = '';
  const reports: PageReport[] = [];
  const check = async (page: Page, name: string) =>
    reports.push(await checkPage(page, `keyboard-${name}`));

  beforeAll(async () => {
    platform = await startTestPlatform('keyboard');
    desk = platform.desk;
    intake = platform.intake;
    browser = await launchChromium();
    seen = await observe(browser.context);
    deskPage = browser.context.pages()[0] ?? (await browser.context.newPage());
    wbPage = await browser.context.newPage();
    dk = new KeyboardUser(deskPage);
    wb = new KeyboardUser(wbPage);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('sets the deployment up, enrols TOTP and signs in from the keyboard', async () => {
    const page = deskPage;
    await page.bringToFront();
    await page.goto(`${desk}/desk`);
    await page.getByRole('link', { name: 'Set up this deployment' }).waitFor();
    await check(page, 'sign-in');
    // The first Tab shows the skip link, which goes straight to the page's main content.
    expect((await dk.press('Tab')).text).toBe('Skip to main content');
    await dk.press('Enter');
    expect((await dk.focused()).id).toBe('main');
    await dk.tabTo('a:Set up this deployment');
    await dk.press('Enter');
    await page.getByRole('heading', { name: 'Set up this deployment' }).waitFor();
    expect(atPageStart(await dk.focused())).toBe(true);
    await check(page, 'setup');

    await dk.tabTo('input#token');
    await dk.type(platform.setupToken);
    expect((await dk.press('Tab')).id).toBe('handle');
    await dk.type(admin);
    expect((await dk.press('Tab')).id).toBe('password');
    await dk.type('too short');
    await dk.press('Enter');
    await page.getByText('Use at least 12 characters.').waitFor();
    expect((await dk.focused()).id).toBe('password');
    await dk.retype(password);
    await dk.press('Enter');
    await page.getByTestId('totp-qr').waitFor({ timeout: 60_000 });
    // The form is gone: the focus starts the enrolment step, above the recovery key.
    expect((await dk.focused()).text).toMatch(/^Scan this code/);
    await check(page, 'setup-totp');
    const secretText = (await page.getByText(/^Or type this secret:/).textContent()) ?? '';
    totpSecret = secretText.replace('Or type this secret:', '').trim();

    await dk.tabTo('input#code');
    await dk.type('000000');
    await dk.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    expect((await dk.focused()).id).toBe('code');
    await dk.retype(totpCode(totpSecret, new Date()));
    await dk.press('Enter');
    await page.getByText('Enrolment complete').waitFor();
    expect((await dk.focused()).text).toBe('Enrolment complete. You can sign in now.');
    await check(page, 'setup-done');

    await dk.tabTo('a:Sign in');
    await dk.press('Enter');
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
    await dk.tabTo('input#handle');
    await dk.type(admin);
    await dk.press('Tab');
    await dk.type(password);
    await dk.press('Tab');
    // A code is accepted once per 30 s step: the next step's is within the drift window.
    await dk.type(totpCode(totpSecret, new Date(Date.now() + 30_000)));
    await dk.press('Enter');
    await page.getByRole('heading', { name: 'Queues' }).waitFor({ timeout: 60_000 });
    expect(atPageStart(await dk.focused())).toBe(true);
    await check(page, 'queues-empty');
  }, 180_000);

  it('administers from the keyboard: invite, channel with questionnaire, recipients, audit', async () => {
    const page = deskPage;
    await dk.tabTo('a:Administration');
    await dk.press('Enter');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    expect(atPageStart(await dk.focused())).toBe(true);

    await dk.tabTo('input#new-handle');
    await dk.type(colleague);
    expect((await dk.press('Tab')).id).toBe('new-role');
    await selectByKeys(dk, 'investigator');
    await dk.press('Tab');
    await dk.press('Enter');
    const code = page.getByRole('status').filter({ hasText: 'Invitation' });
    await code.waitFor();
    invitation = ((await code.textContent()) ?? '').replace(/^.*shown once\):/s, '').trim();
    expect(invitation).toMatch(/^[0-9a-f-]{36}:\S+$/);

    await dk.tabTo('input#channel-name');
    await dk.type(channelName);
    await dk.press('Tab');
    // Enter in a textarea is a new line: the questionnaire is typed one question per line.
    await dk.type('?What happened?*\nWhich organisation is involved?*');
    await dk.tabTo('button:Add channel');
    await dk.press('Space');
    const group = page.getByRole('group', { name: `Who receives reports sent to ${channelName}` });
    await group.waitFor();
    // Back up from the form to the channel's recipients and tick the administrator.
    await dk.tabTo((f) => f.what.startsWith('input:') && f.text.includes(admin), { back: true });
    await dk.press('Space');
    expect(await group.getByLabel(admin, { exact: true }).isChecked()).toBe(true);
    // The safety number is shown with its confirmation, which the keyboard reaches next.
    await dk.tabTo((f) => f.what.startsWith('input:') && f.text.startsWith('I compared'));
    await dk.press('Space');
    await dk.tabTo('button:Sign and publish the recipients');
    await dk.press('Enter');
    await group.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await page.locator('table tr').count()).toBeGreaterThan(3);
    await check(page, 'admin');
    const listed = async () => {
      const info = (await (await fetch(`${intake}/api/v1/deployment`)).json()) as {
        channels: { name: string; recipients: unknown }[];
      };
      return info.channels.some((c) => c.name === channelName && !!c.recipients);
    };
    await expect.poll(listed, { timeout: 10_000 }).toBe(true);
  }, 120_000);

  it('reports from the keyboard, with a file of many chunks sent through a dropped connection', async () => {
    const page = wbPage;
    await page.bringToFront();
    await page.goto(`${intake}/`);
    await page.getByRole('heading', { name: 'Report wrongdoing safely' }).waitFor();
    await check(page, 'landing');
    expect((await wb.press('Tab')).text).toBe('Skip to main content');
    await wb.press('Enter');
    await wb.tabTo((f) => f.inMain && f.text === 'Make a report');
    await wb.press('Enter');
    const choose = page.getByRole('button', { name: `Choose ${channelName}` });
    await choose.waitFor();
    expect(atPageStart(await wb.focused())).toBe(true);
    await check(page, 'channels');
    await wb.tabTo(`button:Choose ${channelName}`);
    await wb.press('Enter');
    await page.getByRole('heading', { name: 'Tell us what happened' }).waitFor();

    // A required answer left empty: the error is announced and the focus goes to the answer.
    await wb.tabTo('button:Next');
    await wb.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'it is required' }).waitFor();
    expect((await wb.focused()).id).toBe('q-q1');
    await check(page, 'question-required');
    await wb.type('Tender 17 was awarded to the minister’s cousin.');
    await wb.tabTo('button:Next');
    await wb.press('Enter');
    await page.getByText('Question 2 of 2').waitFor();
    expect((await wb.focused()).text).toBe('Question 2 of 2');
    await wb.tabTo('input#q-q2');
    await wb.type('Ministry of Works');
    await wb.press('Enter');
    await page.getByRole('heading', { name: 'Add evidence (optional)' }).waitFor();
    expect(atPageStart(await wb.focused())).toBe(true);

    await wb.tabTo('input#evidence-input');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), wb.press('Space')]);
    await chooser.setFiles({
      name: 'ledger.bin',
      mimeType: 'application/octet-stream',
      buffer: evidence,
    });
    await page.getByText('ledger.bin', { exact: true }).waitFor();
    await check(page, 'evidence');
    await wb.tabTo('a:Next');
    await wb.press('Enter');
    await page.getByRole('heading', { name: 'Check your report' }).waitFor();
    expect(atPageStart(await wb.focused())).toBe(true);
    await check(page, 'review');

    // First the submission is refused (the page offers to try again). Then the first evidence
    // request reaches the server but its answer is lost (the upload must go on from the
    // server's offset, not its own), and the second is cut before it arrives (sealed and sent
    // again from File.slice: the same bytes, or the file would not decrypt on the desk).
    await page.route('**/api/v1/reports', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 400, contentType: 'application/problem+json', body: '{}' })
        : route.continue(),
    );
    await wb.tabTo('a:Lock and send');
    await wb.press('Enter');
    await page.getByRole('heading', { name: 'Sending your report' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Sending failed' })
      .waitFor({ timeout: 60_000 });
    expect((await wb.focused()).text).toBe('Try again');
    await check(page, 'submit-failed');
    await page.unrouteAll();
    let puts = 0;
    let lostAnswers = 0;
    await page.route('**/api/v1/case/evidence/*?offset=*', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      puts += 1;
      if (puts === 1) {
        await route.fetch();
        lostAnswers += 1;
      }
      if (puts <= 2) return route.abort('connectionreset');
      return route.continue();
    });
    await watchProgress(page);
    await wb.press('Enter');
    await page.getByRole('heading', { name: 'Your receipt' }).waitFor({ timeout: 120_000 });
    await page.unrouteAll();
    expect({ lostAnswers, puts }).toEqual({ lostAnswers: 1, puts: 5 });
    const values = await progressSeen(page);
    // Sending is the second half of the bar: several distinct steps were shown on the way.
    expect(new Set(values.filter((v) => v > 50 && v < 100)).size).toBeGreaterThanOrEqual(2);
    receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await check(page, 'receipt');

    await wb.tabTo('input#typed');
    await wb.type(receipt.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    await wb.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'does not match' }).waitFor();
    expect((await wb.focused()).id).toBe('typed');
    await wb.retype(receipt.toLowerCase());
    await wb.press('Enter');
    await page.getByText('Correct. You can now leave this page.').waitFor();
    expect((await wb.focused()).text).toBe('Finish');
    await wb.press('Enter');
    await page.getByRole('heading', { name: 'Report wrongdoing safely' }).waitFor();
  }, 240_000);

  it('works the case from the keyboard: decrypt evidence with progress, acknowledge, message, triage, assign, status, note', async () => {
    const page = deskPage;
    await page.bringToFront();
    let inbox = page.getByRole('button', { name: 'Inbox (1)' });
    for (let i = 0; i < 20 && !(await inbox.isVisible()); i++) {
      await dk.tabTo('a:Administration');
      await dk.press('Enter');
      await page.getByRole('heading', { name: 'Administration' }).waitFor();
      await dk.tabTo('a:Queues', { back: true });
      await dk.press('Enter');
      await page.getByRole('heading', { name: 'Queues' }).waitFor();
      inbox = page.getByRole('button', { name: 'Inbox (1)' });
    }
    await dk.tabTo('button:Inbox (1)');
    await dk.press('Space');
    await page.getByTestId('queue').waitFor();
    await check(page, 'queues-inbox');
    await dk.tabTo((f) => f.what.startsWith('a:Case '));
    await dk.press('Enter');
    await page.getByTestId('answers').waitFor({ timeout: 60_000 });
    expect(atPageStart(await dk.focused())).toBe(true);
    await check(page, 'case');

    // A connection of 4 MiB/s (DevTools throttling): the body arrives over most of a second,
    // so the bar has time to show what has been received.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const throttle = (bytesPerSecond: number) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: -1,
      });
    await throttle(4 * 1024 * 1024);
    await watchProgress(page);
    await dk.tabTo((f) => f.text.startsWith('Decrypt '));
    await dk.press('Enter');
    await page.getByRole('link', { name: 'Save ledger.bin' }).waitFor({ timeout: 60_000 });
    await throttle(-1);
    await cdp.detach();
    expect((await dk.focused()).text).toBe('Save ledger.bin');
    const values = await progressSeen(page);
    expect(
      new Set(values.filter((v) => v > 0 && v < 100)).size,
      values.join(' '),
    ).toBeGreaterThanOrEqual(2);
    const [download] = await Promise.all([page.waitForEvent('download'), dk.press('Enter')]);
    expect(readFileSync((await download.path())!).equals(evidence)).toBe(true);

    const feedback = () => dk.focused().then((f) => f.what === 'div:Done.');
    await dk.tabTo('ack-send');
    await dk.press('Enter');
    await page.getByTestId('desk-status').filter({ hasText: 'Acknowledged' }).waitFor();
    // The acknowledgement form is gone: the outcome has the focus.
    await expect.poll(feedback).toBe(true);

    await dk.tabTo('textarea#message');
    await dk.type('Do you have the tender number of the second bid?');
    await dk.tabTo('button:Send');
    await dk.press('Enter');
    await page.getByTestId('timeline').getByText('second bid').waitFor();
    await expect.poll(feedback).toBe(true);

    await dk.tabTo('select#priority');
    await selectByKeys(dk, 'high');
    await dk.press('Tab');
    await selectByKeys(dk, 'procurement');
    await dk.tabTo('button:Triage');
    await dk.press('Enter');
    await page.getByText('Priority high, sector procurement').waitFor();

    await dk.tabTo('select#assignee');
    const adminOption = page.locator('#assignee option', { hasText: admin });
    await selectByKeys(dk, (await adminOption.getAttribute('value'))!);
    await dk.tabTo('button:Assign');
    await dk.press('Enter');
    await page.getByTestId('desk-assignees').filter({ hasText: admin }).waitFor();

    await dk.tabTo('select#status');
    await selectByKeys(dk, 'investigating');
    await dk.tabTo('button:Change status');
    await dk.press('Enter');
    await page.getByTestId('desk-status').filter({ hasText: 'Under investigation' }).waitFor();

    // The note is written under the timeline, before the work column: back from here.
    await dk.tabTo('textarea#note', { back: true });
    await dk.type('Check the tender register before replying.');
    await dk.tabTo('button:Add note');
    await dk.press('Enter');
    await page.getByText('Check the tender register before replying.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await check(page, 'case-worked');
  }, 180_000);

  it('works the case with its shortcuts, listed on the help overlay, never while typing', async () => {
    const page = deskPage;
    await dk.tabTo((f) => f.text.startsWith('Keyboard shortcuts'), { back: true });
    await dk.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const step of [
      'Next case',
      'Write a message to the whistleblower',
      'Choose who to assign',
    ])
      expect(await help.innerText()).toContain(step);
    await check(page, 'case-shortcuts');
    // Escape closes it; the focus goes back to where it was.
    await dk.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect((await dk.focused()).text).toMatch(/^Keyboard shortcuts/);
    // "r" goes to the message; there, the shortcut letters are only letters.
    await dk.press('r');
    expect((await dk.focused()).id).toBe('message');
    await dk.type('a ri?');
    expect((await dk.focused()).id).toBe('message');
    expect(await page.locator('textarea#message').inputValue()).toBe('a ri?');
    expect(await help.isVisible()).toBe(false);
    await dk.press('Control+A');
    await dk.press('Backspace');
    // Out of the text field, "i" goes to the choice of investigator.
    await dk.press('Tab');
    await dk.press('i');
    expect((await dk.focused()).id).toBe('assignee');
  }, 60_000);

  it('returns, reads, replies and logs out from the keyboard', async () => {
    const page = wbPage;
    await page.bringToFront();
    await wb.tabTo('a:I have a receipt', { back: true });
    await wb.press('Enter');
    await page.getByLabel('Receipt').waitFor();
    expect(atPageStart(await wb.focused())).toBe(true);
    await check(page, 'return');
    await wb.tabTo('input#receipt');
    await wb.type('0000-0000-0000-0000-0000-0000-0000');
    await wb.press('Enter');
    await page.getByRole('alert').waitFor({ timeout: 60_000 });
    expect((await wb.focused()).id).toBe('receipt');
    await wb.retype(receipt);
    await wb.press('Enter');
    await page.getByTestId('case-status').waitFor({ timeout: 120_000 });
    await page.getByText('Do you have the tender number of the second bid?').waitFor();
    await check(page, 'wb-case');

    await wb.tabTo('textarea#reply');
    await wb.type('Yes: MW/17/2026-B.');
    await wb.tabTo('button:Send reply');
    await wb.press('Enter');
    await page.getByText('Reply sent.').waitFor();
    await wb.tabTo('button:Log out');
    await wb.press('Enter');
    await page.getByText('You have logged out').waitFor();
    expect((await wb.focused()).text).toMatch(/^You have logged out/);
  }, 180_000);

  it('closes the case from the keyboard, through a conflict (412) explained and reloaded', async () => {
    const page = deskPage;
    await page.bringToFront();
    await dk.tabTo('select#outcome-choice');
    await selectByKeys(dk, 'substantiated');
    await dk.press('Tab');
    await dk.type('We referred the award to the auditor.');
    await dk.tabTo('button:Close case');
    await dk.press('Enter');
    // The whistleblower replied since this page was loaded: the desk answers 412, the page
    // says so, reloads (the reply shows) and puts the focus on the explanation.
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this case' });
    await conflict.waitFor();
    await expect.poll(() => dk.focused().then((f) => f.text)).toMatch(/^Someone else changed/);
    await page.getByTestId('timeline').getByText('Yes: MW/17/2026-B.').waitFor();
    await check(page, 'case-conflict');
    await dk.tabTo('button:Close case');
    await dk.press('Enter');
    await page.getByTestId('desk-status').filter({ hasText: 'Closed' }).waitFor();
    await expect.poll(() => dk.focused().then((f) => f.what)).toBe('div:Done.');
    await check(page, 'case-closed');
  }, 120_000);

  it('purges the closed case from the keyboard: a dialog that names what is destroyed, Escape cancels, the short id confirms', async () => {
    const page = deskPage;
    const shortId = (
      (await page.getByRole('heading', { level: 1 }).innerText()).split(' ')[1] ?? ''
    ).trim();
    expect(shortId).toMatch(/^[0-9a-f]{8}$/);
    await dk.tabTo('button:Purge report…');
    await dk.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Purge report ${shortId} permanently?` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('the 1 evidence file');
    await expect.poll(() => dk.focused().then((f) => f.id)).toBe('purge-id');
    // Escape closes it without a request; the focus goes back to the button.
    await dk.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await dk.focused()).what).toBe('button:Purge report…');
    await dk.press('Enter');
    await dialog.waitFor();
    await dk.type('not-it');
    await dk.press('Enter');
    await dialog.getByText(`Type the 8 characters ${shortId} exactly.`).waitFor();
    expect((await dk.focused()).id).toBe('purge-id');
    await check(page, 'case-purge-dialog');
    await dk.retype(shortId);
    await dk.tabTo('button:Purge permanently');
    await dk.press('Enter');
    await page.getByTestId('purged').getByText(`Report ${shortId} was purged.`).waitFor();
    await expect.poll(() => dk.focused().then((f) => f.text)).toMatch(/^Report \S+ was purged/);
    await check(page, 'case-purged');
    await dk.tabTo('button:Sign out', { back: true });
    await dk.press('Enter');
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
  }, 120_000);

  it('lets the invited investigator enrol and unlock from the keyboard (after the administrator signed out: one cookie jar)', async () => {
    const page = await browser.context.newPage();
    const kb = new KeyboardUser(page);
    await page.goto(`${desk}/desk`);
    await page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
    await kb.tabTo('a:Enrol as an investigator');
    await kb.press('Enter');
    await page.getByLabel('Invitation (from your administrator)').waitFor();
    expect(atPageStart(await kb.focused())).toBe(true);
    await check(page, 'enrol');
    await kb.tabTo('input#invite');
    await kb.type(invitation);
    await kb.press('Tab');
    await kb.type(`${password} too`);
    await kb.press('Enter');
    await page.getByTestId('totp-qr').waitFor({ timeout: 60_000 });
    expect((await kb.focused()).text).toMatch(/^Scan this code/);
    await check(page, 'enrol-totp');
    const text = (await page.getByText(/^Or type this secret:/).textContent()) ?? '';
    const secret = text.replace('Or type this secret:', '').trim();
    await kb.tabTo('input#code');
    await kb.type(totpCode(secret, new Date()));
    await kb.press('Enter');
    await page.getByText('Enrolment complete').waitFor();

    // A page past sign-in without unlocked keys leads to the unlock page.
    await page.goto(`${desk}/desk/queues`);
    await page.getByRole('heading', { name: 'Unlock your keys' }).waitFor();
    await check(page, 'unlock');
    await kb.tabTo('input#handle');
    await kb.type(colleague);
    await kb.press('Tab');
    await kb.type('not my password at all');
    await kb.press('Tab');
    await kb.type('000000');
    await kb.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Sign-in failed' })
      .waitFor({ timeout: 60_000 });
    expect((await kb.focused()).id).toBe('password');
    await kb.type(`${password} too`);
    await kb.press('Tab');
    await kb.type(totpCode(secret, new Date(Date.now() + 30_000)));
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Queues' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(kb.missingIndicator).toEqual([]);
    await page.close();
  }, 180_000);

  it('showed focus everywhere, had no CSP violation, no foreign request and no serious axe finding', () => {
    expect(dk.missingIndicator).toEqual([]);
    expect(wb.missingIndicator).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [desk, intake])).toEqual([]);
    expect(reports.length).toBe(26);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
      expect(report.overflowAt1920, report.name).toBeLessThanOrEqual(0);
      expect(report.smallestFontPx, report.name).toBeGreaterThanOrEqual(14);
    }
  });
});
