// SECURITY.md, "Threat model", the seized investigator laptop: what the desk's pages leave in the
// browser's storage, which outlives the tab (localStorage, IndexedDB, Cache Storage; and
// sessionStorage, which outlives a reload). In real Chromium against the real composition root,
// the administrator sets up, publishes a channel to themselves, and opens and decrypts a report
// whose answer is a canary. Then every storage of the desk's origin is read: none holds the
// canary, a key, the vault or anything else but the case list's read marks (report ids and
// counts under the investigator's id), which SECURITY.md names.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { deskPeople, type AdministratorNavigator } from './support/desk.ts';
import { submitToChannelNamed } from './support/node-whistleblower.ts';
import { startAdministratorStory, type Story } from './support/story.ts';

const title = hasChromium
  ? 'a seized investigator laptop: what the desk leaves in the browser'
  : `a seized investigator laptop: skipped, ${missingChromiumMessage}`;

const channel = 'Seized laptop watch';
const canary = `SEIZED-${Date.now().toString(36)}-the customs chief takes cash`;

interface Stored {
  local: Record<string, string>;
  session: Record<string, string>;
  databases: string[];
  caches: string[];
}

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let page: Page;

  beforeAll(async () => {
    ({ story, page, admin } = await startAdministratorStory('seized-laptop'));
  }, 120_000);
  afterAll(() => story?.stop());

  it('leaves nothing of a decrypted case, no key and no vault in the browser’s storage', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    await admin.addChannel(channel, ['?What happened?*']);
    expect(await admin.publishRecipients(channel, [deskPeople.administrator.handle])).toBe(
      'Published.',
    );
    await submitToChannelNamed(story.platform.intake, channel, { q1: canary });
    await admin.openQueues();
    const reportId = await admin.openOnlyCaseIn('Inbox');
    expect(await admin.answers()).toContain(canary);

    const stored: Stored = await page.evaluate(async () => {
      const all = (s: Storage) =>
        Object.fromEntries(
          Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)!]),
        );
      return {
        local: all(localStorage),
        session: all(sessionStorage),
        databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
        caches: await caches.keys(),
      };
    });
    const cookies = await page.context().cookies();
    const everything = JSON.stringify({ stored, cookies });
    expect(everything).not.toContain(canary);
    expect(stored.databases).toEqual([]);
    expect(stored.caches).toEqual([]);
    // Only the read marks in localStorage: under the investigator's id, report ids and counts.
    for (const [key, value] of Object.entries(stored.local)) {
      expect(key).toMatch(/^integrity-desk:seen:[0-9a-f-]{36}$/);
      const marks = JSON.parse(value) as Record<string, unknown>;
      expect(Object.keys(marks)).toEqual([reportId]);
      expect(Object.values(marks).every((n) => Number.isInteger(n))).toBe(true);
    }
    // In sessionStorage only the router's scroll positions, and no page's state snapshot.
    expect(Object.keys(stored.session).sort()).toEqual(['sveltekit:scroll', 'sveltekit:snapshot']);
    expect(stored.session['sveltekit:snapshot']).toBe('{}');
    expect(stored.session['sveltekit:scroll']).toMatch(/^\{("\d+":\{"x":\d+,"y":\d+\},?)*\}$/);
    // The session cookie: an opaque token, the desk's only cookie.
    expect(cookies.map((c) => [c.name, c.httpOnly])).toEqual(cookies.map((c) => [c.name, true]));
  }, 300_000);
});
