// The whistleblower's pages in real Chromium against the static build (deployment info faked,
// no services): landing, channel choice, questionnaire, evidence cleaning, review. Runs twice,
// the second time without JIT and WebAssembly (Tor Browser "Safer").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { fakeDeployment, testChannel } from './support/fake-deployment.ts';
import { jpegWithExif, pdfWithAuthor } from './support/files.ts';
import { readBlob } from './support/blob-reader.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';
import { serveBuild, type StaticServer } from './support/static-server.ts';
import { WhistleblowerNavigator } from './support/whistleblower.ts';
import { atPageStart, KeyboardUser } from './support/keyboard.ts';

const title = hasChromium
  ? 'whistleblower pages in Chromium'
  : `whistleblower pages in Chromium: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium).each([
  { mode: 'jit', jitless: false },
  { mode: 'jitless', jitless: true },
])(`${title} ($mode)`, ({ mode, jitless }) => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;
  let wb: WhistleblowerNavigator;
  const reports: PageReport[] = [];

  beforeAll(async () => {
    server = await serveBuild(ensureFrontendBuild(), fakeDeployment);
    browser = await launchChromium({ jitless });
    seen = await observe(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    wb = new WhistleblowerNavigator(page, server.origin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = async (name: string) => reports.push(await checkPage(page, `wb-${mode}-${name}`));

  it('runs without WebAssembly only in the jitless mode', async () => {
    await wb.openLanding();
    const wasm = await page.evaluate(() => typeof WebAssembly !== 'undefined');
    expect(wasm).toBe(!jitless);
  });

  it('explains safety and anonymity in plain words on the landing page', async () => {
    await wb.openLanding();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Tor Browser');
    expect(text).toContain('your employer does not own or manage');
    expect(text).toContain('What this cannot protect you from');
    await page.getByTestId('demo-banner').waitFor();
    // This build pins no deployment key: every page says so (a pinned one does not, build spec).
    expect(await page.getByTestId('unpinned-banner').innerText()).toContain('does not pin');
    await check('landing');
  });

  it('is operated by keyboard alone from the landing page to the review, showing focus', async () => {
    const kb = new KeyboardUser(page);
    await wb.openLanding();
    await kb.tabTo((f) => f.inMain && f.text === 'Make a report');
    await kb.press('Enter');
    const choose = `button:Choose ${testChannel.name}`;
    await page.getByRole('button', { name: `Choose ${testChannel.name}` }).waitFor();
    expect(atPageStart(await kb.focused())).toBe(true);
    await kb.tabTo(choose);
    await kb.press('Enter');
    await page.getByLabel(/What happened\?/).waitFor();
    await kb.tabTo('textarea#q-what');
    await kb.type('Tender 17 was awarded to the minister’s cousin.');
    await kb.tabTo('button:Next');
    await kb.press('Enter');
    expect(await wb.questionNumber()).toBe('Question 2 of 4');
    expect((await kb.focused()).text).toBe('Question 2 of 4');
    await kb.tabTo('input#q-where');
    await kb.type('Ministry of Works');
    await kb.press('Enter');
    // A choice: Tab into the group, the arrow keys move and choose.
    expect(await wb.questionNumber()).toBe('Question 3 of 4');
    await kb.tabTo((f) => f.what.startsWith('input:') && f.text === 'Yes');
    await kb.press('ArrowDown');
    await kb.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'I do not know' }).isChecked()).toBe(true);
    await kb.tabTo('button:Next');
    await kb.press('Enter');
    await kb.tabTo('input#q-when');
    await kb.type('03012026');
    expect(await page.locator('#q-when').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Add evidence (optional)' }).waitFor();

    // The document warning is a dialog: the focus goes into it, then back to choosing files.
    await kb.tabTo('input#evidence-input');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), kb.press('Space')]);
    await chooser.setFiles({
      name: 'minutes.pdf',
      mimeType: 'application/pdf',
      buffer: pdfWithAuthor(),
    });
    await page.getByRole('alertdialog').waitFor();
    await expect.poll(() => kb.focused().then((f) => f.text)).toBe('Attach it anyway');
    await kb.press('Enter');
    await page.getByText('minutes.pdf', { exact: true }).waitFor();
    expect((await kb.focused()).id).toBe('evidence-input');
    await kb.tabTo('button:Remove minutes.pdf');
    await kb.press('Enter');
    await page.getByText('No files added.').waitFor();
    expect((await kb.focused()).id).toBe('evidence-input');
    await kb.tabTo('a:Next');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Check your report' }).waitFor();
    const review = await page.locator('main').innerText();
    expect(review).toContain('Ministry of Works');
    expect(review).toContain('I do not know');
    await kb.tabTo('a:Lock and send');
    expect(kb.missingIndicator).toEqual([]);
  });

  it('walks the questionnaire, refusing to skip a required answer', async () => {
    await wb.openLanding();
    await wb.startReport();
    await check('channels');
    await wb.chooseChannel(testChannel.name);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').filter({ hasText: 'it is required' }).waitFor();
    expect(await wb.questionNumber()).toBe('Question 1 of 4');
    await check('question-required');
    await wb.answerText(/What happened\?/, 'Tender 17 was awarded to the minister’s cousin.');
    await wb.next();
    await wb.answerText(/Which organisation/, 'Ministry of Works');
    await wb.next();
    await wb.answerChoice('I do not know');
    await check('question-choice');
    await wb.next();
    await wb.answerText(/When did it start\?/, '2026-03-01');
    await wb.next();
    await page.getByRole('heading', { name: 'Add evidence (optional)' }).waitFor();
  });

  it('strips image metadata in the browser and says what was removed', async () => {
    const jpeg = await jpegWithExif(page);
    await wb.attach([{ name: 'site-photo.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    const cleaned = page.getByText(/^Cleaned:/);
    await cleaned.waitFor();
    const said = await cleaned.textContent();
    expect(said).toContain('camera and editing information (EXIF)');
    expect(said).toContain('location (GPS)');
    expect(said).toContain('comments');
    const img = page.locator('[data-testid=attachments] img');
    const width = await img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
    const bytes = await readBlob(browser.context, server.origin, await img.getAttribute('src'));
    const text = bytes.toString('latin1');
    const preview = { width, exif: text.includes('Exif'), author: text.includes('J. Doe') };
    expect(preview).toEqual({ width: 64, exif: false, author: false });
    await check('evidence-image');
  });

  it('warns about documents that may name their author, and lets the person decide', async () => {
    await wb.attach([
      { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdfWithAuthor() },
    ]);
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('may contain the author’s name');
    await check('evidence-warning');
    await page.getByRole('button', { name: 'Attach it anyway' }).click();
    await page.getByText('minutes.pdf', { exact: true }).waitFor();
    await wb.goToReview();
    const review = await page.locator('main').innerText();
    expect(review).toContain('Ministry of Works');
    expect(review).toContain('I do not know');
    expect(review).toContain('site-photo.jpg');
    expect(review).toContain('minutes.pdf');
    await check('review');
  });

  it('keeps answers in memory only: no storage, no cookies, gone after a reload', async () => {
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
      // SvelteKit keeps scroll positions in sessionStorage under sveltekit:*; nothing else may.
      sessionKeys: Object.keys(sessionStorage).filter((k) => !k.startsWith('sveltekit:')),
      sessionText: Object.values(sessionStorage).join(' '),
    }));
    expect(stored).toMatchObject({ local: 0, cookie: '', databases: 0, sessionKeys: [] });
    expect(stored.sessionText).not.toContain('Ministry');
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'only in memory' }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Ministry of Works');
  });

  it('shows the return page with a labelled receipt field', async () => {
    await page.goto(`${server.origin}/return`);
    await page.getByLabel('Receipt').waitFor();
    await check('return');
  });

  it('had no CSP violation, no page error, no foreign request and no serious axe finding', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.requests.length).toBeGreaterThan(10);
    expect(foreignRequests(seen, [server.origin])).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(7);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
      expect(report.overflowAt1920, report.name).toBeLessThanOrEqual(0);
      expect(report.smallestFontPx, report.name).toBeGreaterThanOrEqual(14);
    }
  });
});

// Without Chromium, say so in the test output rather than passing silently.
if (!hasChromium) {
  describe('browser tests', () => {
    it.skip(missingChromiumMessage, () => {});
  });
}
