// Keys bound to people (issue 12, finding 2), the desk's part: enrolment and setup refuse keys
// whose possession proof does not verify, and change nothing; the proof is stored and handed to
// administrators; an account enrolled before proofs adds one (only for its own keys); every
// signed-in account reads the signed lists; and a browser's key mismatch alarm is in the audit log.
import {
  generateInvestigatorKeys,
  loadBackend,
  proveKeyPossession,
  signRecipientList,
  verifyKeyPossession,
} from '@integrity-desk/protocol';
import { investigatorStream } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeKeyProof, fakeVault } from '../../reports/src/shared/fixtures.ts';
import {
  appendLegacyEnrolment,
  expectProblem,
  loginSecret,
  newAccountKeys,
  setupBody,
  startDesk,
  streamLength,
  worldForSuite,
  type World,
} from './harness.ts';

const backend = await loadBackend();

async function invite(w: World, handle: string) {
  const r = await w.desk.call('POST', '/api/investigators', {
    cookie: w.admin.cookie,
    body: { handle, role: 'investigator' },
  });
  return {
    investigatorId: r.body['investigatorId'] as string,
    enrolmentCode: r.body['enrolmentCode'] as string,
  };
}

describe('keys bound to people', () => {
  const w = worldForSuite();

  it('refuses an enrolment whose proof does not hold for its keys, changing nothing', async () => {
    const { investigatorId, enrolmentCode } = await invite(w, 'ivo');
    const stream = investigatorStream(investigatorId);
    const vault = fakeVault(investigatorId);
    // What a desk that swapped the box key would hold: the investigator's proof, another key.
    const swapped = { ...vault, boxPublicKey: generateInvestigatorKeys(backend).boxPublicKey };
    const attempts = [
      { vault: swapped, keyProof: fakeKeyProof(investigatorId) },
      { vault, keyProof: fakeKeyProof(randomUUID()) }, // another account's proof
      { vault, keyProof: 'A'.repeat(86) },
    ];
    for (const attempt of attempts) {
      const r = await w.desk.call('POST', '/api/enrolment', {
        body: { investigatorId, enrolmentCode, loginSecret: loginSecret(), ...attempt },
      });
      expectProblem(r, 422);
      expect(await streamLength(w.desk.store, stream)).toBe(1);
    }
    const missing = await w.desk.call('POST', '/api/enrolment', {
      body: { investigatorId, enrolmentCode, loginSecret: loginSecret(), vault },
    });
    expectProblem(missing, 400);
    expect(await streamLength(w.desk.store, stream)).toBe(1);

    const ok = await w.desk.call('POST', '/api/enrolment', {
      body: {
        investigatorId,
        enrolmentCode,
        loginSecret: loginSecret(),
        vault,
        keyProof: fakeKeyProof(investigatorId),
      },
    });
    expect(ok.status).toBe(201);
    const account = await w.desk.call('GET', `/api/investigators/${investigatorId}`, {
      cookie: w.admin.cookie,
    });
    const keys = {
      investigatorId,
      boxPublicKey: account.body['boxPublicKey'] as string,
      signPublicKey: account.body['signPublicKey'] as string,
    };
    expect(verifyKeyPossession(backend, keys, account.body['keyProof'] as string)).toBe(true);
  });

  it('refuses a first-run setup whose proof does not hold, writing nothing', async () => {
    const desk = await startDesk();
    try {
      const investigatorId = randomUUID();
      const good = setupBody(desk, investigatorId, newAccountKeys(desk), loginSecret());
      const r = await desk.call('POST', '/api/setup', {
        body: {
          ...good,
          administrator: { ...good.administrator, keyProof: fakeKeyProof(randomUUID()) },
        },
      });
      expectProblem(r, 422);
      expect(await desk.store.readAll()).toEqual([]);
      expect((await desk.call('GET', '/api/setup')).body).toEqual({ needed: true });
    } finally {
      await desk.close();
    }
  });

  it('an account enrolled before proofs adds its own, and only for its own keys', async () => {
    const { investigatorId } = await invite(w, 'olde');
    const secret = loginSecret();
    const totp = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    // What an earlier version of the desk wrote: no keyProof.
    const vault = await appendLegacyEnrolment(w.desk, investigatorId, secret, totp);
    const signIn = await w.desk.call('POST', '/api/session', {
      body: { handle: 'olde', loginSecret: secret, totp: w.desk.code(totp) },
    });
    expect(signIn.status).toBe(201);
    expect(signIn.body['keyProven']).toBe(false);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const account = () =>
      w.desk.call('GET', `/api/investigators/${investigatorId}`, { cookie: w.admin.cookie });
    expect((await account()).body['keyProof']).toBeNull();

    // Not listable until it has proved its keys: the desk refuses the list, writing nothing.
    const channel = () =>
      w.desk.call('GET', `/api/channels/${w.channelId}`, { cookie: w.admin.cookie });
    const publish = async (version: number) =>
      w.desk.call('POST', `/api/channels/${w.channelId}/recipients`, {
        cookie: w.admin.cookie,
        ifMatch: (await channel()).headers.get('etag') ?? '',
        body: {
          recipientList: signRecipientList(
            backend,
            {
              channelId: w.channelId,
              version,
              recipients: [
                {
                  recipientId: investigatorId,
                  boxPublicKey: vault.boxPublicKey,
                  signPublicKey: vault.signPublicKey,
                },
              ],
            },
            w.desk.deployment.seed,
          ),
        },
      });
    const version = (await channel()).body['recipientsVersion'] as number;
    expectProblem(await publish(version + 1), 422);
    expect((await channel()).body['recipientsVersion']).toBe(version);

    const stream = investigatorStream(investigatorId);
    const before = await streamLength(w.desk.store, stream);
    // A proof for keys the account does not have (what a desk that swapped them would need).
    const other = generateInvestigatorKeys(backend);
    const foreign = proveKeyPossession(backend, {
      investigatorId,
      boxSecretKey: other.boxSecretKey,
      signSeed: other.signSeed,
    });
    expectProblem(
      await w.desk.call('POST', '/api/session/key-proof', { cookie, body: { keyProof: foreign } }),
      422,
    );
    expect(await streamLength(w.desk.store, stream)).toBe(before);
    expectProblem(
      await w.desk.call('POST', '/api/session/key-proof', {
        body: { keyProof: fakeKeyProof(investigatorId) },
      }),
      401,
    );

    const ok = await w.desk.call('POST', '/api/session/key-proof', {
      cookie,
      body: { keyProof: fakeKeyProof(investigatorId) },
    });
    expect(ok.status).toBe(204);
    expect((await account()).body['keyProof']).toBe(fakeKeyProof(investigatorId));
    // A retry writes nothing.
    await w.desk.call('POST', '/api/session/key-proof', {
      cookie,
      body: { keyProof: fakeKeyProof(investigatorId) },
    });
    expect(await streamLength(w.desk.store, stream)).toBe(before + 1);
    // Proven, it can be listed.
    expect((await publish(version + 1)).status).toBe(200);
  });

  it('gives every signed-in account the signed lists and the deployment key', async () => {
    const r = await w.desk.call('GET', '/api/recipient-lists', { cookie: w.alice.cookie });
    expect(r.status).toBe(200);
    const lists = r.body['lists'] as { channelId: string; recipientList: { version: number } }[];
    expect(lists).toEqual([
      {
        channelId: w.channelId,
        recipientList: expect.objectContaining({ channelId: w.channelId }),
      },
    ]);
    expect(r.body['deploymentSignPublicKey']).toBe(w.desk.deployment.publicKey);
    expectProblem(await w.desk.call('GET', '/api/recipient-lists'), 401);
  });

  it("records a browser's key mismatch alarm in the audit log, and refuses a malformed one", async () => {
    const stream = investigatorStream(w.alice.investigatorId);
    const before = await streamLength(w.desk.store, stream);
    for (const body of [
      { channelId: 'nope', recipientListVersion: 1, reason: 'keys-differ' },
      { channelId: w.channelId, recipientListVersion: 1, reason: 'whatever' },
      { channelId: w.channelId, recipientListVersion: 1, reason: 'keys-differ', extra: 1 },
    ])
      expectProblem(
        await w.desk.call('POST', '/api/session/key-alarm', { cookie: w.alice.cookie, body }),
        400,
      );
    expectProblem(
      await w.desk.call('POST', '/api/session/key-alarm', {
        body: { channelId: w.channelId, recipientListVersion: 1, reason: 'keys-differ' },
      }),
      401,
    );
    expect(await streamLength(w.desk.store, stream)).toBe(before);

    const r = await w.desk.call('POST', '/api/session/key-alarm', {
      cookie: w.alice.cookie,
      body: { channelId: w.channelId, recipientListVersion: 1, reason: 'keys-differ' },
    });
    expect(r.status).toBe(201);
    const events = await w.desk.store.readStream(stream);
    expect(events.at(-1)).toMatchObject({
      type: 'InvestigatorKeyMismatchAlarmed',
      data: {
        investigatorId: w.alice.investigatorId,
        channelId: w.channelId,
        recipientListVersion: 1,
        reason: 'keys-differ',
      },
    });
    await w.desk.settle();
    const audit = await w.desk.call('GET', '/api/audit', { cookie: w.admin.cookie });
    const items = audit.body['items'] as { type: string; actor: string; streamId: string }[];
    expect(items).toContainEqual(
      expect.objectContaining({
        type: 'InvestigatorKeyMismatchAlarmed',
        actor: w.alice.investigatorId,
        streamId: stream,
      }),
    );
  });
});
