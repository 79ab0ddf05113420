import {
  backupRecipient,
  createBackupOpener,
  DecryptionError,
  FormatError,
  WrongBackupKeyError,
  type BackupOpener,
} from '@integrity-desk/protocol';
import { createLibsodiumBackend } from '@integrity-desk/protocol';

import { open } from 'node:fs/promises';
import { readEntry, type Manifest } from './entries.ts';
import { BackupRefusedError } from './errors.ts';
import { openedFrames, PlaintextReader, readArchiveHeader } from './frames.ts';

export type FileSink = (
  path: string,
  size: number,
  bytes: AsyncIterable<Uint8Array>,
) => Promise<void>;

const short = (key: string) => `${key.slice(0, 8)}…`;

/**
 * Opens an archive with the operator's secret key and hands each file to `onFile` as it streams
 * by (every byte authenticated first); returns the manifest, which must be the last entry.
 * Without `onFile` the files are read and dropped (to read only the manifest's purge records).
 */
export async function readArchive(
  file: string,
  secretKey: Uint8Array,
  onFile?: FileSink,
): Promise<Manifest> {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupRefusedError(`${file} cannot be read (does it exist?)`);
  });
  try {
    const header = await readArchiveHeader(handle);
    const reader = new PlaintextReader(openedFrames(handle, await opener(header, secretKey, file)));
    for (;;) {
      const entry = await readEntry(reader);
      if (!entry) throw new BackupRefusedError(`${file} ends without its manifest: cut short`);
      if (entry.kind === 'manifest') {
        if ((await reader.read(1)) !== undefined)
          throw new BackupRefusedError(`${file} holds entries after its manifest`);
        return entry.manifest;
      }
      const pieces = reader.pieces(entry.size);
      if (onFile) await onFile(entry.path, entry.size, pieces);
      else for await (const _ of pieces);
    }
  } finally {
    await handle.close();
  }
}

async function opener(
  header: Uint8Array,
  secretKey: Uint8Array,
  file: string,
): Promise<BackupOpener> {
  const backend = await createLibsodiumBackend();
  try {
    backupRecipient(header);
    return createBackupOpener(backend, header, secretKey);
  } catch (error) {
    if (error instanceof WrongBackupKeyError)
      throw new BackupRefusedError(
        `${file} is sealed to the backup key ${short(error.sealedTo)}, and the secret key given is not its pair: use the secret key whose public key keygen printed as ${short(error.sealedTo)}`,
      );
    if (error instanceof FormatError)
      throw new BackupRefusedError(
        `${file} is not an Integrity Desk backup archive (${error.message})`,
      );
    if (error instanceof DecryptionError)
      throw new BackupRefusedError(
        `${file} is damaged or was altered (its sealed key does not open)`,
      );
    throw error;
  }
}
