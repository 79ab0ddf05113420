// A whistleblower on a slow phone types the receipt and presses "Open my report" before the
// page's scripts have run (here: the scripts held back three seconds). Before, the browser then
// submitted the prerendered form itself: the page reloaded at `/return?`, the receipt was gone,
// and nothing said why. Now the button waits for the scripts, keeps what was typed, and the
// case opens. Seen failing on the old build (stuck at /return?).
import { describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { intakeInChromiumForSuite } from './support/intake-suite.ts';
import { submitFromNode } from './support/node-whistleblower.ts';

const title = hasChromium
  ? 'a form used before the page is ready'
  : `a form used before the page is ready: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  const suite = intakeInChromiumForSuite();

  it('waits for the scripts instead of reloading, keeps the receipt typed, and opens the case', async () => {
    const receipt = await submitFromNode(suite.server, 'Tender papers were backdated.');
    const page = await suite.browser.context.newPage();
    await page.route('**/_app/immutable/entry/**', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    const visited: string[] = [];
    page.on('framenavigated', (frame) =>
      visited.push(new URL(frame.url()).pathname + new URL(frame.url()).search),
    );
    await page.goto(`${suite.server.origin}/return`, { waitUntil: 'domcontentloaded' });
    const open = page.getByRole('button', { name: 'Open my report' });
    // Before the scripts: the typed receipt stays, the button cannot submit.
    await page.getByLabel('Receipt').fill(receipt);
    expect(await open.isDisabled()).toBe(true);
    await open.click();
    await page.getByTestId('case-status').waitFor({ timeout: 60_000 });
    expect(visited.filter((v) => v.includes('?'))).toEqual([]);
    expect(visited.at(-1)).toBe('/case');
    await page.close();
  }, 120_000);
});
