// Sealing evidence without JIT or WebAssembly (Tor Browser "Safer"), in real Chromium: the page
// stays responsive while the crypto worker seals on the pure-JS backend (a timer on the page
// keeps firing), and the bar moves while each request's chunks are sealed, a step per 64 KiB
// chunk rather than one per 1 MiB request. No timing bound: ticks and steps are counted.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { intakeInChromiumForSuite } from './support/intake-suite.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'sealing evidence on the pure-JS backend keeps the page responsive'
  : `sealing evidence on the pure-JS backend: skipped, ${missingChromiumMessage}`;

/** In the page: a 100 ms timer's ticks, and every value the progress bar shows while sending. */
function watchPage() {
  const seen = { ticks: 0, sendingValues: [] as number[] };
  Object.assign(window, { __watch: seen });
  setInterval(() => seen.ticks++, 100);
  new MutationObserver(() => {
    const bar = document.querySelector('[data-testid=submit-progress]');
    const stage = document.getElementById('stage')?.textContent ?? '';
    if (bar instanceof HTMLProgressElement && stage.startsWith('Sending'))
      seen.sendingValues.push(bar.value);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
}

describe.skipIf(!hasChromium)(title, () => {
  const suite = intakeInChromiumForSuite({ jitless: true });

  it('a timer keeps firing and the bar moves chunk by chunk while 2 MiB are sealed', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(watchPage);
    const watched = () =>
      page.evaluate(
        () =>
          (window as unknown as { __watch: { ticks: number; sendingValues: number[] } }).__watch,
      );
    const wb = new ReportingNavigator(page, suite.server.origin);
    await wb.writeReport(testChannel.name, 'Invoices were doubled.', 'Port authority');
    await wb.attach([
      { name: 'ledger.bin', mimeType: 'application/octet-stream', buffer: randomBytes(2 << 20) },
    ]);
    await page.getByText('ledger.bin', { exact: true }).waitFor();
    await wb.goToReview();
    await page.getByRole('link', { name: 'Lock and send' }).click();
    await page.getByRole('heading', { name: 'Sending your report' }).waitFor();
    await page.getByText('Sending', { exact: true }).waitFor({ timeout: 120_000 });
    const start = await watched();
    await page.getByRole('heading', { name: 'Your receipt' }).waitFor({ timeout: 180_000 });
    const end = await watched();
    // Two requests of 1 MiB: one step each before; a step per sealed chunk now.
    const steps = new Set(end.sendingValues).size;
    expect(steps).toBeGreaterThan(8);
    // The page's own timer ran on while the worker sealed.
    expect(end.ticks - start.ticks).toBeGreaterThan(2);
    await page.close();
  }, 300_000);
});
