// Flipping any bit of any ciphertext, nonce, wrapped key, signature or associated data makes
// opening fail with a typed ProtocolError, never with wrong plaintext or an untyped crash.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fromBase64Url,
  generateBoxKeyPair,
  generateSigningKeyPair,
  openAttachment,
  openMessage,
  openReport,
  openReportAnswers,
  openReportKey,
  openVault,
  openVaultWithRecoveryKey,
  createVault,
  ProtocolError,
  sealAttachment,
  sealMessage,
  sealReport,
  TEST_ONLY_CHEAP_PARAMS,
  toBase64Url,
  unlockVaultWithPassword,
  verifyRecipientList,
  type SubmissionEnvelope,
} from '../src/index.ts';
import { backends, collect, signedTestList, uuid, testReceiptKeys } from './helpers.ts';

const RUNS = 60;

/** Flips one bit of a base64url value (decoded), keeping it canonical base64url. */
function flipB64(value: string, byteSeed: number, bit: number): string {
  const bytes = fromBase64Url(value).slice();
  const i = byteSeed % bytes.length;
  bytes[i] = bytes[i]! ^ (1 << bit);
  return toBase64Url(bytes);
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

function set<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj);
  const keys = path.split('.');
  let o = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys.at(-1)!] = value;
  return copy;
}

function expectTypedFailure(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ProtocolError);
}

async function expectTypedRejection(p: Promise<unknown>): Promise<void> {
  let thrown: unknown;
  try {
    await p;
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ProtocolError);
}

