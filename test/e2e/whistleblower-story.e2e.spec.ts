// The whistleblower's part of the story in real Chromium against a real intake service (memory
// store) serving the real build: submit with an image and a PDF, type the receipt back as a
// person might (lower case, spaces for dashes), return, see the acknowledgement and the
// question, reply, see the case closed; a second receipt sees a case just received and nothing
// of the first. The investigator works at the real desk beside intake through its HTTP API from
// Node, so what the browser seals is opened by code other than the desk's pages (desk-story
// opens it there).
// One run, in ordinary Chromium: the desk story runs a whistleblower without JIT or
// WebAssembly end to end, with a dropped upload; keyboard.e2e drops uploads in this Chromium and
// checks a mistyped receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { jpegWithExif, pdfWithAuthor } from './support/files.ts';
import { readBlob } from './support/blob-reader.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { submitFromNode } from './support/node-whistleblower.ts';
import {
  foreignRequests,
  observe,
  receiptForms,
  recordSent,
  type Observations,
} from './support/observe.ts';
import { checkPage, type PageReport } from './support/page-checks.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'whistleblower story against intake'
  : `whistleblower story against intake: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let browser: LaunchedBrowser;
  let seen: Observations;
  let sent: string[];
  let page: Page;
  let wb: ReportingNavigator;
  const reports: PageReport[] = [];
  let receipt = '';
  let previewBytes: Buffer;
  let pdf: Buffer;
  let reportId = '';
  let reportKey: Uint8Array;
  let whistleblowerKey = '';

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    browser = await launchChromium();
    seen = await observe(browser.context);
    sent = recordSent(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    wb = new ReportingNavigator(page, server.origin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = async (name: string) => reports.push(await checkPage(page, `story-${name}`));

  it('submits a report with an image and a PDF and shows the receipt once', async () => {
    await wb.writeReport(
      testChannel.name,
      'Tender 17 was awarded to the minister’s cousin.',
      'Ministry of Works',
    );
    await wb.attach([
      { name: 'site.jpg', mimeType: 'image/jpeg', buffer: await jpegWithExif(page) },
    ]);
    await page.getByText(/^Cleaned:/).waitFor();
    previewBytes = await readBlob(
      browser.context,
      server.origin,
      await page.locator('[data-testid=attachments] img').getAttribute('src'),
    );
    pdf = pdfWithAuthor();
    await wb.attachPdfAnyway('minutes.pdf', pdf);
    await wb.goToReview();
    receipt = await wb.submitFromReview();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await check('receipt');

    await wb.typeBackReceipt(receipt.toLowerCase().replaceAll('-', ' '));
    await page.getByText('Correct. You can now leave this page.').waitFor();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Report wrongdoing safely' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(receipt);
  }, 240_000);

  it('lets the investigator decrypt it: the PDF byte-identical, the image the cleaned preview', async () => {
    const opened = await server.investigator.openInbox();
    expect(opened).toHaveLength(1);
    const report = opened[0]!;
    reportId = report.envelope.reportId;
    reportKey = report.reportKey;
    whistleblowerKey = report.envelope.whistleblower.signPublicKey;
    // The answers sealed with the language they were given in (the pages' English here).
    expect(report.answers).toMatchObject({
      language: 'en',
      answers: {
        what: 'Tender 17 was awarded to the minister’s cousin.',
        where: 'Ministry of Works',
      },
    });
    const files = await server.investigator.evidence(reportId, reportKey);
    const byName = Object.fromEntries(files.map((f) => [f.name, f]));
    expect(Object.keys(byName).sort()).toEqual(['minutes.pdf', 'site.jpg']);
    expect(byName['minutes.pdf']!.bytes.equals(pdf)).toBe(true);
    expect(byName['site.jpg']!.bytes.equals(previewBytes)).toBe(true);
    expect(byName['site.jpg']!.bytes.includes(Buffer.from('Exif'))).toBe(false);
  });

  it('shows the acknowledgement and the question after returning with the receipt, and sends the reply', async () => {
    await server.investigator.acknowledge(reportId);
    await server.investigator.ask(
      reportId,
      reportKey,
      'Do you have the tender number of the second bid?',
    );
    await wb.returnWith(receipt);
    await wb.waitForCase();
    expect(await page.getByTestId('case-status').textContent()).toBe('Acknowledged');
    await page.getByText('Do you have the tender number of the second bid?').waitFor();
    await check('case');
    await wb.reply('Yes: MW/17/2026-B. The file is in the registry archive.');
    expect(
      await server.investigator.whistleblowerMessages(reportId, reportKey, whistleblowerKey),
    ).toEqual(['Yes: MW/17/2026-B. The file is in the registry archive.']);
  }, 180_000);

  it('shows the case closed, and a second receipt, issued with Argon2id before derivation version 2, opens its own case and never the first', async () => {
    await server.investigator.close(reportId);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await page.getByTestId('case-status').filter({ hasText: 'Closed' }).waitFor();
    await check('case-closed');
    await wb.logOut();

    // Receipts issued before version 2 keep working: the page tries version 2, is refused, and
    // derives with Argon2id at the deployment's parameters (SECURITY.md, Protocol step 2).
    const second = await submitFromNode(server, 'The harbour fees are skimmed.', 1);
    await wb.returnWith(second);
    await wb.waitForCase();
    expect(await page.getByTestId('case-status').textContent()).toBe('Received');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('tender number');
    expect(text).not.toContain('MW/17/2026-B');
    await wb.logOut();
  }, 240_000);

  it('never sent the receipt to the server, in any form, in any request it made', () => {
    // SECURITY.md: "the receipt is never sent". The page derived keys from it, signed with them
    // and opened the case; nothing it put on the wire (URL, header, body) holds the receipt.
    expect(receipt).not.toBe('');
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.some((r) => r.startsWith('POST ') && r.includes('/api/v1/session'))).toBe(true);
    const leaks = sent.filter((r) => receiptForms(receipt).some((form) => r.includes(form)));
    expect(leaks.map((r) => r.split('\n')[0])).toEqual([]);
  });

  it('had no CSP violation, no page error, no foreign request and no serious axe finding', () => {
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [server.origin])).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (const report of reports) {
      expect(report.axe, report.name).toEqual([]);
      expect(report.overflowAt360, report.name).toBeLessThanOrEqual(0);
      expect(report.overflowAt1920, report.name).toBeLessThanOrEqual(0);
    }
  });
});
