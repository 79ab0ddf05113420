// Known-answer vectors: every protocol operation run with injected randomness, recorded with its
// inputs and outputs. `buildVectors` runs in Node and in the browser bundle alike; a backend
// passes when it rebuilds the identical document and opens every recorded artifact.
import {
  createVault,
  deriveReceiptKeys,
  followDeploymentKey,
  generateDeploymentKey,
  openDeploymentKey,
  sealDeploymentKey,
  signDeploymentKeyTransition,
  generateBoxKeyPair,
  generateReceipt,
  generateSigningKeyPair,
  openAttachment,
  openReport,
  openSharedReport,
  openThread,
  openVault,
  openVaultWithRecoveryKey,
  proveKeyPossession,
  safetyNumber,
  sealAttachment,
  sealMessage,
  sealReport,
  shareReportKeyFromList,
  signRecipientList,
  signSessionChallenge,
  RECEIPT_ARGON2_PARAMS,
  TEST_ONLY_CHEAP_PARAMS,
  toBase64Url,
  fromBase64Url,
  unlockVaultWithPassword,
  verifyRecipientList,
  verifyKeyPossession,
  verifySessionProof,
  type CryptoBackend,
} from '../../src/index.ts';
import { withDeterministicRandom } from './deterministic.ts';

export const VECTOR_SEEDS = ['integrity-desk vectors 1', 'integrity-desk vectors 2'];
const SALT = 'AAECAwQFBgcICQoLDA0ODw';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function collectB64(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of chunks) out.push(toBase64Url(c));
  return out;
}

export interface VectorCase {
  seed: string;
  [key: string]: unknown;
}

function publicReceiptKeys(k: Awaited<ReturnType<typeof deriveReceiptKeys>>) {
  return {
    locator: k.locator,
    signPublicKey: k.signPublicKey,
    boxPublicKey: k.boxPublicKey,
    signSeed: toBase64Url(k.signSeed),
    boxSecretKey: toBase64Url(k.boxSecretKey),
  };
}

async function receiptVersion2Case(
  b: CryptoBackend,
  receipt: string,
  recipientList: ReturnType<typeof signRecipientList>,
) {
  const keys = await deriveReceiptKeys(b, {
    receipt,
    version: 2,
    salt: SALT,
    params: RECEIPT_ARGON2_PARAMS,
  });
  const { envelope } = sealReport(b, {
    reportId: id(101),
    channelId: id(1),
    answers: { summary: 'Sealed with a version 2 receipt' },
    recipients: recipientList.recipients,
    recipientListVersion: recipientList.version,
    whistleblower: keys,
  });
  return { receiptKeys: publicReceiptKeys(keys), envelope };
}

