// The desk's case page (issue 15), in real Chromium against the real composition root
// (startPlatform). A whistleblower reports through the pages with a two-paragraph answer, an
// answer in Arabic and a photo; a second report comes from Node. The administrator, the
// channel's recipient, sees the answers under the questions the whistleblower read (never ids),
// the line breaks kept and the Arabic laid out right to left (dir="auto"), the photo previewed
// from a blob: URL decrypted in the page, the deadlines as badges with days left, and works the
// case with the keyboard shortcuts: next and previous case, acknowledge, reply, assign. The
// timeline then lists every step in the order it happened. No CSP violation, no foreign request,
// no serious axe finding, nothing wider than 360 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { deskPeople, type AdministratorNavigator } from './support/desk.ts';
import { jpegWithExif } from './support/files.ts';
import { submitToChannelNamed } from './support/node-whistleblower.ts';
import { expectCleanStory, startAdministratorStory, type Story } from './support/story.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'the case page: questions, line breaks, RTL, evidence preview, timeline, shortcuts'
  : `the case page: skipped, ${missingChromiumMessage}`;

const channel = 'Finance ministry';
const { administrator } = deskPeople;
const what =
  'The tender was signed on a Sunday.\nNobody from the board was there.\n\nAsk the clerk.';
const where = 'في وزارة المالية، الطابق الثالث.';
const fromNode = 'A second report, sent from Node.';
const reply = 'Thank you.\nWhich clerk?';
const ackText = 'We have your report.\nWe answer within three months.';

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let page: Page;
  const check = (name: string) => story.check(page, name);

  const caseId = () => new URL(page.url()).searchParams.get('id');
  const answers = () => page.getByTestId('answers');
  /** Presses a key outside any text field: the heading is not editable. */
  const shortcut = async (key: string) => {
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press(key);
  };

  beforeAll(async () => {
    ({ story, page, admin } = await startAdministratorStory('case-page'));
  }, 120_000);

  afterAll(() => story?.stop());

  it('sets up a channel whose recipient is the administrator; two reports arrive', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    await admin.addChannel(channel, ['?What happened?*', 'Where did it happen?']);
    expect(await admin.publishRecipients(channel, [administrator.handle])).toBe('Published.');
    // The channel's own acknowledgement, which the case page offers when acknowledging.
    await page.getByLabel(`Acknowledgement message for ${channel}`).fill(ackText);
    await page.getByRole('button', { name: 'Save acknowledgement message' }).click();
    await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();

    const wb = new ReportingNavigator(await story.personIn(), story.platform.intake);
    await wb.openLanding();
    await wb.startReport();
    await wb.chooseChannel(channel);
    await wb.answerText(/What happened\?/, what);
    await wb.next();
    await wb.answerText(/Where did it happen/, where);
    // Typed right to left where it is written (dir="auto" on the field)...
    const field = wb.page.getByLabel(/Where did it happen/);
    expect(await field.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    await wb.next();
    await wb.attach([
      { name: 'site.jpg', mimeType: 'image/jpeg', buffer: await jpegWithExif(wb.page) },
    ]);
    await wb.cleanedPreview('site.jpg');
    await wb.goToReview();
    // ...and read back so on review, the first answer with its line breaks.
    const review = wb.page.locator('dd');
    expect(
      await review.filter({ hasText: 'المالية' }).evaluate((e) => getComputedStyle(e).direction),
    ).toBe('rtl');
    expect(await review.filter({ hasText: 'Sunday' }).innerText()).toBe(what);
    await wb.submitFromReview();
    await wb.page.context().close();

    await submitToChannelNamed(story.platform.intake, channel, { q1: fromNode });
  }, 300_000);

  it('moves between the cases of the list with n and p', async () => {
    await admin.openQueues();
    await (await admin.waitForQueue('Inbox', 2)).click();
    const links = page.getByTestId('queue').getByRole('link', { name: /^Case / });
    await links.nth(1).waitFor();
    const ids = await Promise.all(
      [0, 1].map(async (i) =>
        new URL(
          (await links.nth(i).getAttribute('href')) ?? '',
          story.platform.desk,
        ).searchParams.get('id'),
      ),
    );
    await links.first().click();
    await answers().waitFor({ timeout: 90_000 });
    expect(caseId()).toBe(ids[0]);
    const first = await answers().innerText();
    await shortcut('n');
    await expect.poll(caseId).toBe(ids[1]);
    await expect.poll(() => answers().innerText(), { timeout: 90_000 }).not.toBe(first);
    // Past the end of the list, the page says so and stays.
    await shortcut('n');
    await page.getByRole('status').filter({ hasText: 'No further case' }).waitFor();
    expect(caseId()).toBe(ids[1]);
    await shortcut('p');
    await expect.poll(caseId).toBe(ids[0]);
    await expect.poll(() => answers().innerText(), { timeout: 90_000 }).toBe(first);
    // On to the whistleblower's report (the one with the photo).
    if (!first.includes('Sunday')) {
      await shortcut('n');
      await expect.poll(() => answers().innerText(), { timeout: 90_000 }).toContain('Sunday');
    }
  }, 180_000);

  it('shows the questions, keeps the line breaks and lays Arabic out right to left', async () => {
    const terms = await answers().locator('dt').allInnerTexts();
    expect(terms).toEqual(['What happened?', 'Where did it happen?']);
    const [said, place] = [answers().locator('dd').nth(0), answers().locator('dd').nth(1)];
    // innerText keeps the line breaks only where CSS keeps them (white-space: pre-wrap).
    expect(await said.innerText()).toBe(what);
    expect(await place.getAttribute('dir')).toBe('auto');
    expect(await place.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    expect(await said.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    const ack = page.getByTestId('deadlines').locator('li').first();
    expect(await ack.innerText()).toMatch(/^Acknowledge: [67] days left/);
    expect(await ack.getAttribute('data-tone')).toBe('later');
  }, 60_000);

  it('decrypts the photo in the page and previews it from a blob: URL', async () => {
    await page
      .getByTestId('evidence')
      .getByRole('button', { name: /^Decrypt / })
      .click();
    const preview = page.getByTestId('evidence-preview');
    await preview.waitFor({ timeout: 90_000 });
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    // Drawn: the image decoded (a CSP refusal or a broken file leaves naturalWidth at 0).
    await expect
      .poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(64);
    expect(await page.getByTestId('evidence').innerText()).toMatch(
      /image\/jpeg, \d+(\.\d)? (byte|kB)/,
    );
    await check('evidence');
  }, 120_000);

  it('acknowledges, replies and assigns through the shortcuts', async () => {
    await shortcut('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await check('shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    expect(await page.locator('textarea#ack').inputValue()).toBe(ackText);
    await shortcut('a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ack-send');
    await page.keyboard.press('Enter');
    await page.getByTestId('desk-status').filter({ hasText: 'Acknowledged' }).waitFor();

    await shortcut('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message');
    await page.keyboard.type('Thank you.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Which clerk?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('timeline').getByText('Which clerk?').waitFor();

    await shortcut('i');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assignee');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByTestId('desk-assignees').filter({ hasText: administrator.handle }).waitFor();
    await page
      .getByLabel('Internal note (never shown to the whistleblower)')
      .fill('Call the clerk.');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.getByTestId('timeline').getByText('Call the clerk.').waitFor();
    expect(await page.getByTestId('deadlines').innerText()).toMatch(/Acknowledge: done/);
    expect(await page.getByTestId('deadlines').innerText()).toMatch(/Feedback: \d+ days left/);
  }, 120_000);

  it('lists everything that happened in one stream, newest last, line breaks kept', async () => {
    const items = page.getByTestId('timeline').locator(':scope > li');
    const kinds = await items.evaluateAll((lis) =>
      lis.map((li) => (li as HTMLElement).dataset['type'] ?? (li as HTMLElement).dataset['kind']),
    );
    expect(kinds).toEqual([
      'ReportSubmitted',
      'evidence',
      'ReportAcknowledged',
      'message',
      'message',
      'ReportAssigned',
      'note',
    ]);
    const texts = await items.allInnerTexts();
    expect(texts[3]).toContain(ackText);
    expect(texts[4]).toContain(reply);
    expect(texts[5]).toContain(`Assigned to ${administrator.handle}`);
    await check('worked');
  }, 60_000);

  it('sent nothing outside the two origins, tripped no CSP, and no page has a serious axe finding', () => {
    expectCleanStory(story, ['evidence', 'shortcuts', 'worked']);
  });
});
