// One browser story on the real platform: the platform, a shared Chromium whose every context
// is watched (requests, CSP violations, page errors), the page checks taken on the way, and the
// assertion every story ends with. Each person is a context of their own (their own cookies).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchSharedChromium, type SharedBrowser } from './chromium.ts';
import { foreignRequests, observe, type Observations } from './observe.ts';
import { checkPage, overflowing, type PageReport } from './page-checks.ts';
import { AdministratorNavigator, deskPeople } from './desk.ts';
import { startTestPlatform, type TestPlatform } from './platform.ts';

export interface Story {
  name: string;
  platform: TestPlatform;
  browser: SharedBrowser;
  seen: Observations;
  reports: PageReport[];
  /** A new person: a fresh, watched browser context and its page. */
  personIn(): Promise<Page>;
  /** axe, 360 px and readable text on this page now, with screenshots `<name>-...png`. */
  check(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startStory(name: string): Promise<Story> {
  const platform = await startTestPlatform(name);
  const browser = await launchSharedChromium();
  const seen: Observations = { requests: [], cspViolations: [], pageErrors: [] };
  const reports: PageReport[] = [];
  return {
    name,
    platform,
    browser,
    seen,
    reports,
    async personIn() {
      const context = await browser.newContext();
      await observe(context, seen);
      return context.newPage();
    },
    async check(page, checked) {
      reports.push(await checkPage(page, `${name}-${checked}`));
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await platform.stop();
    },
  };
}

/**
 * What every story ends with: no request left the platform's two origins, no CSP violation, no
 * page error, the pages checked were these, none with a serious axe finding, none scrolling
 * sideways at 360 or 1,920 px.
 */
export function expectCleanStory(story: Story, checked: string[]): void {
  const { name, platform, seen, reports } = story;
  expect(foreignRequests(seen, [platform.desk, platform.intake])).toEqual([]);
  expect(seen.cspViolations).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(reports.map((r) => r.name)).toEqual(checked.map((c) => `${name}-${c}`));
  expect(reports.filter((r) => r.axe.length > 0)).toEqual([]);
  expect(overflowing(reports)).toEqual([]);
}

/** A story whose first person is the stories' administrator (deskPeople), at the desk. */
export async function startAdministratorStory(name: string) {
  const story = await startStory(name);
  const page = await story.personIn();
  const { administrator } = deskPeople;
  const admin = new AdministratorNavigator(
    page,
    story.platform.desk,
    administrator.handle,
    administrator.password,
  );
  return { story, page, admin };
}
