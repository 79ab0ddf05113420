// Issue 12, finding 1, in real Chromium: a man in the middle in front of intake (the same power
// as a compromised server) seals a report key of its own to the receipt's box public key, which
// stands in the stored envelope in plain, and puts it in the case answer, in `wrappedKey` and in
// the envelope too. The genuine build must refuse the case and send nothing more; the attacker's
// key must open nothing that reached the proxy. The page is used as a whistleblower would: if it
// offers a reply box (the old path did), a reply is typed and sent, and the attacker's key is
// tried on every message the proxy saw. The proxy changing nothing is checked first, so the
// refusal is the attack's doing, not the proxy's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openMessage, wrapReportKeyFor, type SubmissionEnvelope } from '@integrity-desk/protocol';
import { startMitmProxy, type MitmProxy } from '../support/mitm-proxy.ts';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { submitFromNode } from './support/node-whistleblower.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'return path behind a man in the middle'
  : `return path behind a man in the middle: skipped, ${missingChromiumMessage}`;

const CASE = '/api/v1/case';
const SECRET_REPLY = 'The second ledger is in the basement of the port office.';

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let proxy: MitmProxy;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;
  let wb: ReportingNavigator;
  let receipt = '';
  const reports: PageReport[] = [];

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    proxy = await startMitmProxy(server.origin);
    browser = await launchChromium();
    seen = await observe(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    wb = new ReportingNavigator(page, proxy.origin);
    receipt = await submitFromNode(server, 'The port authority sells berths for cash.');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  it('opens the case through the proxy while it changes nothing', async () => {
    await wb.returnWith(receipt);
    await wb.waitForCase();
    expect(await page.getByTestId('case-status').textContent()).toBe('Received');
    await wb.logOut();
  }, 180_000);

  it('refuses a key the server sealed to the receipt, sends nothing more, and the key opens nothing', async () => {
    const b = server.backend;
    const attackerKey = b.randomBytes(32);
    let genuine: SubmissionEnvelope | undefined;
    proxy.rewrite({
      matches: ({ method, path }) => method === 'GET' && path === CASE,
      rewrite: (body) => {
        const view = body as { envelope: SubmissionEnvelope; wrappedKey: string };
        genuine = view.envelope;
        const wrapped = wrapReportKeyFor(b, attackerKey, view.envelope.whistleblower.boxPublicKey);
        const whistleblower = { ...view.envelope.whistleblower, wrappedKey: wrapped };
        return { ...view, wrappedKey: wrapped, envelope: { ...view.envelope, whistleblower } };
      },
    });
    await wb.returnWith(receipt);
    const refusal = page.getByRole('heading', {
      name: 'Stop: do not send anything more through this site',
    });
    const outcome = await Promise.race([
      refusal.waitFor({ timeout: 120_000 }).then(() => 'refused' as const),
      page
        .getByTestId('case-status')
        .waitFor({ timeout: 120_000 })
        .then(() => 'opened' as const),
    ]);
    const caseAnswer = proxy.requests.findLastIndex((r) => r.method === 'GET' && r.path === CASE);
    expect(proxy.rewritten).toBe(1);
    // Whatever the page offers, the whistleblower uses: an opened case gets the reply.
    if (outcome === 'opened') await wb.reply(SECRET_REPLY);
    await page.waitForLoadState('networkidle');

    const envelope = genuine!;
    const readByAttacker = proxy.requests
      .filter((r) => r.method === 'POST' && r.path === `${CASE}/messages`)
      .flatMap((r) => {
        try {
          const sent = JSON.parse(r.body.toString('utf8')) as { envelope: unknown };
          return [
            openMessage(b, sent.envelope, {
              reportKey: attackerKey,
              reportId: envelope.reportId,
              authors: { whistleblower: envelope.whistleblower.signPublicKey, investigators: [] },
            }).body,
          ];
        } catch {
          return [];
        }
      });
    expect(readByAttacker).toEqual([]);
    // Nothing at all reached intake after the forged answer: no reply, no file, no session call.
    expect(proxy.requests.slice(caseAnswer + 1).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(outcome).toBe('refused');
    const stored = await server.store.readStream(`report-${envelope.reportId}`);
    expect(stored.map((e) => e.type)).toEqual(['ReportSubmitted']);

    // The refusal is the whole page: nothing to type into or press that would reach the server.
    expect(await page.getByLabel('Your reply').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    await page.getByText('Keep your receipt safe and secret', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('return-refused');
    expect(await page.locator('body').innerText()).not.toContain(receipt);
    reports.push(await checkPage(page, 'return-refused'));
  }, 180_000);

  it('had no CSP violation, no page error, no foreign request and no serious axe finding', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [proxy.origin])).toEqual([]);
    expect(reports.length).toBe(1);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
    }
  });
});
