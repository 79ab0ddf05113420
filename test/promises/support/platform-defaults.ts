import { loadConfig, startPlatform, type Platform } from '@integrity-desk/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * The composition root (ROLE=all) with every default of its own, as `npm start` runs it, over a
 * real SQLite file in a temporary DATA_DIR, for the enclosing spec file: filled in before its
 * tests run, stopped and removed after them. No front-end build: these specs speak to the APIs.
 */
export function platformWithDefaultsForSuite(name: string): {
  platform: Platform;
  dataDir: string;
} {
  const dataDir = mkdtempSync(join(tmpdir(), `promise-${name}-`));
  const suite = { dataDir } as { platform: Platform; dataDir: string };
  beforeAll(async () => {
    suite.platform = await startPlatform(
      loadConfig(
        { DATA_DIR: dataDir, ROLE: 'all', INTAKE_PORT: '0', DESK_PORT: '0', LOG_LEVEL: 'error' },
        [],
      ),
      () => undefined,
    );
  }, 60_000);
  afterAll(async () => {
    await suite.platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return suite;
}