describe.each(backends.map((b) => [b.name, b] as const))('tampering (%s)', (_name, backend) => {
  it('any flipped bit in a submission envelope fails to open, for every opener', async () => {
    const keys = await testReceiptKeys(backend);
    const rec = generateBoxKeyPair(backend);
    const { envelope } = sealReport(backend, {
      reportId: uuid(1),
      channelId: uuid(2),
      answers: { text: 'x'.repeat(100) },
      recipients: [
        { recipientId: uuid(3), boxPublicKey: rec.publicKey, signPublicKey: rec.publicKey },
      ],
      recipientListVersion: 1,
      whistleblower: keys,
    });
    const recipient = {
      kind: 'recipient' as const,
      recipientId: uuid(3),
      boxPublicKey: rec.publicKey,
      boxSecretKey: rec.secretKey,
    };
    const binaryFields = [
      'answers.nonce',
      'answers.ciphertext',
      'recipients.0.wrappedKey',
      'whistleblower.wrappedKey',
      'whistleblower.locator',
      'whistleblower.signPublicKey',
      'whistleblower.boxPublicKey',
      'signature',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...binaryFields),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (field, byteSeed, bit) => {
          const tampered = set(
            envelope,
            field,
            flipB64(get(envelope, field) as string, byteSeed, bit),
          );
          expectTypedFailure(() => openReport(backend, tampered, recipient));
          expectTypedFailure(() => openReport(backend, tampered, { kind: 'whistleblower', keys }));
        },
      ),
      { numRuns: RUNS },
    );
    // Without the signature check, the AEAD and the seal still refuse tampering by themselves.
    const decryptionFields = ['answers.nonce', 'answers.ciphertext', 'recipients.0.wrappedKey'];
    fc.assert(
      fc.property(
        fc.constantFrom(...decryptionFields),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (field, byteSeed, bit) => {
          const t = set(envelope, field, flipB64(get(envelope, field) as string, byteSeed, bit));
          expectTypedFailure(() => {
            const key = openReportKey(backend, t, recipient);
            openReportAnswers(backend, t, key);
          });
        },
      ),
      { numRuns: RUNS },
    );
    // Associated data: another report id, channel id or padded size.
    const key = openReportKey(backend, envelope, recipient);
    const variants: SubmissionEnvelope[] = [
      { ...envelope, reportId: uuid(9) },
      { ...envelope, channelId: uuid(9) },
      {
        ...envelope,
        answers: { ...envelope.answers, paddedSize: envelope.answers.paddedSize + 1 },
      },
      { ...envelope, recipientListVersion: 2 },
    ];
    for (const v of variants) {
      expectTypedFailure(() => openReport(backend, v, recipient));
    }
    for (const v of variants.slice(0, 3)) {
      expectTypedFailure(() => openReportAnswers(backend, v, key));
    }
  });

  it('any flipped bit in a message, or changed header field, fails to open', () => {
    const author = generateSigningKeyPair(backend);
    const reportKey = backend.randomBytes(32);
    const msg = sealMessage(backend, {
      reportKey,
      reportId: uuid(1),
      messageId: uuid(5),
      authorRole: 'investigator',
      authorSignSeed: author.seed,
      sequence: 4,
      body: 'hello',
    });
    const ctx = {
      reportKey,
      reportId: uuid(1),
      authors: {
        whistleblower: generateSigningKeyPair(backend).publicKey,
        investigators: [author.publicKey],
      },
    };
    expect(openMessage(backend, msg, ctx).body).toBe('hello');
    fc.assert(
      fc.property(
        fc.constantFrom('nonce', 'ciphertext', 'signature', 'authorKey'),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (field, byteSeed, bit) => {
          const t = set(msg, field, flipB64(get(msg, field) as string, byteSeed, bit));
          expectTypedFailure(() => openMessage(backend, t, ctx));
        },
      ),
      { numRuns: RUNS },
    );
    for (const t of [
      { ...msg, messageId: uuid(6) },
      { ...msg, sequence: 5 },
      { ...msg, reportId: uuid(2) },
    ]) {
      expectTypedFailure(() => openMessage(backend, t, { ...ctx, reportId: t.reportId }));
    }
  });

  it('any flipped, moved, dropped or extra attachment chunk fails to open', async () => {
    const reportKey = backend.randomBytes(32);
    const size = 3 * 65536 + 10;
    const sealed = sealAttachment(backend, {
      reportKey,
      reportId: uuid(1),
      attachmentId: uuid(7),
      metadata: { name: 'a.txt', type: 'text/plain', size },
      source: [new Uint8Array(size).fill(65)],
    });
    const chunks: Uint8Array[] = [];
    for await (const c of sealed.chunks) chunks.push(c.slice());
    const open = async (header: unknown, parts: Uint8Array[]) =>
      collect(openAttachment(backend, { reportKey, header, source: parts }).chunks);
    expect((await open(sealed.header, chunks)).length).toBe(size);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (c, byteSeed, bit) => {
          const parts = chunks.map((x) => x.slice());
          const target = parts[c % parts.length]!;
          const at = byteSeed % target.length;
          target[at] = target[at]! ^ (1 << bit);
          await expectTypedRejection(open(sealed.header, parts));
        },
      ),
      { numRuns: 20 },
    );
    await expectTypedRejection(open(sealed.header, chunks.slice(0, -1)));
    await expectTypedRejection(open(sealed.header, [chunks[1]!, chunks[0]!, ...chunks.slice(2)]));
    await expectTypedRejection(open(sealed.header, [...chunks, chunks.at(-1)!]));
    await expectTypedRejection(open(sealed.header, [chunks[0]!, chunks[0]!, ...chunks.slice(2)]));
    const metaFlip = { ...sealed.header, metadata: flipB64(sealed.header.metadata, 3, 1) };
    await expectTypedRejection(open(metaFlip, chunks));
    const saltFlip = { ...sealed.header, salt: flipB64(sealed.header.salt, 3, 1) };
    await expectTypedRejection(open(saltFlip, chunks));
    // A shorter claimed size (a truncation attempt through the header) fails too.
    const shorter = { ...sealed.header, paddedSize: 3 * 65536, chunkCount: 3 };
    await expectTypedRejection(open(shorter, chunks.slice(0, 3)));
  });

  it('a flipped vault or recipient list fails with a typed error', async () => {
    const created = await createVault(backend, {
      investigatorId: uuid(1),
      password: 'pw',
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    const unlock = await unlockVaultWithPassword(backend, created.vault.kdf, 'pw', {
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    const fields = [
      'payload.nonce',
      'payload.ciphertext',
      'passwordWrap.nonce',
      'passwordWrap.ciphertext',
      'boxPublicKey',
      'signPublicKey',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (field, s, bit) => {
          const t = set(created.vault, field, flipB64(get(created.vault, field) as string, s, bit));
          expectTypedFailure(() => openVault(backend, t, unlock));
        },
      ),
      { numRuns: RUNS },
    );
    const rk = set(
      created.vault,
      'recoveryWrap.ciphertext',
      flipB64(created.vault.recoveryWrap.ciphertext, 0, 0),
    );
    expectTypedFailure(() => openVaultWithRecoveryKey(backend, rk, created.recoveryKey));
    expectTypedFailure(() =>
      openVault(backend, { ...created.vault, investigatorId: uuid(2) }, unlock),
    );

    const deployment = generateSigningKeyPair(backend);
    const r = generateBoxKeyPair(backend);
    const list = signedTestList(backend, deployment.seed, 1, [[uuid(2), r]]);
    fc.assert(
      fc.property(
        fc.constantFrom('signature', 'recipients.0.boxPublicKey', 'recipients.0.signPublicKey'),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (field, s, bit) => {
          const t = set(list, field, flipB64(get(list, field) as string, s, bit));
          expectTypedFailure(() =>
            verifyRecipientList(backend, t, { pinnedPublicKey: deployment.publicKey }),
          );
        },
      ),
      { numRuns: RUNS },
    );
    expectTypedFailure(() =>
      verifyRecipientList(
        backend,
        { ...list, version: 2 },
        { pinnedPublicKey: deployment.publicKey },
      ),
    );
  });
});
