// The real composition root for browser tests (startPlatform: intake and desk on loopback ports,
// the embedded SQLite store in a temporary directory, the real build), and the setup token the
// desk prints on a first run. Intake's request log is at `warn` (a line per file the browser
// loads otherwise): `LOG_LEVEL=info` shows it. Canary checks never read these logs.
import { loadConfig, startPlatform, type Platform } from '@integrity-desk/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDir, ensureFrontendBuild } from './frontend-build.ts';

export interface TestPlatform {
  platform: Platform;
  desk: string;
  intake: string;
  /** The one-time setup token, or '' when none came within 10 s (the first test says so). */
  setupToken: string;
  /** The deployment's DATA_DIR (its event log is events.sqlite there), for canary searches. */
  dataDir: string;
  /** Every line the platform logged, for canary searches. */
  logs: string[];
  stop(): Promise<void>;
}

/** `name` marks the temporary data directory (integrity-desk-<name>-...). */
export async function startTestPlatform(name: string): Promise<TestPlatform> {
  ensureFrontendBuild();
  const dataDir = mkdtempSync(join(tmpdir(), `integrity-desk-${name}-`));
  let gotToken: (token: string) => void = () => undefined;
  const token = new Promise<string>((resolve) => (gotToken = resolve));
  const config = loadConfig(
    {
      ...process.env,
      DATA_DIR: dataDir,
      INTAKE_PORT: '0',
      DESK_PORT: '0',
      STATIC_DIR: buildDir,
      ROLE: 'all',
      EVENT_STORE: 'sqlite',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Every story sets a deployment up; a pinned rebuild each time would cost a minute of CPU
      // (services/server/test/demo.int.spec.ts proves the rebuild once).
      FRONTEND_REBUILD: 'off',
    },
    [],
  );
  const logs: string[] = [];
  const platform = await startPlatform(config, (line) => {
    logs.push(line);
    const match = /setup token (\S+)/.exec(line);
    if (match) gotToken(match[1]!);
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const setupToken = await Promise.race([
    token,
    new Promise<string>((resolve) => setTimeout(() => resolve(''), 10_000)),
  ]);
  return {
    platform,
    desk: platform.urls.desk!,
    intake: platform.urls.intake!,
    setupToken,
    dataDir,
    logs,
    async stop() {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
