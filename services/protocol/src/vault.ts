// Investigator key vault. The password goes through Argon2id (per-vault random salt, vault
// parameters) to a master key, split with crypto_kdf into a wrapping key and a login secret.
// A random vault data key encrypts the two secret keys; it is wrapped twice, under the
// password-derived key and under a recovery key that is shown once. The server stores the vault
// and a slow hash of the login secret; it never sees the password or any private key.
import {
  encodeFields,
  fromBase64UrlExact,
  toBase64Url,
  utf8,
  constantTimeEqual,
  concatBytes,
} from './bytes.ts';
import { DecryptionError, FormatError } from './errors.ts';
import { generateCheckedCode, groupCode, normaliseCheckedCode } from './checked-code.ts';
import { assertArgon2Params, LOGIN_VERIFIER_ARGON2_PARAMS, type Argon2Params } from './params.ts';
import type { CryptoBackend } from './backend/types.ts';
import type { LoginVerifier, Vault } from './schemas.ts';

export const RECOVERY_DATA_SYMBOLS = 51;
export const RECOVERY_SYMBOLS = RECOVERY_DATA_SYMBOLS + 1;

const VAULT_KDF_CONTEXT = 'IDvault_';
const SUBKEY_WRAP = 1;
const SUBKEY_LOGIN = 2;
const RECOVERY_KDF_CONTEXT = 'IDrecovr';

export interface InvestigatorKeys {
  readonly boxPublicKey: string;
  readonly boxSecretKey: Uint8Array;
  readonly signPublicKey: string;
  readonly signSeed: Uint8Array;
}

/** The result of stretching a password: enough to log in and then open the vault. */
export interface VaultUnlock {
  /** base64url; sent to the desk server at login (loginSecretSchema). */
  readonly loginSecret: string;
  readonly wrapKey: Uint8Array;
}

function wrapAd(investigatorId: string, path: 'password' | 'recovery'): Uint8Array {
  return encodeFields('integrity-desk/vault-wrap/v1', investigatorId, path);
}

function payloadAd(
  v: Pick<Vault, 'investigatorId' | 'boxPublicKey' | 'signPublicKey'>,
): Uint8Array {
  return encodeFields(
    'integrity-desk/vault-payload/v1',
    v.investigatorId,
    v.boxPublicKey,
    v.signPublicKey,
  );
}

/**
 * Stretches the password with the vault's own salt and parameters. The parameters come from the
 * server, so they are held to the vault floor (m >= 64 MiB, t >= 3): a server that lowered them
 * would otherwise receive a cheaply brute-forced login secret. `params`, when given, must equal
 * the vault's (tests pass TEST_ONLY_CHEAP_PARAMS here; nothing else weak is accepted).
 */
export async function unlockVaultWithPassword(
  backend: CryptoBackend,
  kdf: { salt: string; opsLimit: number; memLimitBytes: number },
  password: string,
  options: { onProgress?: (fraction: number) => void; params?: Argon2Params } = {},
): Promise<VaultUnlock> {
  const params = options.params ?? { opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes };
  assertArgon2Params(params, 'vault');
  if (params.opsLimit !== kdf.opsLimit || params.memLimitBytes !== kdf.memLimitBytes) {
    throw new FormatError('vault parameters do not match');
  }
  const master = await backend.argon2id(
    utf8(password.normalize('NFC')),
    fromBase64UrlExact(kdf.salt, 16, 'vault salt'),
    params,
    32,
    options.onProgress,
  );
  const wrapKey = backend.kdfDerive(master, SUBKEY_WRAP, VAULT_KDF_CONTEXT, 32);
  const loginSecret = toBase64Url(backend.kdfDerive(master, SUBKEY_LOGIN, VAULT_KDF_CONTEXT, 32));
  master.fill(0);
  return { loginSecret, wrapKey };
}

function recoveryWrapKey(backend: CryptoBackend, recoveryKey: string): Uint8Array {
  const normalised = normaliseCheckedCode(recoveryKey, RECOVERY_SYMBOLS);
  const root = backend.blake2b(utf8(`integrity-desk/recovery/v1:${normalised}`), { outLen: 32 });
  const key = backend.kdfDerive(root, SUBKEY_WRAP, RECOVERY_KDF_CONTEXT, 32);
  root.fill(0);
  return key;
}

