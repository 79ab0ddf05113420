import { describe, expect, it } from 'vitest';
import {
  createVault,
  generateBoxKeyPair,
  generateReceipt,
  generateSigningKeyPair,
  openAttachment,
  openMessage,
  openReport,
  openThread,
  openVault,
  openVaultWithRecoveryKey,
  sealAttachment,
  sealMessage,
  sealReport,
  signSessionChallenge,
  submissionEnvelopeSchema,
  messageEnvelopeSchema,
  vaultSchema,
  attachmentHeaderSchema,
  TEST_ONLY_CHEAP_PARAMS,
  toBase64Url,
  unlockVaultWithPassword,
  verifyRecipientList,
  verifySessionProof,
  createLoginVerifier,
  checkLoginVerifier,
  ReplayedMessageError,
  UnknownAuthorError,
  StaleRecipientListError,
  SignatureError,
  DecryptionError,
} from '../src/index.ts';
import { backends, collect, signedTestList, uuid, testReceiptKeys } from './helpers.ts';

describe.each(backends.map((b) => [b.name, b] as const))('round trips (%s)', (_name, backend) => {
  const other = backends.find((b) => b !== backend)!;

  async function setup() {
    const receipt = generateReceipt(backend);
    const keys = await testReceiptKeys(backend, receipt);
    const deployment = generateSigningKeyPair(backend);
    const alice = generateBoxKeyPair(backend);
    const bob = generateBoxKeyPair(backend);
    const list = signedTestList(backend, deployment.seed, 3, [
      [uuid(10), alice],
      [uuid(11), bob],
    ]);
    return { receipt, keys, deployment, alice, bob, list };
  }

  it('seals a report that each recipient, the receipt and the other backend can open', async () => {
    const { receipt, keys, deployment, bob, list } = await setup();
    const verified = verifyRecipientList(backend, list, {
      pinnedPublicKey: deployment.publicKey,
      lastSeenVersion: 2,
    });
    const answers = { what: 'bribes at the permit office', when: '2026-01', amount: 1200 };
    const { envelope, reportKey } = sealReport(backend, {
      reportId: uuid(100),
      channelId: uuid(1),
      answers,
      recipients: verified.recipients,
      recipientListVersion: verified.version,
      whistleblower: keys,
    });
    expect(submissionEnvelopeSchema.parse(JSON.parse(JSON.stringify(envelope)))).toEqual(envelope);
    expect(envelope.answers.paddedSize).toBe(4096);
    const byBob = openReport(other, envelope, {
      kind: 'recipient',
      recipientId: uuid(11),
      boxPublicKey: bob.publicKey,
      boxSecretKey: bob.secretKey,
    });
    expect(byBob.answers).toEqual(answers);
    expect(byBob.reportKey).toEqual(reportKey);
    // The whistleblower comes back with only the receipt, typed sloppily.
    const again = await testReceiptKeys(other, receipt.toLowerCase().replace(/-/g, ' '));
    expect(again.locator).toBe(keys.locator);
    expect(openReport(other, envelope, { kind: 'whistleblower', keys: again }).answers).toEqual(
      answers,
    );
  });

  it('proves a receipt session with a signed challenge bound to its context', async () => {
    const { keys } = await setup();
    const challenge = toBase64Url(backend.randomBytes(32));
    const signature = signSessionChallenge(backend, keys, challenge, 'intake-session');
    const base = { signPublicKey: keys.signPublicKey, locator: keys.locator, challenge, signature };
    expect(verifySessionProof(other, { ...base, context: 'intake-session' })).toBe(true);
    expect(verifySessionProof(other, { ...base, context: 'other-purpose' })).toBe(false);
    const otherChallenge = toBase64Url(backend.randomBytes(32));
    expect(
      verifySessionProof(other, { ...base, challenge: otherChallenge, context: 'intake-session' }),
    ).toBe(false);
  });

  it('refuses a recipient list with a bad signature or an older version', async () => {
    const { deployment, list } = await setup();
    expect(() =>
      verifyRecipientList(backend, list, {
        pinnedPublicKey: deployment.publicKey,
        lastSeenVersion: 4,
      }),
    ).toThrow(StaleRecipientListError);
    const impostor = generateSigningKeyPair(backend);
    expect(() =>
      verifyRecipientList(backend, list, { pinnedPublicKey: impostor.publicKey }),
    ).toThrow(SignatureError);
    const swapped = structuredClone(list);
    swapped.recipients[0]!.boxPublicKey = generateBoxKeyPair(backend).publicKey;
    expect(() =>
      verifyRecipientList(other, swapped, { pinnedPublicKey: deployment.publicKey }),
    ).toThrow(SignatureError);
  });

  it('exchanges messages both ways and rejects replays, reordering and strangers', async () => {
    const { keys, alice } = await setup();
    const investigator = generateSigningKeyPair(backend);
    const reportKey = backend.randomBytes(32);
    const ctx = {
      reportKey,
      reportId: uuid(100),
      authors: { whistleblower: keys.signPublicKey, investigators: [investigator.publicKey] },
    };
    const m0 = sealMessage(backend, {
      reportKey,
      reportId: uuid(100),
      messageId: uuid(200),
      authorRole: 'investigator',
      authorSignSeed: investigator.seed,
      sequence: 0,
      body: 'Can you tell us which office?',
    });
    const m1 = sealMessage(backend, {
      reportKey,
      reportId: uuid(100),
      messageId: uuid(201),
      authorRole: 'whistleblower',
      authorSignSeed: keys.signSeed,
      sequence: 0,
      body: 'The one on Independence Avenue. ✓',
    });
    const m2 = sealMessage(backend, {
      reportKey,
      reportId: uuid(100),
      messageId: uuid(202),
      authorRole: 'investigator',
      authorSignSeed: investigator.seed,
      sequence: 1,
      body: 'Thank you.',
    });
    expect(messageEnvelopeSchema.parse(m1)).toEqual(m1);
    expect(openThread(other, [m0, m1, m2], ctx).map((m) => m.body)).toEqual([
      'Can you tell us which office?',
      'The one on Independence Avenue. ✓',
      'Thank you.',
    ]);
    expect(() => openThread(other, [m0, m1, m0], ctx)).toThrow(ReplayedMessageError);
    expect(() => openThread(other, [m2, m1, m0], ctx)).toThrow(ReplayedMessageError);
    expect(() => openMessage(other, m2, { ...ctx, lastSequence: 1 })).toThrow(ReplayedMessageError);
    expect(openMessage(other, m2, { ...ctx, lastSequence: 0 }).body).toBe('Thank you.');
    // Claiming the other role, or another report, fails.
    expect(() => openMessage(other, { ...m0, authorRole: 'whistleblower' }, ctx)).toThrow(
      UnknownAuthorError,
    );
    expect(() => openMessage(other, m0, { ...ctx, reportId: uuid(101) })).toThrow(DecryptionError);
    void alice;
  });

  it('streams an attachment in and out with progress, opening with the other backend', async () => {
    const reportKey = backend.randomBytes(32);
    const size = 200_000 + 123;
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (i * 7 + 3) & 0xff;
    const pieces = [data.subarray(0, 1000), data.subarray(1000, 150_000), data.subarray(150_000)];
    const progress: number[] = [];
    const sealed = sealAttachment(backend, {
      reportKey,
      reportId: uuid(100),
      attachmentId: uuid(300),
      metadata: { name: 'ledger 2025.pdf', type: 'application/pdf', size },
      source: pieces,
      onProgress: (done) => progress.push(done),
    });
    expect(attachmentHeaderSchema.parse(sealed.header)).toEqual(sealed.header);
    const ciphertext = await collect(sealed.chunks);
    expect(ciphertext.length).toBe(sealed.header.paddedSize + 16 * sealed.header.chunkCount);
    expect(progress.at(-1)).toBe(sealed.header.paddedSize);
    // Re-sliced differently on the way back, as a download would be.
    const opened = openAttachment(other, {
      reportKey,
      header: sealed.header,
      source: [ciphertext.subarray(0, 77), ciphertext.subarray(77)],
    });
    expect(opened.metadata).toEqual({ name: 'ledger 2025.pdf', type: 'application/pdf', size });
    expect(await collect(opened.chunks)).toEqual(data);
  });

  it('opens a vault with the password or the recovery key; the login verifier checks', async () => {
    const created = await createVault(backend, {
      investigatorId: uuid(400),
      password: 'correct horse battery staple',
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    expect(vaultSchema.parse(JSON.parse(JSON.stringify(created.vault)))).toEqual(created.vault);
    const unlock = await unlockVaultWithPassword(
      other,
      created.vault.kdf,
      'correct horse battery staple',
      {
        params: TEST_ONLY_CHEAP_PARAMS,
      },
    );
    expect(unlock.loginSecret).toBe(created.loginSecret);
    expect(openVault(other, created.vault, unlock).signPublicKey).toBe(created.keys.signPublicKey);
    const viaRecovery = openVaultWithRecoveryKey(
      other,
      created.vault,
      created.recoveryKey.toLowerCase(),
    );
    expect(viaRecovery.boxSecretKey).toEqual(created.keys.boxSecretKey);
    const wrong = await unlockVaultWithPassword(other, created.vault.kdf, 'wrong', {
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    expect(() => openVault(other, created.vault, wrong)).toThrow(DecryptionError);
    const verifier = await createLoginVerifier(
      backend,
      created.loginSecret,
      TEST_ONLY_CHEAP_PARAMS,
    );
    expect(
      await checkLoginVerifier(other, verifier, created.loginSecret, TEST_ONLY_CHEAP_PARAMS),
    ).toBe(true);
    expect(
      await checkLoginVerifier(other, verifier, wrong.loginSecret, TEST_ONLY_CHEAP_PARAMS),
    ).toBe(false);
  });
});
