import type { CryptoBackend } from '@integrity-desk/protocol';
import { demoMarker, markDemo } from './marker.ts';
import { seedDemo, type DemoCredentials } from './seed.ts';

type Log = (line: string) => void;

/**
 * `--demo` on a deployment not set up yet: seeds it through the desk's API and prints the
 * investigator's sign-in once the code an authenticator shows will be taken. Returns the block
 * to print again later (after the pinned front end's build lines), or undefined when the
 * deployment was set up before (its password was never kept, so it cannot be shown again).
 */
export async function announceDemo(
  deskUrl: string,
  dataDir: string,
  setupToken: Promise<string>,
  backend: CryptoBackend,
  log: Log,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<(() => void) | undefined> {
  const needed = (await (await fetch(`${deskUrl}/api/setup`)).json()) as { needed: boolean };
  if (!needed.needed) {
    log('demo: this deployment was set up before; its credentials were printed on its first start');
    return undefined;
  }
  log('demo: seeding a demonstration deployment (one channel, one investigator) ...');
  markDemo(dataDir, new Date());
  const demo = await seedDemo(deskUrl, await setupToken, backend);
  // The seeding signed in with the code of the step in progress: a newcomer typing that same
  // code would be refused as a replay. The block waits for the next step, so the first code an
  // authenticator shows once it is printed is accepted.
  const ms = demo.firstCodeAt.getTime() - Date.now();
  if (ms > 0) {
    log(
      `demo: ready; waiting ${Math.ceil(ms / 1000)} s until the first TOTP code you see will work`,
    );
    await wait(ms + 1_000);
  }
  const print = () => printCredentials(deskUrl, demo, log);
  print();
  return print;
}

function printCredentials(deskUrl: string, demo: DemoCredentials, log: Log): void {
  log('');
  log('DEMONSTRATION DEPLOYMENT: never submit real reports here. Investigator sign-in:');
  log(`  desk:        ${deskUrl}/desk`);
  log(`  handle:      ${demo.handle}`);
  log(`  password:    ${demo.password}`);
  log(`  TOTP secret: ${demo.totpSecret} (add it to an authenticator app)`);
  log(`  channel:     ${demo.channelName}`);
  log('  (printed on this first start only: note them now)');
  log('');
}

/** The start-up line of a deployment seeded as a demonstration and started again. */
export function stillDemo(dataDir: string, log: Log): boolean {
  const marker = demoMarker(dataDir);
  if (marker === undefined) return false;
  log(
    `demo: THIS DEPLOYMENT IS A DEMONSTRATION (${marker}; see ${dataDir}/demo): every page says so, with or without --demo. Never use it for real reports: start a real one with an empty DATA_DIR`,
  );
  return true;
}