export interface CreateVaultInput {
  investigatorId: string;
  password: string;
  /** VAULT_ARGON2_PARAMS in production (enforced: m >= 64 MiB, t >= 3). */
  params: Argon2Params;
  /** Existing keys to put in the vault (password change); fresh ones when absent. */
  keys?: InvestigatorKeys;
  /** Existing recovery key to keep (password change); a fresh one when absent. */
  recoveryKey?: string;
  onProgress?: (fraction: number) => void;
}

export interface CreatedVault {
  vault: Vault;
  keys: InvestigatorKeys;
  /** Show once, ask the investigator to print it; never send it to the server. */
  recoveryKey: string;
  /** Send to the desk server at enrolment; it stores createLoginVerifier(loginSecret). */
  loginSecret: string;
}

export async function createVault(
  backend: CryptoBackend,
  input: CreateVaultInput,
): Promise<CreatedVault> {
  assertArgon2Params(input.params, 'vault');
  const keys = input.keys ?? generateInvestigatorKeys(backend);
  const recoveryKey =
    input.recoveryKey ?? groupCode(generateCheckedCode(backend, RECOVERY_DATA_SYMBOLS));
  const salt = toBase64Url(backend.randomBytes(16));
  const kdf = {
    alg: 'argon2id13' as const,
    salt,
    opsLimit: input.params.opsLimit,
    memLimitBytes: input.params.memLimitBytes,
  };
  const unlock = await unlockVaultWithPassword(backend, kdf, input.password, {
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    params: input.params,
  });
  const dataKey = backend.randomBytes(32);
  const header = {
    investigatorId: input.investigatorId,
    boxPublicKey: keys.boxPublicKey,
    signPublicKey: keys.signPublicKey,
  };
  const payloadNonce = backend.randomBytes(24);
  const secrets = concatBytes(keys.boxSecretKey, keys.signSeed);
  const payload = backend.aeadEncrypt(dataKey, payloadNonce, secrets, payloadAd(header));
  secrets.fill(0);
  const pwNonce = backend.randomBytes(24);
  const pwWrap = backend.aeadEncrypt(
    unlock.wrapKey,
    pwNonce,
    dataKey,
    wrapAd(input.investigatorId, 'password'),
  );
  const rkKey = recoveryWrapKey(backend, recoveryKey);
  const rkNonce = backend.randomBytes(24);
  const rkWrap = backend.aeadEncrypt(
    rkKey,
    rkNonce,
    dataKey,
    wrapAd(input.investigatorId, 'recovery'),
  );
  rkKey.fill(0);
  dataKey.fill(0);
  unlock.wrapKey.fill(0);
  const vault: Vault = {
    v: 1,
    ...header,
    kdf,
    payload: { nonce: toBase64Url(payloadNonce), ciphertext: toBase64Url(payload) },
    passwordWrap: { nonce: toBase64Url(pwNonce), ciphertext: toBase64Url(pwWrap) },
    recoveryWrap: { nonce: toBase64Url(rkNonce), ciphertext: toBase64Url(rkWrap) },
  };
  return { vault, keys, recoveryKey, loginSecret: unlock.loginSecret };
}

export function generateInvestigatorKeys(backend: CryptoBackend): InvestigatorKeys {
  const boxSecretKey = backend.randomBytes(32);
  const signSeed = backend.randomBytes(32);
  return {
    boxSecretKey,
    signSeed,
    boxPublicKey: toBase64Url(backend.x25519PublicKey(boxSecretKey)),
    signPublicKey: toBase64Url(backend.ed25519PublicKey(signSeed)),
  };
}

