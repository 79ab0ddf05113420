// SECURITY.md, "The no-JavaScript path", its last promise: for investigators, a report sent
// through the /safe forms is marked "Sealed by the server" on the desk's case page. In real
// Chromium against the real composition root: a report sent from Node as the JavaScript pages
// send it, and one posted to the /safe forms as a browser without scripts posts it; the
// administrator opens each on the case page: the form's report carries the mark, the other not.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { deskPeople, type AdministratorNavigator } from './support/desk.ts';
import { channelIdNamed, submitToChannelNamed } from './support/node-whistleblower.ts';
import { startAdministratorStory, type Story } from './support/story.ts';

const title = hasChromium
  ? 'a report sealed by the server, marked so on the desk'
  : `a report sealed by the server: skipped, ${missingChromiumMessage}`;

const channel = 'Forms watch';

/** Posts the channel's /safe form with `text` as the answer to its first question. */
async function sendWithoutScripts(intake: string, channelId: string, text: string) {
  const formPath = `/safe/report/${channelId}`;
  const page = await fetch(`${intake}${formPath}`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const html = await page.text();
  const token = /name="form" value="([^"]+)"/.exec(html)![1]!;
  const question = /name="(q-[^"]+)"/.exec(html)![1]!;
  const form = new FormData();
  form.set('form', token);
  form.set(question, text);
  const sent = await fetch(`${intake}${formPath}`, {
    method: 'POST',
    headers: { cookie, 'sec-fetch-site': 'same-origin' },
    body: form,
  });
  expect(sent.status).toBe(201);
}

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let page: Page;

  beforeAll(async () => {
    ({ story, page, admin } = await startAdministratorStory('sealed-by-server'));
  }, 120_000);
  afterAll(() => story?.stop());

  const mark = () => page.getByTestId('sealed-by-server');

  it('marks the report sent through the forms, and only that one', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    await admin.addChannel(channel, ['?What happened?*']);
    expect(await admin.publishRecipients(channel, [deskPeople.administrator.handle])).toBe(
      'Published.',
    );
    const { intake } = story.platform;

    await submitToChannelNamed(intake, channel, { q1: 'Sent with JavaScript.' });
    await admin.openQueues();
    await admin.openOnlyCaseIn('Inbox');
    expect(await admin.answers()).toContain('Sent with JavaScript.');
    expect(await mark().count()).toBe(0);

    await sendWithoutScripts(
      intake,
      await channelIdNamed(intake, channel),
      'Sent without JavaScript.',
    );
    await admin.openQueues();
    await (await admin.waitForQueue('Inbox', 2)).click();
    const links = page.getByTestId('queue').getByRole('link', { name: /^Case / });
    await links.nth(1).waitFor();
    const seen: boolean[] = [];
    for (const i of [0, 1]) {
      await links.nth(i).click();
      await page.getByTestId('answers').waitFor({ timeout: 90_000 });
      const answers = await admin.answers();
      const marked = (await mark().count()) > 0;
      seen.push(marked);
      expect({ answers: answers.includes('without'), marked }).toEqual({
        answers: marked,
        marked,
      });
      if (marked) expect(await mark().innerText()).toContain('Sealed by the server');
      await admin.openQueues();
      await (await admin.waitForQueue('Inbox', 2)).click();
      await links.nth(1).waitFor();
    }
    // Both were opened: one marked, one not.
    expect(seen.sort()).toEqual([false, true]);
  }, 300_000);
});
