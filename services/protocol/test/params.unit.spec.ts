import { describe, expect, it } from 'vitest';
import {
  createNobleBackend,
  createVault,
  deploymentCryptoSettingsSchema,
  deriveReceiptKeys,
  generateReceipt,
  RECEIPT_ARGON2_PARAMS,
  TEST_ONLY_CHEAP_PARAMS,
  VAULT_ARGON2_PARAMS,
  WeakParametersError,
  meetsOwaspFloor,
  meetsVaultFloor,
  unlockVaultWithPassword,
} from '../src/index.ts';
import { TEST_SALT, uuid } from './helpers.ts';

const backend = createNobleBackend();
const MiB = 1024 * 1024;

describe('Argon2id parameter sets', () => {
  it('production sets meet the OWASP floor, vaults the stronger vault floor', () => {
    expect(meetsOwaspFloor(RECEIPT_ARGON2_PARAMS)).toBe(true);
    expect(meetsVaultFloor(VAULT_ARGON2_PARAMS)).toBe(true);
    expect(meetsOwaspFloor({ opsLimit: 1, memLimitBytes: 46 * MiB })).toBe(true);
    expect(meetsOwaspFloor({ opsLimit: 1, memLimitBytes: 19 * MiB })).toBe(false);
    expect(meetsOwaspFloor({ opsLimit: 2, memLimitBytes: 18 * MiB })).toBe(false);
    expect(meetsOwaspFloor(TEST_ONLY_CHEAP_PARAMS)).toBe(false);
  });

  it('accepts the cheap set only by identity: a copy with the same numbers is refused', async () => {
    const receipt = generateReceipt(backend);
    const copy = { ...TEST_ONLY_CHEAP_PARAMS };
    await expect(
      deriveReceiptKeys(backend, { receipt, version: 1, salt: TEST_SALT, params: copy }),
    ).rejects.toThrow(WeakParametersError);
    await expect(
      createVault(backend, { investigatorId: uuid(1), password: 'pw', params: copy }),
    ).rejects.toThrow(WeakParametersError);
    // A receipt-strength set is not enough for a vault.
    await expect(
      createVault(backend, {
        investigatorId: uuid(1),
        password: 'pw',
        params: RECEIPT_ARGON2_PARAMS,
      }),
    ).rejects.toThrow(WeakParametersError);
  });

  it('refuses to unlock a vault whose server-supplied parameters were lowered', async () => {
    const kdf = { salt: TEST_SALT, opsLimit: 1, memLimitBytes: 8192 };
    await expect(unlockVaultWithPassword(backend, kdf, 'pw')).rejects.toThrow(WeakParametersError);
  });

  it('deployment settings reject weak or test-only parameters and unknown fields', () => {
    const good = {
      v: 1,
      receiptKdf: { alg: 'argon2id13', salt: TEST_SALT, ...RECEIPT_ARGON2_PARAMS },
      vaultKdf: { alg: 'argon2id13', ...VAULT_ARGON2_PARAMS },
      deploymentSignPublicKey: 'A'.repeat(43),
    };
    expect(deploymentCryptoSettingsSchema.safeParse(good).success).toBe(true);
    const cheap = { ...good, receiptKdf: { ...good.receiptKdf, ...TEST_ONLY_CHEAP_PARAMS } };
    expect(deploymentCryptoSettingsSchema.safeParse(cheap).success).toBe(false);
    const weakVault = { ...good, vaultKdf: { alg: 'argon2id13', ...RECEIPT_ARGON2_PARAMS } };
    expect(deploymentCryptoSettingsSchema.safeParse(weakVault).success).toBe(false);
    expect(deploymentCryptoSettingsSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
  });
});