function openPayload(backend: CryptoBackend, vault: Vault, dataKey: Uint8Array): InvestigatorKeys {
  const secrets = backend.aeadDecrypt(
    dataKey,
    fromBase64UrlExact(vault.payload.nonce, 24, 'nonce'),
    fromBase64UrlExact(vault.payload.ciphertext, 80, 'payload'),
    payloadAd(vault),
  );
  dataKey.fill(0);
  const boxSecretKey = secrets.slice(0, 32);
  const signSeed = secrets.slice(32, 64);
  secrets.fill(0);
  // The public keys in the vault are bound as AD; re-deriving them is a second check.
  const keys: InvestigatorKeys = {
    boxSecretKey,
    signSeed,
    boxPublicKey: toBase64Url(backend.x25519PublicKey(boxSecretKey)),
    signPublicKey: toBase64Url(backend.ed25519PublicKey(signSeed)),
  };
  if (keys.boxPublicKey !== vault.boxPublicKey || keys.signPublicKey !== vault.signPublicKey) {
    throw new DecryptionError('vault keys do not match');
  }
  return keys;
}

/** Opens the vault with the unlock from unlockVaultWithPassword. Throws DecryptionError. */
export function openVault(
  backend: CryptoBackend,
  vault: Vault,
  unlock: VaultUnlock,
): InvestigatorKeys {
  const dataKey = backend.aeadDecrypt(
    unlock.wrapKey,
    fromBase64UrlExact(vault.passwordWrap.nonce, 24, 'nonce'),
    fromBase64UrlExact(vault.passwordWrap.ciphertext, 48, 'wrap'),
    wrapAd(vault.investigatorId, 'password'),
  );
  return openPayload(backend, vault, dataKey);
}

/** Opens the vault with the printed recovery key (then set a new password with createVault). */
export function openVaultWithRecoveryKey(
  backend: CryptoBackend,
  vault: Vault,
  recoveryKey: string,
): InvestigatorKeys {
  const key = recoveryWrapKey(backend, recoveryKey);
  try {
    const dataKey = backend.aeadDecrypt(
      key,
      fromBase64UrlExact(vault.recoveryWrap.nonce, 24, 'nonce'),
      fromBase64UrlExact(vault.recoveryWrap.ciphertext, 48, 'wrap'),
      wrapAd(vault.investigatorId, 'recovery'),
    );
    return openPayload(backend, vault, dataKey);
  } finally {
    key.fill(0);
  }
}

/** Desk server: the slow hash it stores for a login secret (never the secret itself). */
export async function createLoginVerifier(
  backend: CryptoBackend,
  loginSecret: string,
  params: Argon2Params = LOGIN_VERIFIER_ARGON2_PARAMS,
): Promise<LoginVerifier> {
  assertArgon2Params(params, 'owasp');
  const salt = backend.randomBytes(16);
  const hash = await backend.argon2id(
    fromBase64UrlExact(loginSecret, 32, 'loginSecret'),
    salt,
    params,
    32,
  );
  return {
    v: 1,
    alg: 'argon2id13',
    salt: toBase64Url(salt),
    opsLimit: params.opsLimit,
    memLimitBytes: params.memLimitBytes,
    hash: toBase64Url(hash),
  };
}

/**
 * Desk server: constant-time check of a presented login secret. Pass TEST_ONLY_CHEAP_PARAMS as
 * `testParams` only in tests that created the verifier with it.
 */
export async function checkLoginVerifier(
  backend: CryptoBackend,
  verifier: LoginVerifier,
  loginSecret: string,
  testParams?: Argon2Params,
): Promise<boolean> {
  const params = testParams ?? {
    opsLimit: verifier.opsLimit,
    memLimitBytes: verifier.memLimitBytes,
  };
  assertArgon2Params(params, 'owasp');
  if (params.opsLimit !== verifier.opsLimit || params.memLimitBytes !== verifier.memLimitBytes)
    return false;
  let secret: Uint8Array;
  try {
    secret = fromBase64UrlExact(loginSecret, 32, 'loginSecret');
  } catch {
    return false;
  }
  const hash = await backend.argon2id(
    secret,
    fromBase64UrlExact(verifier.salt, 16, 'salt'),
    params,
    32,
  );
  return constantTimeEqual(hash, fromBase64UrlExact(verifier.hash, 32, 'hash'));
}
