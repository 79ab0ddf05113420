// The proof of work as the whistleblower sees it, in Chromium without JIT or WebAssembly (Tor
// Browser "Safer"): while it runs, the page shows the time left at the device's measured rate and
// the worker keeps reporting; leaving the page stops the work in the worker. The challenge is
// replaced in flight by one of 30 bits (the client does not check intake's signature; intake
// would), so the search is certain to be still running whenever the test looks.
import { describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { intakeInChromiumForSuite } from './support/intake-suite.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'proof of work: an estimate while it runs, stopped when the page is left'
  : `proof of work progress: skipped, ${missingChromiumMessage}`;

/** Counts the progress messages the crypto worker posts to the page (in the page's window). */
function countWorkerProgress() {
  const counts = { progress: 0 };
  Object.assign(window, { __workerProgress: counts });
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent) => {
        if (event.data && typeof event.data === 'object' && 'progress' in event.data)
          counts.progress++;
      });
    }
  };
}

describe.skipIf(!hasChromium)(title, () => {
  const suite = intakeInChromiumForSuite({ jitless: true });

  it('shows the time left, keeps reporting, and stops when the page is left', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(countWorkerProgress);
    await page.route('**/api/v1/pow', (route) =>
      route.fulfill({
        json: {
          challenge: `pow1.30.${Date.now() + 600_000}.bm9uY2U.bWFj`,
          bits: 30,
          expiresAt: Date.now() + 600_000,
          algorithm: 'sha256-leading-zero-bits/v1',
        },
      }),
    );
    const progressed = () =>
      page.evaluate(
        () => (window as unknown as { __workerProgress: { progress: number } }).__workerProgress,
      );
    const wb = new ReportingNavigator(page, suite.server.origin);
    await wb.writeReport(testChannel.name, 'Permits were sold.', 'City hall');
    await wb.goToReview();
    await page.getByRole('link', { name: 'Lock and send' }).click();
    // Receipt keys first (Argon2id without JIT), then the work and its estimate.
    const estimate = page.getByTestId('pow-estimate');
    await estimate.waitFor({ timeout: 120_000 });
    expect(await estimate.textContent()).toMatch(/^About \d+ (s|min) left on this device$/);
    // The worker keeps reporting while it works (every quarter second; polled, not timed).
    const first = (await progressed()).progress;
    await expect
      .poll(async () => (await progressed()).progress, { timeout: 30_000 })
      .toBeGreaterThan(first + 2);

    await page.goBack();
    await page.getByRole('heading', { name: 'Check your report' }).waitFor();
    // Cancelled: once the slice that was running ends, no more progress comes.
    await page.waitForTimeout(2000);
    const after = (await progressed()).progress;
    await page.waitForTimeout(3000);
    expect((await progressed()).progress).toBe(after);
    await page.close();
  }, 240_000);
});
