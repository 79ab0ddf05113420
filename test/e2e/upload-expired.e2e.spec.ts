// An evidence upload is swept on the server mid-way (as if the whistleblower's tab slept for a
// day): the next chunk gets 410 uploadExpired, and the page in real Chromium starts that file
// again and finishes it; the investigator decrypts it byte-identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { pdfWithAuthor } from './support/files.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { decryptEvidence, openSubmittedReports } from './support/investigator-by-protocol.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'evidence upload swept mid-way'
  : `evidence upload swept mid-way: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    browser = await launchChromium({ jitless: false });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the file again after a 410 and the evidence arrives whole', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const wb = new ReportingNavigator(page, server.origin);
    await wb.openLanding();
    await wb.startReport();
    await wb.chooseChannel(testChannel.name);
    await wb.answerText(/What happened\?/, 'Fuel vouchers were resold.');
    await wb.next();
    await wb.answerText(/Which organisation/, 'Transport ministry');
    await wb.next();
    await wb.next();
    await wb.next();
    const pdf = pdfWithAuthor();
    await wb.attach([{ name: 'vouchers.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    await page.getByRole('button', { name: 'Attach it anyway' }).click();
    await wb.goToReview();

    const answers: number[] = [];
    let swept = 0;
    page.on('response', (r) => {
      if (r.request().method() === 'PUT' && r.url().includes('/api/v1/case/evidence/'))
        answers.push(r.status());
    });
    // Before the first chunk reaches the server, the sweep removes the upload, as a day later.
    await page.route('**/api/v1/case/evidence/*?offset=*', async (route) => {
      if (route.request().method() === 'PUT' && swept === 0)
        swept = await server.blobStore.sweep(new Date(Date.now() + 60_000));
      await route.continue();
    });
    const receipt = await wb.submitFromReview();
    await page.unrouteAll();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(swept).toBe(1);
    expect(answers[0]).toBe(410);
    expect(answers.at(-1)).toBe(201);

    const [report] = await openSubmittedReports(server);
    const files = await decryptEvidence(server, report!.envelope.reportId, report!.reportKey);
    expect(files.map((f) => f.name)).toEqual(['vouchers.pdf']);
    expect(files[0]!.bytes.equals(pdf)).toBe(true);
  }, 240_000);
});
