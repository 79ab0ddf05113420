// `npm run bench:crypto -- --phone`: what a whistleblower on a phone waits for (issue 18). The
// phone profile is Chromium without JIT or WebAssembly (Tor Browser "Safer") with every renderer
// process slowed 4x (test/e2e/support/phone.ts says why DevTools' throttle is not enough). Two
// kinds of figures: the real front end against a real intake at production proof-of-work
// difficulty (16 bits), timed by the page's clock from the button to what the person sees; and
// the protocol steps alone in the same profile, to show where the time goes.
import { defaultIntakeConfig } from '@integrity-desk/intake';
import type { Figure } from '../../../bench/format.ts';
import { ensureFrontendBuild } from '../../../test/e2e/support/frontend-build.ts';
import { startIntake } from '../../../test/e2e/support/intake-server.ts';
import { submitFromNode } from '../../../test/e2e/support/node-whistleblower.ts';
import { launchPhone, PHONE_CPU_SLOWDOWN } from '../../../test/e2e/support/phone.ts';
import { playPhoneStory } from '../../../test/e2e/support/phone-story.ts';
import { startHarness } from '../test/browser/harness.ts';

const PHOTO_MIB = 5;
const profile = `phone (chromium --jitless, CPU ${PHONE_CPU_SLOWDOWN}x slower)`;

async function storyFigures(figures: Figure[]): Promise<void> {
  ensureFrontendBuild();
  const server = await startIntake({ config: { pow: defaultIntakeConfig.pow } });
  const phone = await launchPhone();
  try {
    const { times } = await playPhoneStory(server, phone, PHOTO_MIB);
    figures.push(
      {
        name: `${profile}: report with a ${PHOTO_MIB} MiB photo, "Lock and send" to the receipt`,
        value: times.sendMs,
        unit: 'ms',
        target: '<= 30000 ms',
      },
      ...Object.entries(times.stagesMs).map(([stage, ms]) => ({
        name: `${profile}: sending, stage "${stage}"`,
        value: ms,
        unit: 'ms',
      })),
      {
        name: `${profile}: cleaning the ${(times.photoBytes / 1048576).toFixed(1)} MiB photo on attach (before sending)`,
        value: times.cleanMs,
        unit: 'ms',
      },
      {
        name: `${profile}: return with a receipt (derivation version 2), "Open my report" to the case`,
        value: times.returnMs,
        unit: 'ms',
        target: '<= 5000 ms',
      },
    );
    // A receipt issued before version 2 (Argon2id): what every return cost before, plus the
    // refused version 2 attempt it now makes first.
    const old = await submitFromNode(server, 'Issued before version 2.', 1);
    await phone.page.goto(`${server.origin}/return`);
    phone.slowDown();
    const started = Date.now();
    await phone.page.getByLabel('Receipt').fill(old);
    await phone.page.getByRole('button', { name: 'Open my report' }).click();
    await phone.page.getByTestId('case-status').waitFor({ timeout: 900_000 });
    figures.push({
      name: `${profile}: return with a receipt issued before version 2 (Argon2id m=19MiB t=2), fill and press to the case`,
      value: Date.now() - started,
      unit: 'ms',
    });
    phone.fullSpeed();
  } finally {
    await phone.close();
    await server.close();
  }
}

async function stepFigures(figures: Figure[]): Promise<void> {
  const harness = await startHarness(new URL('./browser-entry.ts', import.meta.url).pathname);
  const phone = await launchPhone();
  try {
    await phone.page.goto(harness.url);
    await phone.page.waitForFunction(() => 'protocolBench' in globalThis, null, {
      timeout: 60_000,
    });
    phone.slowDown();
    for (const version of [1, 2] as const) {
      const r = await phone.page.evaluate(
        (v) => (globalThis as any).protocolBench.timeReceiptKeys(v), // eslint-disable-line @typescript-eslint/no-explicit-any
        version,
      );
      figures.push({
        name: `${profile}: receipt keys, derivation version ${version} (${version === 1 ? 'Argon2id m=19MiB t=2' : 'keyed BLAKE2b'}, ${r.backend})`,
        value: r.ms,
        unit: 'ms',
      });
    }
    const t = await phone.page.evaluate(
      (size) => (globalThis as any).protocolBench.measureThroughput(undefined, size, 1), // eslint-disable-line @typescript-eslint/no-explicit-any
      2,
    );
    figures.push({
      name: `${profile}: attachment seal (${t.backend}), ${PHOTO_MIB} MiB at this rate`,
      value: (PHOTO_MIB / t.sealMiBs) * 1000,
      unit: 'ms',
    });
  } finally {
    phone.fullSpeed();
    await phone.close();
    await harness.close();
  }
}

export async function phoneFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  console.log(`${profile}: protocol steps, then the whistleblower's story`);
  await stepFigures(figures);
  await storyFigures(figures);
  return figures;
}
