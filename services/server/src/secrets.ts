import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A random server secret kept in a file readable by the service user only, made on first use.
 * The desk's server key lives in one (`$DATA_DIR/secrets/desk.key` unless DESK_KEY_FILE names
 * another): if it changed on a restart, every sealed TOTP secret would stop opening.
 */
export function persistentSecret(file: string, bytes = 32): Uint8Array {
  if (existsSync(file)) return readSecretFile(file, bytes);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  // Written whole beside it, then linked into place: several processes starting at once on one
  // DATA_DIR each make one, the first link wins, and nobody reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, secret, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    return readSecretFile(file, bytes);
  } finally {
    unlinkSync(draft);
  }
}

/**
 * A secret the operator provides (DESK_KEY_FILE): never made here, so several desk processes
 * cannot each invent their own. `bytes` raw bytes, or that many as hex text (what
 * `openssl rand -hex 32` prints, newline allowed), which is easier to keep in a secret manager.
 */
export function readSecretFile(file: string, bytes = 32): Uint8Array {
  if (!existsSync(file))
    throw new Error(`${file} does not exist (make it with: openssl rand -hex ${bytes})`);
  const raw = readFileSync(file);
  if (raw.length === bytes) return raw;
  const text = raw.toString('latin1').trim();
  if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(text)) return Buffer.from(text, 'hex');
  throw new Error(
    `${file} is damaged (expected ${bytes} bytes or ${bytes * 2} hex characters): restore it from a backup`,
  );
}

/** A secret file that is used when present and never created (legacy keys). */
export function optionalSecretFile(file: string, bytes = 32): Uint8Array | undefined {
  return existsSync(file) ? readSecretFile(file, bytes) : undefined;
}
