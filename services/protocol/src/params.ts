// Argon2id parameter sets. Production sets are never weaker than OWASP's floor (m=19 MiB t=2 or
// m=46 MiB t=1); the cheap set exists for tests only and is recognised by identity, so a
// deployment can never select it through settings (the settings schema rejects it too).
import { WeakParametersError } from './errors.ts';

export interface Argon2Params {
  /** Argon2id iterations (t). */
  readonly opsLimit: number;
  /** Memory in bytes; a multiple of 1024 (m = memLimitBytes / 1024 KiB). Parallelism is 1. */
  readonly memLimitBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Receipts: the OWASP floor m=19 MiB t=2. The pure-JS fallback runs it without a JIT (Tor
 * Browser "Safer"), where it takes seconds (see SECURITY.md for the measurements); a receipt has
 * 135 bits of entropy, so the stretching is defence in depth, not what keeps it unguessable.
 */
export const RECEIPT_ARGON2_PARAMS: Argon2Params = Object.freeze({
  opsLimit: 2,
  memLimitBytes: 19 * MiB,
});

/** Investigator vaults: human passwords, WebAssembly-capable desk browsers, so much stronger. */
export const VAULT_ARGON2_PARAMS: Argon2Params = Object.freeze({
  opsLimit: 3,
  memLimitBytes: 64 * MiB,
});

/** Server-side slow hash of the investigator login secret (already a 256-bit secret). */
export const LOGIN_VERIFIER_ARGON2_PARAMS: Argon2Params = Object.freeze({
  opsLimit: 2,
  memLimitBytes: 19 * MiB,
});

/**
 * TEST ONLY. Accepted by the derivation functions only when this exact object is passed; any
 * other object with the same numbers is rejected as weak, and deployment settings reject it.
 */
export const TEST_ONLY_CHEAP_PARAMS: Argon2Params = Object.freeze({
  opsLimit: 1,
  memLimitBytes: 8 * 1024,
});

/** Upper bounds that keep a hostile settings document from exhausting a phone. */
export const ARGON2_MAX_MEM_BYTES = 1024 * MiB;
export const ARGON2_MAX_OPS = 20;

/** OWASP Password Storage Cheat Sheet floor for Argon2id with p=1. */
export function meetsOwaspFloor(p: Argon2Params): boolean {
  if (p.memLimitBytes >= 46 * MiB && p.opsLimit >= 1) return true;
  if (p.memLimitBytes >= 19 * MiB && p.opsLimit >= 2) return true;
  return false;
}

/** The vault floor: at least m=64 MiB t=3. */
export function meetsVaultFloor(p: Argon2Params): boolean {
  return p.memLimitBytes >= 64 * MiB && p.opsLimit >= 3;
}

function wellFormed(p: Argon2Params): boolean {
  return (
    Number.isInteger(p.opsLimit) &&
    Number.isInteger(p.memLimitBytes) &&
    p.memLimitBytes % 1024 === 0 &&
    p.opsLimit >= 1 &&
    p.opsLimit <= ARGON2_MAX_OPS &&
    p.memLimitBytes >= 8 * 1024 &&
    p.memLimitBytes <= ARGON2_MAX_MEM_BYTES
  );
}

/** Throws WeakParametersError unless `p` meets `floor` or is the TEST_ONLY_CHEAP_PARAMS object. */
export function assertArgon2Params(p: Argon2Params, floor: 'owasp' | 'vault' = 'owasp'): void {
  if (p === TEST_ONLY_CHEAP_PARAMS) return;
  if (!wellFormed(p)) throw new WeakParametersError('Argon2id parameters out of range');
  const ok = floor === 'vault' ? meetsVaultFloor(p) : meetsOwaspFloor(p);
  if (!ok) throw new WeakParametersError();
}
