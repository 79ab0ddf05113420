/** Sealed 4 KiB submissions with solved minimum-difficulty challenges, made before the run. */
import {
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  generateBoxKeyPair,
  generateReceipt,
  generateSigningKeyPair,
  loadBackend,
  sealReport,
  TEST_ONLY_CHEAP_PARAMS,
} from '@integrity-desk/protocol';
import { randomBytes, randomUUID } from 'node:crypto';
import { createHmacSigner } from '../src/http/hmac-token.ts';
import { solvePow } from '../src/pow/pow.ts';

export const benchChannelId = 'b0000000-0000-4000-8000-000000000001';

/**
 * `count` request bodies, each a distinct report (own receipt keys, own id, own signature) with
 * answers padded to 4 KiB, and a challenge minted with the server's key at 1 bit and solved.
 */
export async function makeSubmissions(count: number, challengeKey: Buffer): Promise<string[]> {
  const b = await loadBackend();
  const signer = createHmacSigner(challengeKey, 'pow');
  const recipients = [
    {
      recipientId: randomUUID(),
      boxPublicKey: generateBoxKeyPair(b).publicKey,
      signPublicKey: generateSigningKeyPair(b).publicKey,
    },
  ];
  const keys = await deriveReceiptKeys(b, {
    receipt: generateReceipt(b),
    version: RECEIPT_KDF_CURRENT,
    salt: 'AAAAAAAAAAAAAAAAAAAAAA',
    params: TEST_ONLY_CHEAP_PARAMS,
  });
  const bodies: string[] = [];
  const expiresAt = Date.now() + 60 * 60_000;
  for (let i = 0; i < count; i++) {
    const { envelope } = sealReport(b, {
      reportId: randomUUID(),
      channelId: benchChannelId,
      answers: { what: 'x'.repeat(3000) },
      recipients,
      recipientListVersion: 1,
      // One receipt for all: the server checks each envelope's signature all the same.
      whistleblower: keys,
    });
    const challenge = signer.sign([
      'pow1',
      '1',
      String(expiresAt),
      randomBytes(16).toString('base64url'),
    ]);
    bodies.push(JSON.stringify({ envelope, pow: { challenge, solution: solvePow(challenge) } }));
  }
  return bodies;
}
