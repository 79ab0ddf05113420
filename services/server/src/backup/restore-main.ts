/**
 * `npm run restore -- <archive> --key <secret key file> [--purges-from <file>]...`: restores an
 * archive of `npm run backup` into an empty DATA_DIR, verifying every file against its manifest,
 * rebuilds the read models and erases again what later purge records say to (restore.ts).
 */
import { loadConfig } from '../config.ts';
import { parseRestoreArgs, restoreUsage, type RestoreArgs } from './args.ts';
import { runCli } from './cli.ts';
import { BackupRefusedError } from './errors.ts';
import { readBackupSecretKey } from './keys.ts';
import { printedRestore } from './print.ts';
import { restoreBackup } from './restore.ts';

async function run(args: RestoreArgs): Promise<number> {
  const config = loadConfig(process.env, []);
  if (config.eventStore.kind !== 'sqlite')
    throw new BackupRefusedError(
      'EVENT_STORE=esdb: restore EventStoreDB with its own tools (docs/deploy-eventstoredb.md, Backups)',
    );
  const secretKey = readBackupSecretKey(args.keyFile);
  try {
    const summary = await restoreBackup({
      dataDir: config.dataDir,
      eventsFile: config.eventStore.file,
      blobDir: config.blobDir,
      readModelsFile: config.readModelsFile,
      archive: args.archive,
      secretKey,
      purgesFrom: args.purgesFrom,
      now: () => new Date(),
    });
    const deskKey = config.deskKey.kind === 'provided' ? config.deskKey.file : undefined;
    process.stdout.write(
      `${printedRestore(summary, args.purgesFrom, config.dataDir, deskKey).join('\n')}\n`,
    );
    return 0;
  } finally {
    secretKey.fill(0);
  }
}

process.exitCode = await runCli({
  name: 'restore',
  usage: restoreUsage,
  parse: parseRestoreArgs,
  run,
  onFailure: 'DATA_DIR may hold a partial restore: empty it before trying again',
});
