/**
 * `npm run backup -- <archive> [--to <public key>]`: an online backup of DATA_DIR's event log
 * and evidence, sealed to the operator's public key (BACKUP_PUBLIC_KEY or --to), taken while the
 * services run. `npm run backup -- --keygen <file>` makes that key pair. Run with the same
 * DATA_DIR as `npm start`. One line per step on standard output, progress on standard error, a
 * refusal as one line and exit 1; nothing read from the log is printed but counts.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { backupUsage, parseBackupArgs, type BackupArgs } from './args.ts';
import { createBackup } from './backup.ts';
import { runCli } from './cli.ts';
import { BackupRefusedError } from './errors.ts';
import { generateBackupKey, parseBackupPublicKey } from './keys.ts';
import { printedBackup, printedKeygen } from './print.ts';

async function run(args: BackupArgs): Promise<number> {
  if (args.mode === 'keygen') {
    const { publicKey } = await generateBackupKey(args.secretFile);
    process.stdout.write(`${printedKeygen(publicKey, args.secretFile).join('\n')}\n`);
    return 0;
  }
  const config = loadConfig(process.env, []);
  if (config.eventStore.kind !== 'sqlite')
    throw new BackupRefusedError(
      'EVENT_STORE=esdb: back up EventStoreDB with its own tools and the evidence folder with yours (docs/deploy-eventstoredb.md, Backups)',
    );
  const to = args.to ?? process.env.BACKUP_PUBLIC_KEY;
  if (!to)
    throw new BackupRefusedError(
      'no public key to seal to: set BACKUP_PUBLIC_KEY or pass --to (make a pair with --keygen)',
    );
  const summary = await createBackup({
    dataDir: config.dataDir,
    eventsFile: config.eventStore.file,
    blobDir: config.blobDir,
    // Absolute, as last-backup.json records it for `npm run doctor`.
    archive: resolve(args.archive),
    publicKey: parseBackupPublicKey(to),
    now: () => new Date(),
  });
  process.stdout.write(`${printedBackup(summary, args.archive).join('\n')}\n`);
  return 0;
}

process.exitCode = await runCli({
  name: 'backup',
  usage: backupUsage,
  parse: parseBackupArgs,
  run,
  onFailure: 'no archive was written',
});