/** Everything a case derives, from randomness drawn in a fixed order. */
export async function buildCase(base: CryptoBackend, seed: string): Promise<VectorCase> {
  const b = withDeterministicRandom(base, seed);
  const receipt = generateReceipt(b);
  // The receipt derivation these cases were recorded with: version 1 (Argon2id), as every
  // receipt issued before version 2. Version 2's artifacts are drawn last, below.
  const receiptKeys = await deriveReceiptKeys(b, {
    receipt,
    version: 1,
    salt: SALT,
    params: TEST_ONLY_CHEAP_PARAMS,
  });
  const argon2id1MiB = toBase64Url(
    await b.argon2id(
      new TextEncoder().encode(receipt),
      fromBase64Url(SALT),
      { opsLimit: 2, memLimitBytes: 1024 * 1024 },
      32,
    ),
  );
  const deployment = generateSigningKeyPair(b);
  const recipientA = generateBoxKeyPair(b);
  const recipientB = generateBoxKeyPair(b);
  const investigator = generateSigningKeyPair(b);
  const recipientList = signRecipientList(
    b,
    {
      channelId: id(1),
      version: 7,
      recipients: [
        {
          recipientId: id(10),
          boxPublicKey: recipientA.publicKey,
          signPublicKey: investigator.publicKey,
        },
        {
          recipientId: id(11),
          boxPublicKey: recipientB.publicKey,
          signPublicKey: investigator.publicKey,
        },
      ],
    },
    deployment.seed,
  );
  const answers = {
    summary: 'Tender 2026/14 was awarded before bids closed',
    amountNad: 1_250_000,
    tags: ['procurement', 'ümlaut ✓'],
  };
  const { envelope, reportKey } = sealReport(b, {
    reportId: id(100),
    channelId: id(1),
    answers,
    recipients: recipientList.recipients,
    recipientListVersion: recipientList.version,
    whistleblower: receiptKeys,
  });
  const challenge = toBase64Url(b.randomBytes(32));
  const sessionProof = signSessionChallenge(b, receiptKeys, challenge, 'intake-session');
  const messages = [
    sealMessage(b, {
      reportKey,
      reportId: id(100),
      messageId: id(200),
      authorRole: 'investigator',
      authorSignSeed: investigator.seed,
      sequence: 0,
      body: 'Who else attended the meeting?',
    }),
    sealMessage(b, {
      reportKey,
      reportId: id(100),
      messageId: id(201),
      authorRole: 'whistleblower',
      authorSignSeed: receiptKeys.signSeed,
      sequence: 0,
      body: 'Two officials from the ministry.',
    }),
  ];
  const fileSize = 70_000;
  const file = new Uint8Array(fileSize);
  for (let i = 0; i < fileSize; i++) file[i] = (i * 31 + 7) & 0xff;
  const attachment = sealAttachment(b, {
    reportKey,
    reportId: id(100),
    attachmentId: id(300),
    metadata: { name: 'minutes.pdf', type: 'application/pdf', size: fileSize },
    source: [file],
  });
  const attachmentChunks = await collectB64(attachment.chunks);
  const vault = await createVault(b, {
    investigatorId: id(400),
    password: 'Tr0ub4dor & 3 ✓',
    params: TEST_ONLY_CHEAP_PARAMS,
  });
  // Drawn last, so adding it left every earlier artifact's randomness as it was.
  const [keyShare] = shareReportKeyFromList(b, {
    reportId: id(100),
    reportKey,
    recipientList,
    pinnedPublicKey: deployment.publicKey,
    channelId: id(1),
    recipientIds: [id(11)],
    sharedBy: id(10),
    sharerSignSeed: investigator.seed,
  });
  // Deterministic (Ed25519, BLAKE2b): no randomness drawn, so every artifact above is unchanged.
  const vaultPublic = {
    investigatorId: vault.vault.investigatorId,
    boxPublicKey: vault.keys.boxPublicKey,
    signPublicKey: vault.keys.signPublicKey,
  };
  const keyBinding = {
    keys: vaultPublic,
    proof: proveKeyPossession(b, {
      investigatorId: vaultPublic.investigatorId,
      boxSecretKey: vault.keys.boxSecretKey,
      signSeed: vault.keys.signSeed,
    }),
    safetyNumber: safetyNumber(b, vaultPublic),
  };
  // Drawn after everything above, so adding the deployment key's artifacts changed none of them.
  const sealedDeploymentKey = sealDeploymentKey(b, {
    seed: deployment.seed,
    administratorId: id(10),
    boxPublicKey: recipientA.publicKey,
  });
  const nextDeploymentKey = generateDeploymentKey(b);
  const deploymentKeyTransition = signDeploymentKeyTransition(b, {
    sequence: 1,
    previousSeed: deployment.seed,
    nextPublicKey: nextDeploymentKey.publicKey,
  });
  // Receipt derivation version 2 (keyed BLAKE2b) of the same receipt, and a report sealed with
  // its keys; drawn after everything above, so none of the version-1 artifacts changed.
  const receiptV2 = await receiptVersion2Case(b, receipt, recipientList);
  // Version 1 at the production parameters (m=19 MiB t=2), which every receipt issued before
  // version 2 needs forever: its locator and keys, as a known answer.
  const receiptV1Production = publicReceiptKeys(
    await deriveReceiptKeys(b, { receipt, version: 1, salt: SALT, params: RECEIPT_ARGON2_PARAMS }),
  );
  return {
    seed,
    receipt,
    receiptSalt: SALT,
    receiptKeys: {
      locator: receiptKeys.locator,
      signPublicKey: receiptKeys.signPublicKey,
      boxPublicKey: receiptKeys.boxPublicKey,
      signSeed: toBase64Url(receiptKeys.signSeed),
      boxSecretKey: toBase64Url(receiptKeys.boxSecretKey),
    },
    argon2id1MiB,
    deploymentSeed: toBase64Url(deployment.seed),
    deploymentPublicKey: deployment.publicKey,
    recipientA: { publicKey: recipientA.publicKey, secretKey: toBase64Url(recipientA.secretKey) },
    recipientB: { publicKey: recipientB.publicKey, secretKey: toBase64Url(recipientB.secretKey) },
    investigatorSeed: toBase64Url(investigator.seed),
    recipientList,
    answers,
    reportKey: toBase64Url(reportKey),
    envelope,
    challenge,
    sessionProof,
    messages,
    attachmentFileSize: fileSize,
    attachmentHeader: attachment.header,
    attachmentChunks,
    keyShare,
    keyBinding,
    sealedDeploymentKey,
    deploymentKeyTransition,
    receiptV2,
    receiptV1Production,
    vault: {
      vault: vault.vault,
      password: 'Tr0ub4dor & 3 ✓',
      recoveryKey: vault.recoveryKey,
      loginSecret: vault.loginSecret,
      boxSecretKey: toBase64Url(vault.keys.boxSecretKey),
    },
  };
}

