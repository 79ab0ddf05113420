// The whistleblower's story in the phone profile (issue 18): Chromium without JIT or WebAssembly
// and with every renderer process slowed 4x (support/phone.ts), a 5 MiB photo, the receipt, and
// a return with it. This test shows only that the flow works there; how long each step takes is
// measured by `npm run bench:crypto -- --phone` (bench/results/crypto.json), not asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { launchPhone, type PhoneBrowser } from './support/phone.ts';
import { playPhoneStory } from './support/phone-story.ts';

const title = hasChromium
  ? 'whistleblower story on a slow phone without JIT'
  : `whistleblower story on a slow phone without JIT: skipped, ${missingChromiumMessage}`;

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let phone: PhoneBrowser;

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    phone = await launchPhone();
  }, 120_000);

  afterAll(async () => {
    await phone?.close();
    await server?.close();
  });

  it('sends a report with a 5 MiB photo and returns with the receipt to its case', async () => {
    await phone.page.goto(server.origin);
    // The profile is Tor Browser "Safer": no WebAssembly, so the pure-JS backend does the work.
    expect(await phone.page.evaluate(() => typeof WebAssembly)).toBe('undefined');
    const { receipt, times } = await playPhoneStory(server, phone);
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(times.photoBytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(await phone.page.getByTestId('case-status').textContent()).toBe('Received');

    const [report] = await server.investigator.openInbox();
    expect(report!.answers).toMatchObject({
      answers: { what: 'Fuel vouchers are resold at the depot.' },
    });
    const files = await server.investigator.evidence(report!.envelope.reportId, report!.reportKey);
    expect(files.map((f) => f.name)).toEqual(['depot.jpg']);
    // The cleaned photo, re-encoded in the page: still a JPEG, and still a large one.
    expect(files[0]!.bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    expect(files[0]!.bytes.length).toBeGreaterThan(1024 * 1024);
  }, 1_200_000);
});
