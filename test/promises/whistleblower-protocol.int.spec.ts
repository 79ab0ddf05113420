/**
 * SECURITY.md, "Threat model" (the spammer's row) and "Protocol" (steps 3 and 7), attacked over
 * HTTP: a real intake beside a real desk (test/e2e/support/intake-server.ts: the locator index is
 * the desk's read model, as in production), reports sealed in Node with the real protocol.
 *
 * - A spammer who knows a whistleblower's locator submits a validly signed envelope of their own
 *   under it: the locator keeps naming the first report, so the whistleblower's return still
 *   opens their own case and the spammer's keys open nothing.
 * - What investigators do on a case (internal notes, triage, assignment) never reaches the
 *   whistleblower's case view: notes are kept from the whistleblower by intake never serving
 *   them (step 7), whatever the receipt's key could decrypt.
 */
import { solvePow } from '@integrity-desk/intake';
import {
  deriveReceiptKeys,
  generateReceipt,
  RECEIPT_KDF_CURRENT,
  sealMessage,
  sealReport,
  signSessionChallenge,
  verifyRecipientList,
  type DeploymentCryptoSettings,
  type ReceiptKeys,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, type IntakeServer } from '../e2e/support/intake-server.ts';

let server: IntakeServer;
let info: {
  crypto: DeploymentCryptoSettings;
  channels: { id: string; recipients: unknown }[];
};
beforeAll(async () => {
  server = await startIntake();
  info = (await (await fetch(`${server.origin}/api/v1/deployment`)).json()) as typeof info;
}, 120_000);
afterAll(() => server?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const pow = async () => {
  const { challenge } = (await (await fetch(`${server.origin}/api/v1/pow`)).json()) as {
    challenge: string;
  };
  return { challenge, solution: solvePow(challenge) };
};

/** A receipt's keys, as the whistleblower's browser derives them for this deployment. */
async function receiptKeys(): Promise<ReceiptKeys> {
  const kdf = info.crypto.receiptKdf;
  return deriveReceiptKeys(server.backend, {
    receipt: generateReceipt(server.backend),
    version: RECEIPT_KDF_CURRENT,
    salt: kdf.salt,
    params: { opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes },
  });
}

/** A report sealed to the channel's verified list and signed with `signer`'s receipt key. */
async function submitReport(signer: ReceiptKeys, text: string) {
  const channel = info.channels[0]!;
  const list = verifyRecipientList(server.backend, channel.recipients, {
    pinnedPublicKey: info.crypto.deploymentSignPublicKey,
  });
  const { envelope } = sealReport(server.backend, {
    reportId: randomUUID(),
    channelId: channel.id,
    answers: { what: text },
    recipients: list.recipients,
    recipientListVersion: list.version,
    whistleblower: signer,
  });
  const res = await post('/api/v1/reports', { envelope, pow: await pow() });
  return { status: res.status, reportId: envelope.reportId };
}

/** A receipt session for `locator`, proved with `signer`'s key: the token, or the refusal. */
async function session(locator: string, signer: ReceiptKeys) {
  const c = await post('/api/v1/session/challenge', { locator });
  const { challenge } = (await c.json()) as { challenge: string };
  const res = await post('/api/v1/session', {
    locator,
    challenge,
    signature: signSessionChallenge(
      server.backend,
      { ...signer, locator },
      challenge,
      'intake-session',
    ),
    pow: await pow(),
  });
  if (res.status !== 201) return { status: res.status };
  return { status: res.status, token: ((await res.json()) as { token: string }).token };
}

const caseOf = async (token: string) => {
  const res = await fetch(`${server.origin}/api/v1/case`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { reportId: string } & Record<string, unknown>;
};

describe('the whistleblower protocol, attacked over HTTP', () => {
  it("a spammer cannot make a report appear under another whistleblower's locator", async () => {
    const victim = await receiptKeys();
    const mine = await submitReport(
      victim,
      'PROMISE-victim: the contract was split to avoid review',
    );
    expect(mine.status).toBe(201);

    // The spammer knows the locator (say, from a copy of the database) but not the receipt: an
    // envelope under that locator, signed with keys of their own, verifies under those keys.
    const spammer = { ...(await receiptKeys()), locator: victim.locator };
    const junk = await submitReport(spammer, 'PROMISE-spam');
    // Intake cannot tell whose locator it is (it never sees a receipt): the envelope is stored as
    // a report of its own (SECURITY.md says so), and never takes the locator's place.
    expect(junk.status).toBe(201);

    const back = await session(victim.locator, victim);
    expect(back.status).toBe(201);
    expect((await caseOf(back.token!)).reportId).toBe(mine.reportId);
    // The spammer's own keys open no session under that locator.
    expect((await session(victim.locator, spammer)).status).toBe(401);
  }, 60_000);

  it("never hands the whistleblower an internal note, its id, or the desk's triage and assignment", async () => {
    const keys = await receiptKeys();
    const { reportId, status } = await submitReport(keys, 'PROMISE-notes: the audit was skipped');
    expect(status).toBe(201);
    const investigator = server.investigator;
    const { reportKey } = await investigator.open(reportId);
    await investigator.acknowledge(reportId);
    const noteId = randomUUID();
    const note = sealMessage(server.backend, {
      reportKey,
      reportId,
      messageId: noteId,
      authorRole: 'investigator',
      authorSignSeed: investigator.account.keys.sign.seed,
      sequence: 0,
      body: 'PROMISE-note: the whistleblower must not see this',
      thread: 'notes',
    });
    const act = async (name: string, body: unknown) => {
      const { etag } = await investigator.caseFile(reportId);
      const reply = await server.desk.call('POST', `/api/reports/${reportId}/${name}`, {
        cookie: investigator.account.cookie,
        ifMatch: etag,
        body,
      });
      expect({ name, status: reply.status }).toEqual({ name, status: 200 });
    };
    await act('notes', { noteId, note });
    await act('assign', { investigatorId: investigator.recipientId });
    await act('triage', { priority: 'high', sector: 'procurement', region: 'PROMISE-region' });
    await investigator.ask(reportId, reportKey, 'PROMISE-question: who signed?');
    const { file } = await investigator.caseFile(reportId);
    expect(file.notes).toHaveLength(1);

    const back = await session(keys.locator, keys);
    const view = await caseOf(back.token!);
    const served = JSON.stringify(view);
    // The question reached them (the view is complete), the desk's own work did not. (The
    // recipients' ids and keys are in the envelope they signed, so they are no secret here.)
    expect((view['messages'] as unknown[]).length).toBe(1);
    for (const secret of [
      noteId,
      note.ciphertext,
      note.signature,
      'PROMISE-region',
      'procurement',
      'InternalNote',
      'Assigned',
      'Triaged',
    ])
      expect({ secret, served: served.includes(secret) }).toEqual({ secret, served: false });
    expect(view).not.toHaveProperty('notes');
  }, 60_000);
});
