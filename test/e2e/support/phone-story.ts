// The whistleblower's story in the phone profile (support/phone.ts), timed by the page's own
// clock: a report with a large photo from pressing "Lock and send" to the receipt, each stage
// the page names on the way (keys and sealing, proof of work, encrypting and sending the files),
// and a return from pressing "Open my report" to the case. The browser test runs it to show the
// flow works there; `npm run bench:crypto -- --phone` runs it for the figures.
import type { Page } from 'playwright-core';
import { testChannel } from './fake-deployment.ts';
import { largePhoto, type PhoneBrowser } from './phone.ts';
import type { IntakeServer } from './intake-server.ts';
import { ReportingNavigator } from './whistleblower.ts';

export interface PhoneStoryTimes {
  photoBytes: number;
  /** Attaching the photo until the page shows it cleaned (before "Lock and send"). */
  cleanMs: number;
  /** "Lock and send" until the receipt is shown: what the 30 s target is about. */
  sendMs: number;
  /** Per stage the page names while sending: keys, work, upload. */
  stagesMs: Record<string, number>;
  /** "Open my report" until the case is shown: what the 5 s target is about. */
  returnMs: number;
}

const SLOW = { timeout: 900_000 };

/** Records, in the page's clock, the click on `button` and each change of the `#stage` line. */
async function watch(page: Page, name: string): Promise<void> {
  await page.evaluate((label) => {
    const marks: { what: string; at: number }[] = [];
    (globalThis as unknown as { phoneMarks: typeof marks }).phoneMarks = marks;
    document.addEventListener(
      'click',
      (e) => {
        const text = (e.target as HTMLElement | null)?.textContent?.trim();
        if (text === label) marks.push({ what: 'pressed', at: performance.now() });
      },
      { capture: true },
    );
    let last = '';
    new MutationObserver(() => {
      const stage = document.getElementById('stage')?.textContent ?? '';
      if (stage && stage !== last) marks.push({ what: (last = stage), at: performance.now() });
      if (document.querySelector('[data-testid=receipt], [data-testid=case-status]')) {
        if (!marks.some((m) => m.what === 'shown'))
          marks.push({ what: 'shown', at: performance.now() });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, name);
}

async function marks(page: Page): Promise<{ what: string; at: number }[]> {
  return page.evaluate(
    () => (globalThis as unknown as { phoneMarks: { what: string; at: number }[] }).phoneMarks,
  );
}

const between = (m: { what: string; at: number }[], from: string, to: string) =>
  m.find((x) => x.what === to)!.at - m.find((x) => x.what === from)!.at;

/** Plays the story at 4x slowdown; returns the receipt and the times. */
export async function playPhoneStory(
  server: IntakeServer,
  phone: PhoneBrowser,
  photoMiB = 5,
): Promise<{ receipt: string; times: PhoneStoryTimes }> {
  const { page } = phone;
  const wb = new ReportingNavigator(page, server.origin);
  await page.goto(server.origin);
  const photo = await largePhoto(page, photoMiB);
  phone.slowDown();
  await wb.writeReport(testChannel.name, 'Fuel vouchers are resold at the depot.', 'Namport');
  const attachedAt = Date.now();
  await wb.attach([{ name: 'depot.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await page.getByText(/^Cleaned:/).waitFor(SLOW);
  const cleanMs = Date.now() - attachedAt;
  await wb.goToReview();

  await watch(page, 'Lock and send');
  await page.getByRole('link', { name: 'Lock and send' }).click();
  await page.getByRole('heading', { name: 'Your receipt' }).waitFor(SLOW);
  const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
  const sent = await marks(page);
  const stages = sent.filter((m) => m.what !== 'pressed' && m.what !== 'shown');
  const stagesMs: Record<string, number> = {};
  for (let i = 0; i < stages.length; i++) {
    const end = stages[i + 1]?.at ?? sent.find((m) => m.what === 'shown')!.at;
    stagesMs[stages[i]!.what] = end - stages[i]!.at;
  }
  const sendMs = between(sent, 'pressed', 'shown');

  await page.goto(`${server.origin}/return`);
  await page.getByLabel('Receipt').fill(receipt);
  await watch(page, 'Open my report');
  await page.getByRole('button', { name: 'Open my report' }).click();
  await page.getByTestId('case-status').waitFor(SLOW);
  const returnMs = between(await marks(page), 'pressed', 'shown');
  phone.fullSpeed();
  return {
    receipt,
    times: { photoBytes: photo.length, cleanMs, sendMs, stagesMs, returnMs },
  };
}
