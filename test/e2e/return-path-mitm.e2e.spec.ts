// Issue 12, finding 1, in real Chromium: a man in the middle in front of intake (the same power
// as a compromised server) seals a report key of its own to the receipt's box public key, which
// stands in the stored envelope in plain, and puts it in the case answer, in `wrappedKey` and in
// the envelope too. The genuine build must refuse the case and send nothing more; the attacker's
// key must open nothing that reached the proxy. The page is used as a whistleblower would: if it
// offers a reply box (the old path did), a reply is typed and sent, and the attacker's key is
// tried on every message the proxy saw. The same holds when the server starts substituting in
// the middle of a session (on "Check for updates") and when it hands back another report's
// envelope. The proxy changing nothing is checked first, so each refusal is the attack's doing.
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
const DEPLOYMENT = '/api/v1/deployment';
const SECRET_REPLY = 'The second ledger is in the basement of the port office.';

/** The parts of intake's case answer the man in the middle rewrites. */
type CaseAnswer = {
  reportId: string;
  channelId: string;
  envelope: SubmissionEnvelope;
  wrappedKey: string;
};

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let proxy: MitmProxy;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let page: Page;
  let wb: ReportingNavigator;
  let receipt = '';
  const reports: PageReport[] = [];
  // What the man in the middle does to the next case answers; undefined passes them through.
  let attack: ((view: CaseAnswer) => CaseAnswer) | undefined;
  let hideChannels = false;

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    proxy = await startMitmProxy(server.origin, [
      {
        matches: ({ method, path }) => attack !== undefined && method === 'GET' && path === CASE,
        rewrite: (body) => attack!(body as CaseAnswer),
      },
      {
        // A channel archived since the report: intake lists active channels only.
        matches: ({ method, path }) => hideChannels && method === 'GET' && path === DEPLOYMENT,
        rewrite: (body) => ({ ...(body as object), channels: [] }),
      },
    ]);
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

  /** The attacker's report key, sealed to the receipt's box key, put in both places. */
  function substituteKey(key: Uint8Array, genuine: SubmissionEnvelope[]) {
    return (view: CaseAnswer): CaseAnswer => {
      genuine.push(view.envelope);
      const wrapped = wrapReportKeyFor(
        server.backend,
        key,
        view.envelope.whistleblower.boxPublicKey,
      );
      const whistleblower = { ...view.envelope.whistleblower, wrappedKey: wrapped };
      return { ...view, wrappedKey: wrapped, envelope: { ...view.envelope, whistleblower } };
    };
  }

  /** Every message body that reached the proxy and opens under `key`: what the attacker reads. */
  function readWith(key: Uint8Array, envelope: SubmissionEnvelope): string[] {
    return proxy.requests
      .filter((r) => r.method === 'POST' && r.path === `${CASE}/messages`)
      .flatMap((r) => {
        try {
          const sent = JSON.parse(r.body.toString('utf8')) as { envelope: unknown };
          return [
            openMessage(server.backend, sent.envelope, {
              reportKey: key,
              reportId: envelope.reportId,
              authors: { whistleblower: envelope.whistleblower.signPublicKey, investigators: [] },
            }).body,
          ];
        } catch {
          return [];
        }
      });
  }

  /** What reached intake after the last (forged) case answer. */
  const sentAfterForgedCase = () => {
    const last = proxy.requests.findLastIndex((r) => r.method === 'GET' && r.path === CASE);
    return proxy.requests.slice(last + 1).map((r) => `${r.method} ${r.path}`);
  };

  const refusal = () =>
    page.getByRole('heading', { name: 'Stop: do not send anything more through this site' });

  /** The refusal is the whole page: nothing to type into or press that would reach the server. */
  async function expectRefusalPage() {
    expect(await page.getByLabel('Your reply').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    await page.getByText('Keep your receipt safe and secret', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('return-refused');
    expect(await page.locator('body').innerText()).not.toContain(receipt);
  }

  const storedTypes = async (reportId: string) =>
    (await server.store.readStream(`report-${reportId}`)).map((e) => e.type);

  it('opens the case through the proxy while it changes nothing', async () => {
    await wb.returnWith(receipt);
    await wb.waitForCase();
    expect(await page.getByTestId('case-status').textContent()).toBe('Received');
    await wb.logOut();
  }, 180_000);

  it('opens a case whose channel is no longer listed (archived since) instead of loading for good', async () => {
    hideChannels = true;
    try {
      await wb.returnWith(receipt);
      await wb.waitForCase();
      expect(await page.getByTestId('case-status').textContent()).toBe('Received');
      await page.getByLabel('Your reply').waitFor();
      await wb.logOut();
    } finally {
      hideChannels = false;
    }
  }, 180_000);

  it('refuses a key the server sealed to the receipt, sends nothing more, and the key opens nothing', async () => {
    const attackerKey = server.backend.randomBytes(32);
    const genuine: SubmissionEnvelope[] = [];
    attack = substituteKey(attackerKey, genuine);
    await wb.returnWith(receipt);
    const outcome = await Promise.race([
      refusal()
        .waitFor({ timeout: 120_000 })
        .then(() => 'refused' as const),
      page
        .getByTestId('case-status')
        .waitFor({ timeout: 120_000 })
        .then(() => 'opened' as const),
    ]);
    // Whatever the page offers, the whistleblower uses: an opened case gets the reply.
    if (outcome === 'opened') await wb.reply(SECRET_REPLY);
    await page.waitForLoadState('networkidle');

    expect(genuine.length).toBeGreaterThan(0);
    expect(readWith(attackerKey, genuine[0]!)).toEqual([]);
    // Nothing at all reached intake after the forged answer: no reply, no file, no session call.
    expect(sentAfterForgedCase()).toEqual([]);
    expect(outcome).toBe('refused');
    expect(await storedTypes(genuine[0]!.reportId)).toEqual(['ReportSubmitted']);
    await expectRefusalPage();
    reports.push(await checkPage(page, 'return-refused'));
  }, 180_000);

  it('refuses when the server starts substituting in the middle of a session', async () => {
    attack = undefined;
    await wb.returnWith(receipt);
    await wb.waitForCase();
    await page.getByLabel('Your reply').fill(SECRET_REPLY);
    const attackerKey = server.backend.randomBytes(32);
    const genuine: SubmissionEnvelope[] = [];
    attack = substituteKey(attackerKey, genuine);
    await wb.checkForUpdates();
    await refusal().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(sentAfterForgedCase()).toEqual([]);
    expect(readWith(attackerKey, genuine[0]!)).toEqual([]);
    expect(await storedTypes(genuine[0]!.reportId)).toEqual(['ReportSubmitted']);
    await expectRefusalPage();
  }, 180_000);

  it('refuses another report’s case, envelope and key, handed back for this receipt', async () => {
    const other = await submitFromNode(server, 'The customs office waves containers through.');
    const submitted = (await server.store.readAll()).filter((e) => e.type === 'ReportSubmitted');
    const theirs = (submitted.at(-1)!.data as { envelope: SubmissionEnvelope }).envelope;
    expect(other).not.toBe(receipt);
    attack = (view) => ({
      ...view,
      reportId: theirs.reportId,
      channelId: theirs.channelId,
      envelope: theirs,
      wrappedKey: theirs.whistleblower.wrappedKey,
    });
    await wb.returnWith(receipt);
    await refusal().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    expect(sentAfterForgedCase()).toEqual([]);
    await expectRefusalPage();
  }, 180_000);

  it('had no CSP violation, no page error, no foreign request and no serious axe finding', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [proxy.origin])).toEqual([]);
    expect(reports.length).toBe(1);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
      expect(report.overflowAt1920, report.name).toBeLessThanOrEqual(0);
    }
  });
});
