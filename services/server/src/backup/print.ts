import type { BackupSummary } from './backup.ts';
import type { RestoreSummary } from './restore.ts';

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function printedKeygen(publicKey: string, secretFile: string): string[] {
  return [
    'backup key pair made.',
    `  public key:  ${publicKey}`,
    `  secret key:  ${secretFile} (mode 600)`,
    '',
    'The public key only seals: give it to `npm run backup` on the server, e.g.',
    `  export BACKUP_PUBLIC_KEY=${publicKey}`,
    '',
    'The secret key opens every backup sealed to this pair. Move it OFF the server now: keep two',
    'copies apart from the backups (a password manager, an encrypted USB stick in a safe), then',
    `delete ${secretFile} here. Without it no backup can be restored; with it and a backup,`,
    'anyone holds what the server held.',
  ];
}

export function printedBackup(summary: BackupSummary, archive: string): string[] {
  const { manifest } = summary;
  const blobs = manifest.files.filter((f) => f.path !== 'events.sqlite');
  const lines = [
    `backup: event log: ${count(manifest.eventLog.events, 'event')} up to position ${manifest.eventLog.lastPosition} (a snapshot taken at ${manifest.createdAt})`,
    `backup: evidence: ${count(blobs.length, 'file')}, ${mib(blobs.reduce((n, b) => n + b.size, 0))}`,
    `backup: wrote ${archive} (${mib(summary.archiveBytes)}), sealed to the backup public key, SHA-256 of every file in its manifest`,
    'backup: not in it, on purpose: the read models (a restore rebuilds them) and the desk key (keep it apart)',
  ];
  if (manifest.missingBlobs.length > 0)
    lines.push(
      `backup: ${count(manifest.missingBlobs.length, 'evidence file')} the log names had been erased when copied (a purge meanwhile); the restore says which reports they belonged to`,
    );
  return lines;
}

export function printedRestore(
  summary: RestoreSummary,
  purgesFrom: readonly string[],
  dataDir: string,
  deskKeyFile: string | undefined,
): string[] {
  const { manifest, rebuilt } = summary;
  const lines = [
    `restore: verified ${count(manifest.files.length, 'file')} (${mib(summary.bytes)}) against the manifest of the backup taken at ${manifest.createdAt}`,
    `restore: read models rebuilt (${rebuilt.projections.join(', ')}) up to position ${rebuilt.position} in ${rebuilt.seconds.toFixed(1)} s`,
  ];
  if (summary.finished.length > 0)
    lines.push(
      `restore: finished ${count(summary.finished.length, 'purge')} begun before the backup: ${summary.finished.join(', ')}`,
    );
  for (const r of summary.erasedAgain)
    lines.push(
      `restore: erased again report ${r.reportId}: purged at ${r.purgedAt} by ${r.by}, after this backup`,
    );
  if (summary.recorded.length > 0)
    lines.push(
      `restore: recorded ${count(summary.recorded.length, 'later purge')} of reports this backup never held`,
    );
  if (purgesFrom.length === 0)
    lines.push(
      `restore: no --purges-from given: a report purged after ${manifest.createdAt} is back in this log. If a newer archive or the old events.sqlite exists, empty DATA_DIR and restore again with --purges-from <it>`,
    );
  if (summary.missingEvidence > 0)
    lines.push(
      `restore: ${count(summary.missingEvidence, 'evidence file')} of restored reports ${summary.missingEvidence === 1 ? 'is' : 'are'} not in the backup (erased while it was taken): pass the newer purge records with --purges-from`,
    );
  lines.push(
    deskKeyFile
      ? `restore: the desk key is not in backups: DESK_KEY_FILE (${deskKeyFile}) must hold the deployment's key before npm start`
      : `restore: the desk key is not in backups: put it back at ${dataDir}/secrets/desk.key (mode 600) before npm start, or set DESK_KEY_FILE; without it nobody signs in until every second factor is reset (npm run desk:recover)`,
  );
  return lines;
}
