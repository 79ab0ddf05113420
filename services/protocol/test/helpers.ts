// Test fixtures: both backends, cheap Argon2 through the explicit test-only set, and a
// deterministic CSPRNG stand-in for known-answer vectors lives in vectors/deterministic.ts.
import { createLibsodiumBackend } from '../src/backend/libsodium.ts';
import { createNobleBackend } from '../src/backend/noble.ts';
import type { CryptoBackend } from '../src/backend/types.ts';
import { concatBytes } from '../src/bytes.ts';
import type { BoxKeyPair } from '../src/keys.ts';
import { TEST_ONLY_CHEAP_PARAMS } from '../src/params.ts';
import { RECEIPT_KDF_CURRENT } from '../src/receipt-kdf.ts';
import { deriveReceiptKeys, generateReceipt } from '../src/receipt.ts';
import { signRecipientList } from '../src/recipient-list.ts';

export async function bothBackends(): Promise<CryptoBackend[]> {
  return [await createLibsodiumBackend(), createNobleBackend()];
}

/** Both backends, loaded once per spec file: every step must behave alike in each. */
export const backends = await bothBackends();

/**
 * Every ordered pair of backends, named `a -> b`: what one backend makes, the other must open or
 * verify, so a difference between libsodium and the pure-JS backend shows as a failing pair.
 */
export const pairs = backends.flatMap((a) =>
  backends.map((b) => [`${a.name} -> ${b.name}`, a, b] as const),
);

/**
 * Channel uuid(1)'s recipient list at `version`, signed with the deployment key: one entry per
 * [recipientId, box key pair], the box public key standing in for the signing key as well.
 */
export function signedTestList(
  backend: CryptoBackend,
  deploymentSeed: Uint8Array,
  version: number,
  recipients: readonly (readonly [string, BoxKeyPair])[],
) {
  return signRecipientList(
    backend,
    {
      channelId: uuid(1),
      version,
      recipients: recipients.map(([recipientId, { publicKey }]) => ({
        recipientId,
        boxPublicKey: publicKey,
        signPublicKey: publicKey,
      })),
    },
    deploymentSeed,
  );
}

export const TEST_SALT = 'AAECAwQFBgcICQoLDA0ODw'; // bytes 0..15

/** A whistleblower's receipt keys as derived today (current version), with test-cheap Argon2. */
export const testReceiptKeys = (b: CryptoBackend, receipt: string = generateReceipt(b)) =>
  deriveReceiptKeys(b, {
    receipt,
    version: RECEIPT_KDF_CURRENT,
    salt: TEST_SALT,
    params: TEST_ONLY_CHEAP_PARAMS,
  });

export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) {
    parts.push(c.slice());
  }
  return concatBytes(...parts);
}
