/**
 * A receipt outlives a deployment key rotation (issue 12, finding 3): the real desk app (where an
 * administrator rotates the key) and the real intake app (where a whistleblower returns) over
 * one event store, with intake's settings read from the `deployment` stream as `npm start` wires
 * them. A receipt issued before the rotation derives the same locator after it and opens its
 * case, both on a deployment set up now (stored random salt) and on one set up before the salt
 * was stored (salt derived from its first key, as receipts issued there were made with).
 */
import { createMemoryEventStore } from '@integrity-desk/eventstore';
import {
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  followDeploymentKey,
  fromBase64Url,
  generateBoxKeyPair,
  generateDeploymentKey,
  generateReceipt,
  loadBackend,
  openDeploymentKey,
  sealReport,
  signDeploymentKeyTransition,
  signSessionChallenge,
  TEST_ONLY_CHEAP_PARAMS,
  toBase64Url,
  type DeploymentCryptoSettings,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_CONTEXT } from '../../intake/src/http-domain/protocol.ts';
import {
  channelId,
  postJson,
  solvedPow,
  startIntake,
  submit,
  type Harness,
} from '../../intake/src/test-support/harness.ts';
import { rotateDeploymentKey, setupAdmin, startDesk, type Desk } from '../../desk/test/harness.ts';
import { deploymentCryptoSettings } from '../src/crypto-settings.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

async function platform(options: { legacyKey?: ReturnType<typeof generateDeploymentKey> } = {}) {
  const store = createMemoryEventStore();
  if (options.legacyKey)
    // What setup wrote before the deployment key was its own and the salt was stored.
    await store.append(
      'deployment',
      [
        {
          id: randomUUID(),
          type: 'DeploymentInitialised',
          data: {
            signPublicKey: options.legacyKey.publicKey,
            administratorId: randomUUID(),
            initialisedAt: '2026-01-05T10:00:00.000Z',
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  const desk = await startDesk({ store, expectSetup: !options.legacyKey });
  open.push(desk);
  const intake = await startIntake({
    store,
    deps: { cryptoSettings: deploymentCryptoSettings(store, desk.backend) },
  });
  open.push(intake);
  return { desk, intake };
}

const settingsOf = async (intake: Harness) =>
  (
    (await (await fetch(`${intake.url}/api/v1/deployment`)).json()) as {
      crypto: DeploymentCryptoSettings;
    }
  ).crypto;

/** Receipt keys as the browser derives them from the deployment's settings (cheap Argon2id). */
const keysFor = async (desk: Desk, receipt: string, settings: DeploymentCryptoSettings) =>
  deriveReceiptKeys(desk.backend, {
    receipt,
    version: RECEIPT_KDF_CURRENT,
    salt: settings.receiptKdf.salt,
    params: TEST_ONLY_CHEAP_PARAMS,
  });

async function submitWithReceipt(desk: Desk, intake: Harness, receipt: string) {
  const keys = await keysFor(desk, receipt, await settingsOf(intake));
  const reportId = randomUUID();
  const { envelope } = sealReport(desk.backend, {
    reportId,
    channelId,
    answers: { what: 'the tender was decided before bids closed' },
    recipients: [
      {
        recipientId: randomUUID(),
        boxPublicKey: generateBoxKeyPair(desk.backend).publicKey,
        signPublicKey: generateDeploymentKey(desk.backend).publicKey,
      },
    ],
    recipientListVersion: 1,
    whistleblower: keys,
  });
  expect((await submit(intake.url, envelope)).status).toBe(201);
  return reportId;
}

/** The returning whistleblower: derive keys from the receipt, prove them, read the case. */
async function returnWith(desk: Desk, intake: Harness, receipt: string) {
  const keys = await keysFor(desk, receipt, await settingsOf(intake));
  const c = await postJson(`${intake.url}/api/v1/session/challenge`, { locator: keys.locator });
  const { challenge } = (await c.json()) as { challenge: string };
  const s = await postJson(`${intake.url}/api/v1/session`, {
    locator: keys.locator,
    challenge,
    signature: signSessionChallenge(desk.backend, keys, challenge, SESSION_CONTEXT),
    pow: await solvedPow(intake.url),
  });
  expect(s.status).toBe(201);
  const { token } = (await s.json()) as { token: string };
  const caseView = await fetch(`${intake.url}/api/v1/case`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(caseView.status).toBe(200);
  return (await caseView.json()) as { reportId: string };
}

describe('a receipt issued before a deployment key rotation', () => {
  it('opens its case after two rotations (salt stored at setup)', async () => {
    const { desk, intake } = await platform();
    const admin = await setupAdmin(desk);
    const before = await settingsOf(intake);
    expect(before.deploymentSignPublicKey).toBe(desk.deployment.publicKey);
    const receipt = generateReceipt(desk.backend);
    const reportId = await submitWithReceipt(desk, intake, receipt);

    // The administrator's own sealed copy opens in their browser as the trusted key.
    const mine = await desk.call('GET', '/api/deployment/key', { cookie: admin.cookie });
    const seed = openDeploymentKey(desk.backend, mine.body['sealedKey'], {
      boxPublicKey: admin.keys.box.publicKey,
      boxSecretKey: admin.keys.box.secretKey,
      trustedPublicKey: desk.deployment.publicKey,
    });
    const k1 = await rotateDeploymentKey(desk, admin, seed);
    const k2 = await rotateDeploymentKey(desk, admin, k1.seed, 2);

    const after = await settingsOf(intake);
    expect(after.receiptKdf.salt).toBe(before.receiptKdf.salt);
    expect(after.deploymentSignPublicKey).toBe(k2.publicKey);
    // A browser that pinned the setup key follows the chain to the current key.
    expect(
      followDeploymentKey(desk.backend, {
        pinnedPublicKey: desk.deployment.publicKey,
        transitions: after.deploymentKeyTransitions ?? [],
      }),
    ).toBe(k2.publicKey);
    expect((await returnWith(desk, intake, receipt)).reportId).toBe(reportId);
  });

  it('opens its case on a deployment set up before the salt was stored', async () => {
    const legacyKey = generateDeploymentKey(await loadBackend());
    const { desk, intake } = await platform({ legacyKey });
    const before = await settingsOf(intake);
    // The salt such deployments have always had: BLAKE2b-128, keyed with the label, of the key.
    expect(before.receiptKdf.salt).toBe(
      toBase64Url(
        desk.backend.blake2b(fromBase64Url(legacyKey.publicKey), {
          outLen: 16,
          key: new TextEncoder().encode('integrity-desk receipt salt v1'),
        }),
      ),
    );
    const receipt = generateReceipt(desk.backend);
    const reportId = await submitWithReceipt(desk, intake, receipt);
    // No account here: the rotation is appended as the desk would after checking it.
    const next = generateDeploymentKey(desk.backend);
    await desk.store.append('deployment', [
      {
        id: randomUUID(),
        type: 'DeploymentKeyRotated',
        data: {
          transition: signDeploymentKeyTransition(desk.backend, {
            sequence: 1,
            previousSeed: legacyKey.seed,
            nextPublicKey: next.publicKey,
          }),
          by: randomUUID(),
          rotatedAt: '2026-06-01T10:00:00.000Z',
        },
      },
    ]);
    const after = await settingsOf(intake);
    expect(after.deploymentSignPublicKey).toBe(next.publicKey);
    expect(after.receiptKdf.salt).toBe(before.receiptKdf.salt);
    expect((await returnWith(desk, intake, receipt)).reportId).toBe(reportId);
  });
});
