// Tor Browser "Safest": real Chromium with JavaScript disabled, against a real intake serving the
// real build beside a real desk. The start page points to the /safe forms before anything can be
// typed; the whistleblower chooses the organisation, answers, attaches a PDF and gets a receipt;
// the investigator opens report and file at the desk (desk API, opened in Node as the case page
// opens them) and sees it marked sealed by the server; the whistleblower returns with the receipt,
// reads the question and replies; the investigator opens the reply. The investigator proposes to
// refer the report to a union; the whistleblower reads where and why and agrees on the page,
// and the union's investigator opens the report by the share the server made for them in that
// request. Nothing the server keeps (events, blobs) holds any of the plaintext or the receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import {
  hasChromium,
  launchSharedChromium,
  missingChromiumMessage,
  type SharedBrowser,
} from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { pdfWithAuthor } from './support/files.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { foreignRequests, observe, type Observations } from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';

const title = hasChromium
  ? 'whistleblower without JavaScript'
  : `whistleblower without JavaScript: skipped, ${missingChromiumMessage}`;

const what = 'NOJS-what: the harbour tender was awarded before the bids were opened.';
const where = 'NOJS-where: Port Authority';
const question = 'Who signed the award letter?';
const reply = 'NOJS-reply: the deputy director, on the 3rd.';
const reason = 'NOJS-reason: the union represents the harbour workers.';

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let browser: SharedBrowser;
  let context: BrowserContext;
  let checker: BrowserContext;
  let page: Page;
  /** The last document the no-script page received, as it came (body and policy). */
  let lastDocument: { url: string; body: string; csp: string } | undefined;
  let seen: Observations;
  const reports: PageReport[] = [];
  let receipt = '';
  let reportId = '';
  let reportKey: Uint8Array;
  let whistleblowerKey = '';
  let pdf: Buffer;

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    browser = await launchSharedChromium();
    context = await browser.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    seen = await observe(context);
    page = await context.newPage();
    page.on('response', (response: Response) => {
      if (response.request().resourceType() !== 'document') return;
      void response.text().then((body) => {
        lastDocument = {
          url: response.url(),
          body,
          csp: response.headers()['content-security-policy'] ?? '',
        };
      });
    });
    // The page checks run scripts (axe, measurements), which a context without JavaScript
    // cannot: they run on the same document, with the same policy, in a context that can.
    checker = await browser.browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = async (name: string) => {
    await expect.poll(() => lastDocument?.url).toBe(page.url());
    const document = lastDocument!;
    const copy = await checker.newPage();
    await copy.route(document.url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': document.csp },
        body: document.body,
      }),
    );
    await copy.goto(document.url);
    reports.push(await checkPage(copy, `nojs-${name}`));
    await copy.close();
  };

  it('points to the forms without JavaScript, with the weaker promise, before anything is typed', async () => {
    await page.goto(`${server.origin}/`);
    const pointer = page.getByTestId('no-script');
    expect(await pointer.isVisible()).toBe(true);
    await pointer.getByRole('link', { name: 'Report or return without JavaScript' }).click();
    await page.getByRole('heading', { name: 'Report wrongdoing without JavaScript' }).waitFor();
    await page.getByRole('link', { name: testChannel.name }).click();
    await page.getByRole('heading', { name: `Report to ${testChannel.name}` }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text.indexOf('the server sees what you write')).toBeGreaterThan(-1);
    expect(text.indexOf('the server sees what you write')).toBeLessThan(
      text.indexOf('What happened?'),
    );
    expect(text).toContain('set the security level to Safer');
    await check('form');
  }, 60_000);

  it('sends the report with a file and shows the receipt', async () => {
    await page.getByLabel('What happened?').fill(what);
    await page.getByLabel('Which organisation is involved?').fill(where);
    await page.getByRole('radio', { name: 'Yes' }).check();
    pdf = pdfWithAuthor();
    await page
      .locator('#files')
      .setInputFiles([{ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    await page.getByRole('button', { name: 'Lock and send the report' }).click();
    await page.getByRole('heading', { name: 'Your report was received' }).waitFor();
    receipt = (await page.getByTestId('receipt').innerText()).trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await check('receipt');
  }, 60_000);

  it('lets the investigator open the report and the file at the desk, marked sealed by the server', async () => {
    const [report] = await server.investigator.openInbox();
    reportId = report!.envelope.reportId;
    reportKey = report!.reportKey;
    whistleblowerKey = report!.envelope.whistleblower.signPublicKey;
    expect(report!.answers).toEqual({ language: 'en', answers: { what, where, ongoing: 'Yes' } });
    const files = await server.investigator.evidence(reportId, reportKey);
    expect(files.map((f) => [f.name, f.type, f.bytes.equals(pdf)])).toEqual([
      ['minutes.pdf', 'application/pdf', true],
    ]);
    expect((await server.investigator.caseFile(reportId)).file.sealedBy).toBe('server');
  }, 60_000);

  it('returns with the receipt, reads the question and replies', async () => {
    await server.investigator.acknowledge(reportId);
    await server.investigator.ask(reportId, reportKey, question);
    await page.goto(`${server.origin}/safe`);
    await page.getByRole('link', { name: 'I have a receipt: return to my report' }).click();
    await page.getByLabel('Your receipt').fill(receipt.toLowerCase());
    await page.getByRole('button', { name: 'Open my report' }).click();
    await page.getByRole('heading', { name: 'Your report' }).waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('Acknowledged');
    await page.getByText(question).waitFor();
    await check('case');
    await page.getByLabel('Your answer').fill(reply);
    await page.getByLabel(/Your receipt/).fill(receipt);
    await page.getByRole('button', { name: 'Lock and send the answer' }).click();
    await page.getByText('Your answer was locked and sent.').waitFor();
    await page.getByText(reply).waitFor();
    expect(
      await server.investigator.whistleblowerMessages(reportId, reportKey, whistleblowerKey),
    ).toEqual([reply]);
  }, 60_000);

  it('answers a referral: agreeing lets the union’s investigator read the report', async () => {
    const member = await server.newInvestigator();
    const union = await server.addChannel('Harbour union', [member]);
    await server.investigator.refer(reportId, reportKey, union, reason);
    await page.goto(`${server.origin}/safe/return`);
    await page.getByLabel('Your receipt').fill(receipt);
    await page.getByRole('button', { name: 'Open my report' }).click();
    const referral = page.getByTestId('referral');
    expect(await referral.innerText()).toContain('to pass your report to Harbour union');
    expect(await page.getByTestId('referral-reason').innerText()).toBe(reason);
    await check('referral');
    await referral.getByLabel(/Your receipt/).fill(receipt);
    await referral.getByRole('button', { name: 'Agree: pass it on' }).click();
    await page.getByText('Your report was passed to Harbour union with your agreement.').waitFor();
    const opened = await member.openShared(reportId);
    expect(opened.answers).toEqual({ language: 'en', answers: { what, where, ongoing: 'Yes' } });
  }, 60_000);

  it('kept none of the plaintext or the receipt in events or blobs', async () => {
    expect(receipt).not.toBe('');
    const events = await server.store.readAll();
    const kept = [
      JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    ];
    for (const e of events)
      if (e.type === 'EvidenceAdded') {
        const blob = await server.blobStore.read((e.data as { blobId: string }).blobId);
        kept.push(Buffer.from(blob!).toString('latin1'));
      }
    expect(kept.length).toBe(2);
    for (const secret of [what, where, reply, reason, receipt, receipt.replaceAll('-', ''), 'Exif'])
      expect({ secret, found: kept.some((k) => k.includes(secret)) }).toEqual({
        secret,
        found: false,
      });
    expect(kept.some((k) => k.includes(pdf.subarray(0, 200).toString('latin1')))).toBe(false);
  });

  it('reads the pages in another language chosen on the page itself, mirrored for Arabic', async () => {
    await page.goto(`${server.origin}/safe`);
    await page.getByRole('link', { name: 'Afrikaans' }).click();
    await page.getByRole('heading', { name: 'Rapporteer wangedrag sonder JavaScript' }).waitFor();
    await page.getByRole('link', { name: testChannel.name }).click();
    await page.getByRole('heading', { name: `Verslag aan ${testChannel.name}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('af');
    expect(await page.locator('main').innerText()).toContain('sien die bediener wat jy skryf');
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.getByRole('heading', { name: `بلاغ إلى ${testChannel.name}` }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await check('arabic-form');
  }, 60_000);

  it('ran no script, broke no policy, asked nothing foreign, and every page is accessible at 360 px', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [server.origin])).toEqual([]);
    expect(reports.map((r) => r.name)).toEqual([
      'nojs-form',
      'nojs-receipt',
      'nojs-case',
      'nojs-referral',
      'nojs-arabic-form',
    ]);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
      expect(report.smallestFontPx, report.name).toBeGreaterThanOrEqual(12);
    }
  });
});
