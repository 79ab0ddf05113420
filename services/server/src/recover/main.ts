import { errorClass } from '@integrity-desk/http';
/**
 * `npm run desk:recover -- ...`: the operator's way back into a locked-out desk, run on the
 * server with the same environment as `npm start` (DATA_DIR, EVENT_STORE, DESK_KEY_FILE).
 *
 *   totp-reset <handle>   the account's second factor is reset, as an administrator's reset does
 *                         (the last administrator lost their authenticator)
 *   new-key [--dry-run]   after the desk key was replaced: every account whose TOTP secret is
 *                         sealed under another key is reset (restart the desk with the new key
 *                         first, so that new authenticators are sealed under it)
 *
 * Recorded as events by `operator`. The reset codes go to standard output only; the person
 * finishes with their own password (SECURITY.md, Operator recovery). A refusal is one line on
 * standard error and a non-zero exit, and changes nothing. It may run while the desk runs.
 */
import {
  RecoveryRefusedError,
  resetAfterKeyChange,
  resetTotpByOperator,
  type RecoveryDeps,
} from '@integrity-desk/desk';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../config.ts';
import { openStore } from '../platform.ts';
import { readSecretFile } from '../secrets.ts';
import { parseRecoverArgs, UsageError, usage, type RecoverRequest } from './args.ts';
import { printedKeyChange, printedReset } from './print.ts';

async function recover(config: Config, request: RecoverRequest): Promise<number> {
  // Never a new, empty log or directory because DATA_DIR was mistyped.
  if (config.eventStore.kind === 'sqlite' && !existsSync(config.eventStore.file))
    throw new RecoveryRefusedError(
      `no event log at ${config.eventStore.file} (is DATA_DIR right?)`,
    );
  if (!existsSync(config.readModelsFile))
    throw new RecoveryRefusedError(
      `no read models at ${config.readModelsFile}: start the desk once first`,
    );
  // The key is read, never made: a mistyped DESK_KEY_FILE must not reset everyone.
  const serverKey =
    request.mode === 'new-key' ? keyOrRefuse(config.deskKey.file) : new Uint8Array(0);
  const readModels = new Database(config.readModelsFile, { fileMustExist: true });
  readModels.pragma('busy_timeout = 5000');
  const store = await openStore(config);
  try {
    const deps: RecoveryDeps = {
      store,
      readModels,
      clock: { now: () => new Date() },
      ids: { uuid: () => randomUUID(), bytes: (n) => randomBytes(n) },
    };
    if (request.mode === 'totp-reset') {
      print(printedReset(await resetTotpByOperator(deps, request.handle)), 1);
      return 0;
    }
    const outcome = await resetAfterKeyChange(deps, serverKey, { dryRun: request.dryRun });
    print(printedKeyChange(outcome, config.deskKey.file, request.dryRun), outcome.reset.length);
    return !request.dryRun && outcome.pending.length > 0 ? 1 : 0;
  } finally {
    readModels.close();
    await store.close();
  }
}

function keyOrRefuse(file: string): Uint8Array {
  try {
    return readSecretFile(file);
  } catch (error) {
    throw new RecoveryRefusedError(
      error instanceof Error ? error.message : 'the desk key cannot be read',
    );
  }
}

function print(lines: readonly string[], codes: number): void {
  if (codes > 0 && !process.stdout.isTTY)
    process.stderr.write(
      'desk:recover: standard output is not a terminal: keep no reset code in a file or a log\n',
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  let request: RecoverRequest;
  let config: Config;
  try {
    request = parseRecoverArgs(process.argv.slice(2));
    config = loadConfig(process.env, []);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'bad arguments';
    // One line: what is wrong, and for arguments how they go.
    process.stderr.write(
      `desk:recover: ${message}${error instanceof UsageError ? ` (${usage})` : ''}\n`,
    );
    return 2;
  }
  try {
    return await recover(config, request);
  } catch (error) {
    if (error instanceof RecoveryRefusedError) {
      process.stderr.write(`desk:recover: ${error.message}\n`);
      return 1;
    }
    // The class only, as everywhere: a message could carry data.
    process.stderr.write(`desk:recover: failed (${errorClass(error)}); nothing was reset\n`);
    return 1;
  }
}

process.exitCode = await main();
