// The desk's case list (issue 15), in real Chromium against the real composition root: the
// administrator, the channel's recipient, defines the channel's labels and labels one report;
// the list finds it by filter and by label; a report sent while the list is open appears without
// a reload, marked unread (server-sent events from the projections).
import { loadBackend } from '@integrity-desk/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { CaseListNavigator } from './support/case-list.ts';
import { deskPeople, type AdministratorNavigator } from './support/desk.ts';
import { submitAnswersFromNode } from './support/node-whistleblower.ts';
import { startAdministratorStory, type Story } from './support/story.ts';

const title = hasChromium
  ? 'the case list: filter, label, live update with an unread marker'
  : `the case list: skipped, ${missingChromiumMessage}`;
const channel = 'Customs watch';
const { administrator } = deskPeople;

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let page: Page;
  let list: CaseListNavigator;
  let channelId: string;

  /** A desk API call from the signed-in page (its session cookie, the CSRF header). */
  const api = (method: string, path: string, body?: unknown, ifMatch?: string) =>
    page.evaluate(
      async ({ method, path, body, ifMatch }) => {
        const res = await fetch(path, {
          method,
          headers: {
            'x-integrity-desk': '1',
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...(ifMatch && { 'if-match': ifMatch }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        return { status: res.status, etag: res.headers.get('etag'), body: await res.json() };
      },
      { method, path, body, ifMatch },
    );
  /** Sends a report from Node; returns its id, the one the desk lists that it did not before. */
  const send = async (text: string) => {
    const ids = async () =>
      ((await api('GET', '/api/cases?limit=200')).body.items as { reportId: string }[]).map(
        (i) => i.reportId,
      );
    const before = await ids();
    await submitAnswersFromNode(
      { origin: story.platform.intake, backend: await loadBackend(), channelId },
      { q1: text },
    );
    for (;;) {
      const fresh = (await ids()).find((id) => !before.includes(id));
      if (fresh) return fresh;
      await page.waitForTimeout(100);
    }
  };

  beforeAll(async () => {
    ({ story, page, admin } = await startAdministratorStory('case-list'));
    list = new CaseListNavigator(page);
  }, 120_000);
  afterAll(() => story?.stop());

  it('finds a labelled report by label and by filter', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    await admin.addChannel(channel, ['?What happened?*']);
    expect(await admin.publishRecipients(channel, [administrator.handle])).toBe('Published.');
    const channels = await api('GET', '/api/channels');
    channelId = (channels.body.items as { channelId?: string; id?: string; name: string }[])
      .filter((c) => c.name === channel)
      .map((c) => c.channelId ?? c.id)[0] as string;
    // The labels are defined on the administration page and attached on the case page.
    await page.getByLabel(`Case labels for ${channel}`).fill('smuggling\nneeds legal');
    const labelsForm = page
      .locator('form')
      .filter({ has: page.getByLabel(`Case labels for ${channel}`) });
    await labelsForm.getByRole('button', { name: 'Save case labels' }).click();
    await labelsForm.getByRole('status').waitFor();
    expect((await api('GET', `/api/channels/${channelId}`)).body.labels).toEqual([
      'smuggling',
      'needs legal',
    ]);
    const labelled = await send('Containers cleared at night.');
    await send('A second report.');
    expect(
      (
        await api(
          'POST',
          `/api/reports/${labelled}/labels`,
          { label: 'bribes' },
          (await api('GET', `/api/reports/${labelled}`)).etag!,
        )
      ).status,
    ).toBe(422);

    await list.open();
    expect(await list.showing(2)).toContain(labelled);
    await page.locator(`tr[data-report="${labelled}"] a`).first().click();
    await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();
    for (const label of ['needs legal', 'smuggling']) {
      await page.getByLabel('Add a label').selectOption(label);
      await page.getByRole('button', { name: 'Add label' }).click();
      await page.getByTestId('case-labels').getByText(label).waitFor();
    }
    await page.getByRole('button', { name: 'Remove label needs legal' }).click();
    await page
      .getByRole('button', { name: 'Remove label needs legal' })
      .waitFor({ state: 'detached' });
    expect((await api('GET', `/api/reports/${labelled}`)).body.labels).toEqual(['smuggling']);

    await list.open();
    expect(await list.showing(2)).toContain(labelled);
    await list.filter('Label', 'smuggling');
    expect(await list.showing(1)).toEqual([labelled]);
    await list.filter('Label', '');
    await list.filter('Search (plain fields and labels)', 'SMUGG');
    expect(await list.showing(1)).toEqual([labelled]);
    await list.filter('Search (plain fields and labels)', '');
    await list.choose('status', 'closed');
    expect(await list.showing(0)).toEqual([]);
    await list.choose('status', 'submitted');
    expect(await list.showing(2)).toContain(labelled);
    await story.check(page, 'case-list');
  }, 300_000);

  it('shows a report sent while the list is open, without a reload, marked unread', async () => {
    const sameWindow = await list.markWindow();
    const fresh = await send('Sent while the investigator watches.');
    expect(fresh).toBeTruthy();
    expect(await list.showing(3)).toContain(fresh);
    expect(await list.unread(fresh)).toBe('1 new');
    expect(await sameWindow()).toBe(true);
  }, 120_000);
});
