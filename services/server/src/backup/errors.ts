/**
 * A backup or restore that cannot go on, with a message for the operator: what is wrong and what
 * to do. Messages name files and counts, never content, keys or anything read from the log.
 */
export class BackupRefusedError extends Error {
  override readonly name = 'BackupRefusedError';
}
