// A channel's recipient list changes while a whistleblower is writing: intake refuses the report
// sealed to the old list (409 recipientListOutdated), and the page in real Chromium refetches
// the deployment, verifies the new list and seals again, so the removed recipient cannot open
// the report (the lists are published through the real desk beside intake, which hands the new
// recipient the case). A new list that fails verification is never sealed to: the page says so.
import { openReport, type SubmissionEnvelope } from '@integrity-desk/protocol';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import type { DeskInvestigator } from './support/desk-investigator.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'recipient list changes while writing'
  : `recipient list changes while writing: skipped, ${missingChromiumMessage}`;

const opens = (server: IntakeServer, envelope: unknown, who: DeskInvestigator) => {
  try {
    openReport(server.backend, envelope, {
      kind: 'recipient',
      recipientId: who.recipientId,
      boxPublicKey: who.account.keys.box.publicKey,
      boxSecretKey: who.account.keys.box.secretKey,
    });
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const submissions: number[] = [];

  beforeAll(async () => {
    ensureFrontendBuild();
    browser = await launchChromium({ jitless: false });
  }, 120_000);
  afterAll(() => browser?.close());
  afterEach(() => server?.close());

  async function writeReport(): Promise<ReportingNavigator> {
    server = await startIntake();
    page = await browser.context.newPage();
    submissions.length = 0;
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/reports') && r.request().method() === 'POST')
        submissions.push(r.status());
    });
    const wb = new ReportingNavigator(page, server.origin);
    await wb.writeReport(testChannel.name, 'The permit office sells licences.', 'Permit office');
    await wb.goToReview();
    return wb;
  }

  it('seals again to the new list and the removed recipient cannot open the report', async () => {
    const wb = await writeReport();
    const removed = server.investigator;
    const added = await server.newInvestigator();
    expect(await server.publishRecipients([added])).toBe(2);

    const receipt = await wb.submitFromReview();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(submissions).toEqual([409, 201]);
    // The desk hands the case to the new recipient only.
    expect(await removed.inbox()).toEqual([]);
    const stored = await added.inbox();
    expect(stored).toHaveLength(1);
    const envelope = (await added.caseFile(stored[0]!)).file.envelope as SubmissionEnvelope;
    expect(envelope.recipientListVersion).toBe(2);
    expect(envelope.recipients.map((r) => r.recipientId)).toEqual([added.recipientId]);
    expect(opens(server, envelope, added)).toBe(true);
    expect(opens(server, envelope, removed)).toBe(false);
    await page.close();
  }, 240_000);

  it('refuses to seal to a new list that does not verify and says so, sending nothing', async () => {
    await writeReport();
    await server.publishRecipients([await server.newInvestigator()], { forged: true });

    await page.getByRole('link', { name: 'Lock and send' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'the new list could not be checked' })
      .waitFor({ timeout: 120_000 });
    expect(submissions).toEqual([409]);
    const reports = (await server.store.readAll()).filter((e) => e.type === 'ReportSubmitted');
    expect(reports).toEqual([]);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await page.close();
  }, 240_000);
});
