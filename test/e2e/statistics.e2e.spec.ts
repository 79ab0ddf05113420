// Published statistics (issue 14) in real Chromium against the real composition root: reports of
// an ended quarter are already in the log (appended beside the server, as a maintenance script
// would, at their past times); the administrator reads the indicators live, previews the
// snapshot with its small cells hidden, publishes it, and a visitor of the public site reads it.
import { fakeSubmissionEnvelope } from '../../services/reports/src/shared/fixtures.ts';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { deskPeople, type AdministratorNavigator } from './support/desk.ts';
import { startAdministratorStory, type Story } from './support/story.ts';

const title = hasChromium
  ? 'statistics: live for staff, published for everyone, small cells hidden'
  : `statistics: skipped, ${missingChromiumMessage}`;
const channel = 'Land watch';
const { administrator } = deskPeople;

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let page: Page;

  /** One command on a report at a past time, as the decider and the store take it. */
  const at = (iso: string, reportId: string, command: Omit<ReportCommand, 'metadata'>) =>
    handleReportCommand(story.platform.platform.store, reportId, {
      ...command,
      metadata: { now: new Date(iso), eventId: randomUUID(), actor: { kind: 'system' } },
    } as ReportCommand);

  beforeAll(async () => {
    ({ story, page, admin } = await startAdministratorStory('statistics'));
  }, 120_000);
  afterAll(() => story?.stop());

  it('shows the indicators to the administrator, publishes a snapshot, and the public site shows it', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    await admin.addChannel(channel, ['?What happened?*']);
    expect(await admin.publishRecipients(channel, [administrator.handle])).toBe('Published.');
    const channelId = await page.evaluate(async (name) => {
      const r = await fetch('/api/channels');
      const body = (await r.json()) as { items: { channelId: string; name: string }[] };
      return body.items.find((c) => c.name === name)?.channelId ?? '';
    }, channel);

    // 2026-Q3: seven reports without a sector (five acknowledged the next day), two on police.
    for (let i = 0; i < 9; i++) {
      const reportId = randomUUID();
      const envelope = fakeSubmissionEnvelope(reportId, channelId);
      await at('2026-08-03T10:00:00.000Z', reportId, {
        type: 'SubmitReport',
        data: { reportId, channelId, envelope },
      });
      if (i < 5 || i >= 7)
        await at('2026-08-04T10:00:00.000Z', reportId, {
          type: 'AcknowledgeReport',
          data: { reportId },
        });
      if (i >= 7)
        await at('2026-08-05T10:00:00.000Z', reportId, {
          type: 'TriageReport',
          data: { reportId, priority: 'normal', sector: 'police', region: null },
        });
    }

    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    const received = page.locator('dl.indicators dd').first();
    // The desk's projections pick up the appended reports within a moment.
    await expect.poll(async () => received.textContent(), { timeout: 20_000 }).toBe('9');
    await expect
      .poll(() => page.locator('dl.indicators dd').nth(1).textContent(), { timeout: 10_000 })
      .toMatch(/^7 of 9 \(78%\)$/);
    await story.check(page, 'desk-statistics');
    // The chart beside the table: per quarter the reports received, and drawn over that bar the
    // part acknowledged in time, each in its own colour (9 received, 7 in time, in one quarter).
    const bars = await page.locator('figure svg rect').evaluateAll((rects) =>
      rects.map((r) => ({
        series: r.classList[0],
        height: r.getAttribute('height'),
        fill: getComputedStyle(r).fill,
      })),
    );
    expect(bars).toEqual([
      { series: 'received', height: '120', fill: 'rgb(154, 183, 211)' },
      { series: 'in-time', height: String(Math.round((7 / 9) * 120)), fill: 'rgb(31, 78, 121)' },
    ]);

    await page.getByLabel('Hide numbers below').fill('5');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('table').filter({ hasText: 'All organisations' });
    await preview.waitFor();
    const policeRow = preview.getByRole('row', { name: /^Police/ });
    await expect.poll(() => policeRow.getByRole('cell').first().textContent()).toBe('hidden*');
    await page.getByRole('button', { name: 'Publish this snapshot' }).click();
    await page.getByRole('status').filter({ hasText: 'Published on' }).waitFor();

    const visitor = await story.personIn();
    await visitor.goto(`${story.platform.intake}/statistics`);
    await visitor.getByRole('heading', { name: 'Published statistics' }).waitFor();
    const table = visitor.getByRole('table').filter({ hasText: 'Land watch' });
    await table.waitFor();
    const channelRow = table.getByRole('row', { name: new RegExp(`^${channel}`) });
    expect(await channelRow.getByRole('cell').first().textContent()).toBe('9');
    expect(
      await table
        .getByRole('row', { name: /^Police/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('hidden*');
    expect(await visitor.getByText('Quarter 2026-Q4').count()).toBe(0);
    await story.check(visitor, 'public-statistics');
  }, 300_000);

  it('lets the administrator choose where and how often the desk says there is work', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'E-mail notifications' }).waitFor();
    await page.getByLabel('E-mail address').fill('not an address');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    // The browser's own check refuses it before anything is sent.
    expect(
      await page
        .getByLabel('E-mail address')
        .evaluate((e) => (e as HTMLInputElement).validity.valid),
    ).toBe(false);
    await page.getByLabel('E-mail address').fill('root@staff.example.org');
    await page.getByLabel('How often').selectOption('daily');
    await page
      .getByLabel('OpenPGP public key (optional: messages are then encrypted to it)')
      .fill('not a key');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not save' }).waitFor();
    await page
      .getByLabel('OpenPGP public key (optional: messages are then encrypted to it)')
      .fill('');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
    const saved = await page.evaluate(async () =>
      (await fetch('/api/account/notifications')).json(),
    );
    expect(saved).toMatchObject({ email: 'root@staff.example.org', mode: 'daily', pgpKey: null });
    await page.getByLabel('Default for everyone who has not chosen').selectOption('immediate');
    await page.getByRole('button', { name: 'Save the default' }).click();
    await expect
      .poll(
        async () =>
          (await page.evaluate(async () => (await fetch('/api/account/notifications')).json()))
            .defaultMode,
      )
      .toBe('immediate');
    await story.check(page, 'account-notifications');
  }, 120_000);
});
