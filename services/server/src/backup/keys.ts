import { fromBase64UrlExact, generateBoxKeyPair } from '@integrity-desk/protocol';
import { createLibsodiumBackend } from '@integrity-desk/protocol';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readSecretFile } from '../secrets.ts';
import { BackupRefusedError } from './errors.ts';

/**
 * The operator's backup key pair (X25519). The public key is all `npm run backup` needs, so the
 * server never holds what opens its backups; the secret key is needed only to restore.
 */
export async function generateBackupKey(secretFile: string): Promise<{ publicKey: string }> {
  if (existsSync(secretFile))
    throw new BackupRefusedError(
      `${secretFile} exists already: choose another file (nothing was changed)`,
    );
  const keys = generateBoxKeyPair(await createLibsodiumBackend());
  mkdirSync(dirname(secretFile), { recursive: true, mode: 0o700 });
  writeFileSync(secretFile, `${Buffer.from(keys.secretKey).toString('hex')}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  keys.secretKey.fill(0);
  return { publicKey: keys.publicKey };
}

/** A public key as keygen prints it (base64url, 32 bytes). */
export function parseBackupPublicKey(text: string): string {
  try {
    fromBase64UrlExact(text.trim(), 32, 'backup public key');
    return text.trim();
  } catch {
    throw new BackupRefusedError(
      'the backup public key is not one `npm run backup -- --keygen` printed (43 characters)',
    );
  }
}

export function readBackupSecretKey(file: string): Uint8Array {
  try {
    return readSecretFile(file, 32);
  } catch (error) {
    throw new BackupRefusedError(
      error instanceof Error
        ? error.message.replace('restore it from a backup', 'use the file keygen wrote')
        : 'the secret key cannot be read',
    );
  }
}
