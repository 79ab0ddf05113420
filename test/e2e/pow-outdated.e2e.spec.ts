// A flood raises the proof-of-work difficulty while the whistleblower's browser is solving, in
// real Chromium: intake refuses the challenge the browser solved at the old difficulty (403
// powOutdated, issue 13, finding 3), and the page fetches a fresh challenge, solves it and sends
// again, for the submission and for the receipt session that uploads the evidence. The report
// and its evidence arrive; the whistleblower sees nothing but a longer wait.
import { solvePow } from '@integrity-desk/intake';
import { randomBytes } from 'node:crypto';
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
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'a difficulty that rises while the browser solves'
  : `a difficulty that rises while the browser solves: skipped, ${missingChromiumMessage}`;

/**
 * Paid attempts from Node, as a flood that pays its proofs of work would make them: session
 * attempts on random locators (401 each), in batches, until the server asks for one bit more than
 * it does now (one more bit per doubling of the normal rate, 20 a minute in this server).
 */
async function raiseDifficulty(origin: string): Promise<void> {
  const going = async () =>
    ((await (await fetch(`${origin}/api/v1/pow`)).json()) as { bits: number }).bits;
  const bits = (await going()) + 1;
  while ((await going()) < bits) {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let paid = 0; paid < 25;) {
          const { challenge } = (await (await fetch(`${origin}/api/v1/pow`)).json()) as {
            challenge: string;
          };
          const res = await fetch(`${origin}/api/v1/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              locator: randomBytes(32).toString('base64url'),
              challenge: 'x',
              signature: 'y',
              pow: { challenge, solution: solvePow(challenge) },
            }),
          });
          await res.arrayBuffer();
          // 403: this flood raised the difficulty under its own feet (powOutdated); solve again.
          if (res.status === 401) paid++;
          else expect(res.status).toBe(403);
        }
      }),
    );
  }
}

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    ensureFrontendBuild();
    // One bit more per doubling of 20 paid attempts a minute (the server's normal rate), and
    // room for them under the session limit: a flood this machine can make in seconds.
    server = await startIntake({
      config: {
        pow: { baseBits: 4, minBits: 2, maxBits: 16, normalRatePerMinute: 20 },
        rateLimits: { sessionGlobalPerWindow: 10_000 },
      },
    });
    browser = await launchChromium({ jitless: false });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('solves a fresh challenge after powOutdated, for the report and for its evidence', async () => {
    const page = await browser.context.newPage();
    const wb = new ReportingNavigator(page, server.origin);
    await wb.writeReport(testChannel.name, 'Fuel vouchers were resold.', 'Transport ministry');
    const pdf = pdfWithAuthor();
    await wb.attachPdfAnyway('vouchers.pdf', pdf);
    await wb.goToReview();

    /** The answers to the paid requests, in order: status and problem type. */
    const answers: string[] = [];
    page.on('response', async (r) => {
      const path = new URL(r.url()).pathname;
      if (r.request().method() !== 'POST') return;
      if (path !== '/api/v1/reports' && path !== '/api/v1/session') return;
      const type = r.status() === 403 ? ((await r.json()) as { type: string }).type : '';
      answers.push(`${path} ${r.status()}${type ? ` ${type.split('/').at(-1)}` : ''}`);
    });
    // The first submission and the first session attempt each wait until a flood has raised
    // the difficulty above the one their challenge was solved at.
    const raised: string[] = [];
    for (const path of ['/api/v1/reports', '/api/v1/session']) {
      let first = true;
      await page.route(`**${path}`, async (route) => {
        if (route.request().method() === 'POST' && first) {
          first = false;
          await raiseDifficulty(server.origin);
          raised.push(path);
        }
        await route.continue();
      });
    }
    const reportsBefore = await server.investigator.inbox();

    const receipt = await wb.submitFromReview();
    await page.unrouteAll();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(raised).toEqual(['/api/v1/reports', '/api/v1/session']);
    expect(answers).toEqual([
      '/api/v1/reports 403 powOutdated',
      '/api/v1/reports 201',
      '/api/v1/session 403 powOutdated',
      '/api/v1/session 201',
    ]);
    const report = await server.investigator.openNewReport(reportsBefore);
    const files = await server.investigator.evidence(report.envelope.reportId, report.reportKey);
    expect(files.map((f) => ({ name: f.name, same: f.bytes.equals(pdf) }))).toEqual([
      { name: 'vouchers.pdf', same: true },
    ]);
  }, 240_000);
});
