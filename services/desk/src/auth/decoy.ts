import { VAULT_ARGON2_PARAMS } from '@integrity-desk/protocol';
import { createHmac } from 'node:crypto';

/** What the browser needs to stretch a password into the login secret (a vault's `kdf`). */
export interface LoginKdf {
  readonly salt: string;
  readonly opsLimit: number;
  readonly memLimitBytes: number;
}

/**
 * The KDF answer for a handle with no active account: a salt that looks like a real one (16
 * bytes, base64url) and stays the same for the same handle, HMAC-SHA-256(key, handle) truncated,
 * with the production vault parameters. Without the key nobody can tell it from a real salt, so
 * the endpoint does not reveal which handles exist.
 */
export function decoyKdf(key: Uint8Array, handle: string): LoginKdf {
  const salt = createHmac('sha256', key).update(handle, 'utf8').digest().subarray(0, 16);
  return {
    salt: salt.toString('base64url'),
    opsLimit: VAULT_ARGON2_PARAMS.opsLimit,
    memLimitBytes: VAULT_ARGON2_PARAMS.memLimitBytes,
  };
}
