import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * An operator's tool (`services/server/src/...`) as a real process loaded through tsx, with the
 * environment `npm start` would have for `dataDir`: no DESK_KEY_FILE or EVENT_STORE of the test
 * runner's own, plus `env`.
 */
export function runTool(
  script: string,
  dataDir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ToolRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete childEnv['DESK_KEY_FILE'];
  delete childEnv['EVENT_STORE'];
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
