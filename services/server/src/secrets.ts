import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A random server secret kept in a file readable by the service user only, made on first use.
 * Used for the desk's decoy KDF salts: if they changed on every restart, someone watching one
 * handle across a restart could tell a decoy (it changes) from a real account (it does not).
 */
export function persistentSecret(file: string, bytes = 32): Uint8Array {
  if (existsSync(file)) {
    const secret = readFileSync(file);
    if (secret.length === bytes) return secret;
    throw new Error(`${file} is damaged (expected ${bytes} bytes): restore it from a backup`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(bytes);
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
