// Evidence uploads that go wrong on the server, in real Chromium; the investigator decrypts each
// file byte-identical afterwards:
// - swept mid-way (as if the whistleblower's tab slept for a day): the next chunk gets 410
//   uploadExpired, and the page starts that file again and finishes it;
// - every byte arrived but recording it failed (the last chunk answers 500): the page learns
//   that from the upload's status and asks the server to finish it.
import { describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { pdfWithAuthor } from './support/files.ts';
import { intakeInChromiumForSuite } from './support/intake-suite.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'evidence upload going wrong on the server'
  : `evidence upload going wrong on the server: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  const suite = intakeInChromiumForSuite();

  /** A report in a fresh page with one PDF attached, at the review step. */
  async function reviewWithPdf() {
    const page = await suite.browser.context.newPage();
    const wb = new ReportingNavigator(page, suite.server.origin);
    await wb.writeReport(testChannel.name, 'Fuel vouchers were resold.', 'Transport ministry');
    const pdf = pdfWithAuthor();
    await wb.attachPdfAnyway('vouchers.pdf', pdf);
    await wb.goToReview();
    /** Evidence requests' methods and statuses, in the order they were answered. */
    const answers: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/case/evidence/'))
        answers.push(`${r.request().method()} ${r.status()}`);
    });
    const reportsBefore = await suite.server.investigator.inbox();
    /** The files of the report this page sent, as the investigator decrypts them. */
    const delivered = async () => {
      const report = await suite.server.investigator.openNewReport(reportsBefore);
      const files = await suite.server.investigator.evidence(
        report.envelope.reportId,
        report.reportKey,
      );
      return files.map((f) => ({ name: f.name, same: f.bytes.equals(pdf) }));
    };
    return { page, wb, answers, delivered };
  }

  it('starts the file again after a 410 and the evidence arrives whole', async () => {
    const { page, wb, answers, delivered } = await reviewWithPdf();
    let swept = 0;
    // Before the first chunk reaches the server, the sweep removes the upload, as a day later.
    await page.route('**/api/v1/case/evidence/*?offset=*', async (route) => {
      if (route.request().method() === 'PUT' && swept === 0)
        swept = await suite.server.blobStore.sweep(new Date(Date.now() + 60_000));
      await route.continue();
    });
    const receipt = await wb.submitFromReview();
    await page.unrouteAll();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(swept).toBe(1);
    const puts = answers.filter((a) => a.startsWith('PUT'));
    expect([puts[0], puts.at(-1)]).toEqual(['PUT 410', 'PUT 201']);
    expect(await delivered()).toEqual([{ name: 'vouchers.pdf', same: true }]);
  }, 240_000);

  it('asks the server to finish an upload whose every byte arrived but was not recorded', async () => {
    const { wb, answers, delivered } = await reviewWithPdf();
    suite.server.failEvidenceAppends(1);
    const receipt = await wb.submitFromReview();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    // The last chunk's 500, the status saying every byte is there, then the finish.
    expect(answers.slice(-3)).toEqual(['PUT 500', 'GET 200', 'POST 201']);
    expect(await delivered()).toEqual([{ name: 'vouchers.pdf', same: true }]);
  }, 240_000);
});
