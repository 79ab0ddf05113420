// The receipt's key derivation is versioned (SECURITY.md, Protocol step 2): new receipts use a
// keyed BLAKE2b (version 2), receipts issued before keep Argon2id (version 1) at the parameters
// they were issued with. Known answers for both are in test-vectors/protocol-v1.json.
import { describe, expect, it } from 'vitest';
import {
  deriveReceiptKeys,
  generateReceipt,
  RECEIPT_ARGON2_PARAMS,
  RECEIPT_KDF_CURRENT,
  RECEIPT_KDF_VERSIONS,
  TEST_ONLY_CHEAP_PARAMS,
  WeakParametersError,
  type Argon2idCost,
  type CryptoBackend,
} from '../src/index.ts';
import { backends, TEST_SALT } from './helpers.ts';

const OTHER_SALT = 'EBESExQVFhcYGRobHB0eHw';

/** `b`, recording every Argon2id it is asked to run. */
function recordingArgon2(b: CryptoBackend): { backend: CryptoBackend; runs: Argon2idCost[] } {
  const runs: Argon2idCost[] = [];
  const backend: CryptoBackend = {
    ...b,
    argon2id: (password, salt, cost, outLen, onProgress) => {
      runs.push({ opsLimit: cost.opsLimit, memLimitBytes: cost.memLimitBytes });
      return b.argon2id(password, salt, cost, outLen, onProgress);
    },
  };
  return { backend, runs };
}

const publicHalf = (k: { locator: string; signPublicKey: string; boxPublicKey: string }) => ({
  locator: k.locator,
  signPublicKey: k.signPublicKey,
  boxPublicKey: k.boxPublicKey,
});

describe('receipt key derivation versions', () => {
  it('issues new receipts with version 2 and tries it first on return, then version 1', () => {
    expect(RECEIPT_KDF_CURRENT).toBe(2);
    expect(RECEIPT_KDF_VERSIONS).toEqual([2, 1]);
  });

  it.each(backends.map((b) => [b.name, b] as const))(
    'version 2 (%s) runs no Argon2id, reports progress once, and agrees with the other backend',
    async (_name, b) => {
      const receipt = generateReceipt(b);
      const { backend, runs } = recordingArgon2(b);
      const progress: number[] = [];
      const keys = await deriveReceiptKeys(backend, {
        receipt,
        version: 2,
        salt: TEST_SALT,
        params: RECEIPT_ARGON2_PARAMS,
        onProgress: (f) => progress.push(f),
      });
      expect(runs).toEqual([]);
      expect(progress).toEqual([1]);
      for (const other of backends) {
        const again = await deriveReceiptKeys(other, {
          receipt,
          version: 2,
          salt: TEST_SALT,
          params: RECEIPT_ARGON2_PARAMS,
        });
        expect(publicHalf(again)).toEqual(publicHalf(keys));
      }
    },
  );

  it('version 2 keys depend on the deployment: the same receipt gives unrelated keys elsewhere', async () => {
    const b = backends[0]!;
    const receipt = generateReceipt(b);
    const derive = (salt: string) =>
      deriveReceiptKeys(b, { receipt, version: 2, salt, params: RECEIPT_ARGON2_PARAMS });
    const here = await derive(TEST_SALT);
    const there = await derive(OTHER_SALT);
    expect(there.locator).not.toBe(here.locator);
    expect(there.signPublicKey).not.toBe(here.signPublicKey);
    expect(there.boxPublicKey).not.toBe(here.boxPublicKey);
  });

  it('version 1 still runs Argon2id at the parameters given, and gives other keys than version 2', async () => {
    const b = backends[0]!;
    const receipt = generateReceipt(b);
    const { backend, runs } = recordingArgon2(b);
    const v1 = await deriveReceiptKeys(backend, {
      receipt,
      version: 1,
      salt: TEST_SALT,
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    expect(runs).toEqual([{ opsLimit: 1, memLimitBytes: 8 * 1024 }]);
    const v2 = await deriveReceiptKeys(b, {
      receipt,
      version: 2,
      salt: TEST_SALT,
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    expect(v2.locator).not.toBe(v1.locator);
    expect(v2.signPublicKey).not.toBe(v1.signPublicKey);
  });

  it('version 1 still refuses parameters below the OWASP floor (a server cannot lower them)', async () => {
    const b = backends[0]!;
    await expect(
      deriveReceiptKeys(b, {
        receipt: generateReceipt(b),
        version: 1,
        salt: TEST_SALT,
        params: { opsLimit: 1, memLimitBytes: 8 * 1024 },
      }),
    ).rejects.toThrow(WeakParametersError);
  });

  it('refuses a version it does not know rather than guessing one', async () => {
    const b = backends[0]!;
    await expect(
      deriveReceiptKeys(b, {
        receipt: generateReceipt(b),
        version: 3 as never,
        salt: TEST_SALT,
        params: RECEIPT_ARGON2_PARAMS,
      }),
    ).rejects.toThrow(RangeError);
  });
});
