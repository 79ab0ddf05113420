// SECURITY.md, Protocol step 4 ("Within one page load it refuses a version lower than the one it
// sealed to") and the trust chain's link 2 ("every browser ... refuses rollback"), attacked in
// real Chromium. The channel's list moves from version 2 to 3 while a whistleblower writes, so
// intake refuses the report sealed to version 2 (409) and the page fetches the deployment again.
// A man in the middle in front of intake answers that fetch with version 1: a list the deployment
// key really signed, naming only the recipient version 3 removed. The page must not seal to it: no
// report is sealed to a list older than version 2, and the page says the new list could not be
// checked.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedList } from '../../services/desk/test/harness.ts';
import { startMitmProxy, type MitmProxy } from '../support/mitm-proxy.ts';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'a compromised intake that rolls a recipient list back'
  : `a compromised intake that rolls a recipient list back: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let browser: LaunchedBrowser;
  let server: IntakeServer;
  let proxy: MitmProxy;
  let page: Page;

  beforeAll(async () => {
    ensureFrontendBuild();
    browser = await launchChromium({ jitless: false });
    server = await startIntake();
    proxy = await startMitmProxy(server.origin);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  it('never seals to a list older than the one it sealed to, and says so', async () => {
    const first = server.investigator;
    const second = await server.newInvestigator();
    // Version 2 adds a colleague; the page loads it.
    expect(await server.publishRecipients([first, second])).toBe(2);
    page = await browser.context.newPage();
    const wb = new ReportingNavigator(page, proxy.origin);
    await wb.writeReport(testChannel.name, 'ROLLBACK: the audit was cancelled.', 'Audit office');
    await wb.goToReview();
    // Version 3 removes the first investigator while the report is written.
    expect(await server.publishRecipients([second])).toBe(3);
    // From now on the server answers with version 1, validly signed by the deployment key.
    const rolledBack = signedList(server.desk, server.channelId, 1, [first.account]);
    proxy.rewrite({
      matches: ({ method, path }) => method === 'GET' && path === '/api/v1/deployment',
      rewrite: (body) => {
        const answer = body as { channels: { id: string; recipients: unknown }[] };
        return {
          ...answer,
          channels: answer.channels.map((c) =>
            c.id === server.channelId ? { ...c, recipients: rolledBack } : c,
          ),
        };
      },
    });

    await page.getByRole('link', { name: 'Lock and send' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'the new list could not be checked' })
      .waitFor({ timeout: 120_000 });
    expect(proxy.rewritten).toBeGreaterThan(0);
    const versions = proxy.requests
      .filter((r) => r.method === 'POST' && r.path === '/api/v1/reports')
      .map(
        (r) =>
          (JSON.parse(r.body.toString('utf8')) as { envelope: { recipientListVersion: number } })
            .envelope.recipientListVersion,
      );
    // Sealed once, to version 2 (refused by intake as outdated), never to version 1.
    expect(versions).toEqual([2]);
    expect((await server.store.readAll()).filter((e) => e.type === 'ReportSubmitted')).toEqual([]);
  }, 300_000);
});