export async function buildVectors(backend: CryptoBackend): Promise<{ v: 1; cases: VectorCase[] }> {
  const cases: VectorCase[] = [];
  for (const seed of VECTOR_SEEDS) cases.push(await buildCase(backend, seed));
  return { v: 1, cases };
}

/** Opens every recorded artifact with `backend`; returns a list of failures (empty = pass). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function openRecorded(backend: CryptoBackend, c: any): Promise<string[]> {
  const failures: string[] = [];
  const check = async (name: string, fn: () => unknown) => {
    try {
      if (!(await fn())) failures.push(name);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).name}`);
    }
  };
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  await check('recipient list', () =>
    verifyRecipientList(backend, c.recipientList, { pinnedPublicKey: c.deploymentPublicKey }),
  );
  await check(
    'key possession proof',
    () =>
      verifyKeyPossession(backend, c.keyBinding.keys, c.keyBinding.proof) &&
      safetyNumber(backend, c.keyBinding.keys) === c.keyBinding.safetyNumber,
  );
  await check(
    'sealed deployment key',
    () =>
      toBase64Url(
        openDeploymentKey(backend, c.sealedDeploymentKey, {
          boxPublicKey: c.recipientA.publicKey,
          boxSecretKey: fromBase64Url(c.recipientA.secretKey),
          trustedPublicKey: c.deploymentPublicKey,
        }),
      ) === c.deploymentSeed,
  );
  await check(
    'deployment key transition',
    () =>
      followDeploymentKey(backend, {
        pinnedPublicKey: c.deploymentPublicKey,
        transitions: [c.deploymentKeyTransition],
      }) === c.deploymentKeyTransition.nextPublicKey,
  );
  await check('open report as recipient', () =>
    eq(
      openReport(backend, c.envelope, {
        kind: 'recipient',
        recipientId: c.recipientList.recipients[0].recipientId,
        boxPublicKey: c.recipientA.publicKey,
        boxSecretKey: fromBase64Url(c.recipientA.secretKey),
      }).answers,
      c.answers,
    ),
  );
  await check('open report through a key share', () =>
    eq(
      openSharedReport(backend, c.envelope, c.keyShare, {
        recipientId: c.recipientList.recipients[1].recipientId,
        boxPublicKey: c.recipientB.publicKey,
        boxSecretKey: fromBase64Url(c.recipientB.secretKey),
        sharers: c.recipientList.recipients,
      }).answers,
      c.answers,
    ),
  );
  // The recorded receipt's keys by derivation version (version 1 at the cases' cheap set).
  const receiptKeysOf = (version: 1 | 2) =>
    deriveReceiptKeys(backend, {
      receipt: c.receipt,
      version,
      salt: c.receiptSalt,
      params: version === 1 ? TEST_ONLY_CHEAP_PARAMS : RECEIPT_ARGON2_PARAMS,
    });
  await check('open report with receipt (version 1)', async () => {
    const keys = await receiptKeysOf(1);
    return eq(openReport(backend, c.envelope, { kind: 'whistleblower', keys }).answers, c.answers);
  });
  await check('open report with receipt (version 2)', async () => {
    const keys = await receiptKeysOf(2);
    return (
      eq(publicReceiptKeys(keys), c.receiptV2.receiptKeys) &&
      eq(openReport(backend, c.receiptV2.envelope, { kind: 'whistleblower', keys }).answers, {
        summary: 'Sealed with a version 2 receipt',
      })
    );
  });
  await check('session proof', () =>
    verifySessionProof(backend, {
      signPublicKey: c.receiptKeys.signPublicKey,
      locator: c.receiptKeys.locator,
      challenge: c.challenge,
      context: 'intake-session',
      signature: c.sessionProof,
    }),
  );
  await check(
    'thread',
    () =>
      openThread(backend, c.messages, {
        reportKey: fromBase64Url(c.reportKey),
        reportId: c.envelope.reportId,
        authors: {
          whistleblower: c.receiptKeys.signPublicKey,
          investigators: [c.recipientList.recipients[0].signPublicKey],
        },
      }).length === 2,
  );
  await check('attachment', async () => {
    const opened = openAttachment(backend, {
      reportKey: fromBase64Url(c.reportKey),
      header: c.attachmentHeader,
      source: c.attachmentChunks.map(fromBase64Url),
    });
    let total = 0;
    for await (const p of opened.chunks) {
      for (let i = 0; i < p.length; i++) if (p[i] !== (((total + i) * 31 + 7) & 0xff)) return false;
      total += p.length;
    }
    return total === c.attachmentFileSize;
  });
  await check('vault (password)', async () => {
    const unlock = await unlockVaultWithPassword(backend, c.vault.vault.kdf, c.vault.password, {
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    return (
      unlock.loginSecret === c.vault.loginSecret &&
      toBase64Url(openVault(backend, c.vault.vault, unlock).boxSecretKey) === c.vault.boxSecretKey
    );
  });
  await check(
    'vault (recovery key)',
    () =>
      toBase64Url(
        openVaultWithRecoveryKey(backend, c.vault.vault, c.vault.recoveryKey).boxSecretKey,
      ) === c.vault.boxSecretKey,
  );
  return failures;
}

/** Full check: rebuild byte for byte, then open every recorded artifact. */
export async function checkVectors(
  backend: CryptoBackend,
  expected: { cases: VectorCase[] },
): Promise<string[]> {
  const failures: string[] = [];
  const rebuilt = await buildVectors(backend);
  for (let i = 0; i < expected.cases.length; i++) {
    const want = expected.cases[i]!;
    const got = rebuilt.cases[i];
    if (!got) {
      failures.push(`case ${i}: missing`);
      continue;
    }
    for (const key of Object.keys(want)) {
      if (JSON.stringify(want[key]) !== JSON.stringify(got[key]))
        failures.push(`case ${i}: ${key} differs`);
    }
    for (const f of await openRecorded(backend, want)) failures.push(`case ${i}: ${f}`);
  }
  return failures;
}
