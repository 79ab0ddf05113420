// The desk tells its investigators THAT there is work (issue 14, "in the desk itself"), in real
// Chromium against the real composition root: the header's work indicator says nothing waits,
// then, without a reload, that a new report arrived when one is sent, that its deadline is near
// and then overdue when the reminder job records its reminder and escalation; the overdue link
// opens the case list filtered to that case, with its badge, as the queue and the case show it.
// The reminder job runs here with an injected clock (days ahead) on the platform's own log and
// read models, exactly as the desk's job appends them; the platform's clock stays the wall's.
import { loadBackend } from '@integrity-desk/protocol';
import { startReminderJob } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { CaseListNavigator } from './support/case-list.ts';
import { deskPeople, type AdministratorNavigator } from './support/desk.ts';
import { submitAnswersFromNode } from './support/node-whistleblower.ts';
import { startAdministratorStory, type Story } from './support/story.ts';

const title = hasChromium
  ? 'the desk says there is work: indicator and reminder badges, live'
  : `the desk says there is work: skipped, ${missingChromiumMessage}`;
const channel = 'Harbour watch';
const { administrator } = deskPeople;
const DAY = 86_400_000;

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let page: Page;

  beforeAll(async () => {
    ({ story, page, admin } = await startAdministratorStory('work-indicator'));
  }, 120_000);
  afterAll(() => story?.stop());

  /** The indicator's text, once it says `expected` (it is re-read live, never on a reload). */
  const indicator = async (expected: string) => {
    await page.getByTestId('work').filter({ hasText: expected }).waitFor({ timeout: 20_000 });
    return (await page.getByTestId('work').innerText()).replace(/\s+/g, ' ').trim();
  };

  /** The reminder job as the desk runs it, at `now`; how many reminders it found due. */
  async function remindersAt(now: Date) {
    const readModels = new Database(join(story.platform.dataDir, 'read-models.sqlite'), {
      readonly: true,
    });
    const job = startReminderJob({
      store: story.platform.platform.store,
      readModels,
      clock: { now: () => now },
      intervalMs: 3_600_000,
      timers: { every: () => ({ stop: () => undefined }) },
      onError: (e) => {
        throw e;
      },
    });
    const due = await job.run();
    await job.stop();
    readModels.close();
    return due;
  }

  it('shows a new report, then its deadline near and missed, without a reload, and links to them', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    await admin.addChannel(channel, ['?What happened?*']);
    expect(await admin.publishRecipients(channel, [administrator.handle])).toBe('Published.');
    const channels = (await page.evaluate(async () => (await fetch('/api/channels')).json())) as {
      items: { channelId?: string; id?: string; name: string }[];
    };
    const channelId = channels.items
      .filter((c) => c.name === channel)
      .map((c) => c.channelId ?? c.id)[0] as string;

    await admin.openQueues();
    expect(await indicator('Nothing waiting')).toBe('Nothing waiting');
    const mark = `${Date.now()}`;
    await page.evaluate((m) => ((window as unknown as { mark: string }).mark = m), mark);

    const sentAt = Date.now();
    await submitAnswersFromNode(
      { origin: story.platform.intake, backend: await loadBackend(), channelId },
      { q1: 'Fuel sold off the books at the harbour.' },
    );
    expect(await indicator('1 new report')).toBe('1 new report');

    // Five and a half days on the reminder falls due; eight days on, the escalation.
    expect(await remindersAt(new Date(sentAt + 5.5 * DAY))).toBe(1);
    expect(await indicator('1 deadline near')).toBe('1 new report 1 deadline near');
    expect(await remindersAt(new Date(sentAt + 8 * DAY))).toBe(2);
    expect(await indicator('1 overdue')).toBe('1 new report 1 overdue');
    // All of it arrived on the page it was on: the same document, never reloaded.
    expect(await page.evaluate(() => (window as unknown as { mark?: string }).mark)).toBe(mark);

    // The queue's row carries the badge.
    await (await admin.waitForQueue('Inbox', 1)).click();
    await page
      .getByTestId('queue')
      .getByTestId('reminder')
      .filter({ hasText: 'Overdue: administrators told' })
      .waitFor();

    // The overdue link: the case list filtered to that case, with its badge.
    await page.getByTestId('work').getByRole('link', { name: '1 overdue' }).click();
    await page.getByRole('heading', { name: 'Case list' }).waitFor();
    expect(new URL(page.url()).searchParams.get('reminder')).toBe('overdue');
    const list = new CaseListNavigator(page);
    const [reportId] = await list.showing(1);
    expect(await page.locator('select[name="reminder"]').inputValue()).toBe('overdue');
    const row = page.locator(`tr[data-report="${reportId}"]`);
    expect(await row.getByTestId('reminder').innerText()).toBe('Overdue: administrators told');
    await story.check(page, 'case-list');

    // And the case, beside its deadlines.
    await row.getByRole('link').first().click();
    await page.getByTestId('deadlines').getByTestId('reminder').waitFor({ timeout: 30_000 });
    expect(
      await page.getByTestId('deadlines').getByTestId('reminder').getAttribute('data-state'),
    ).toBe('overdue');
  }, 300_000);
});
