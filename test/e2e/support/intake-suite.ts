// For the enclosing describe: a real intake serving the real build, and Chromium beside it (a
// fresh profile), started before its tests and closed after them. The object is filled in
// place, so the tests read it as they run.
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './chromium.ts';
import { ensureFrontendBuild } from './frontend-build.ts';
import { startIntake, type IntakeServer } from './intake-server.ts';

export interface IntakeSuite {
  server: IntakeServer;
  browser: LaunchedBrowser;
}

export function intakeInChromiumForSuite(options: { jitless?: boolean } = {}): IntakeSuite {
  const suite = {} as IntakeSuite;
  beforeAll(async () => {
    ensureFrontendBuild();
    suite.server = await startIntake();
    suite.browser = await launchChromium(options);
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
