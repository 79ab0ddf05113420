import {
  createVault,
  fromBase64UrlExact,
  loadBackend,
  openVault,
  proveKeyPossession,
  unlockVaultWithPassword,
  VAULT_ARGON2_PARAMS,
  type CryptoBackend,
} from '@integrity-desk/protocol';
import { createHmac } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeVault } from '../../reports/src/shared/fixtures.ts';
import { deactivateAccount, enrolAccount, expectProblem, world, type World } from './harness.ts';

const decoyKey = new Uint8Array(32).fill(7);
const kdfKeys = ['memLimitBytes', 'opsLimit', 'salt'];

let w: World;
let b: CryptoBackend;
beforeAll(async () => {
  w = await world({ config: { kdfDecoyKey: decoyKey } });
  b = await loadBackend();
});
afterAll(() => w.desk.close());

const kdf = (handle: unknown) => w.desk.call('POST', '/api/session/kdf', { body: { handle } });
const expectedDecoySalt = (handle: string) =>
  createHmac('sha256', decoyKey).update(handle).digest().subarray(0, 16).toString('base64url');
const eventCount = async () => (await w.desk.store.readAll()).length;

/** What the browser's sign-in form does, with otpauth for the authenticator app. */
async function browserSignIn(handle: string, password: string, totpSecret: string) {
  const params = await kdf(handle);
  if (params.status !== 200) return params;
  const { loginSecret } = await unlockVaultWithPassword(
    b,
    params.body as { salt: string; opsLimit: number; memLimitBytes: number },
    password,
  );
  w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 30_000);
  const totp = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(totpSecret),
  });
  return w.desk.call('POST', '/api/session', {
    body: { handle, loginSecret, totp: totp.generate({ timestamp: w.desk.clock.now.getTime() }) },
  });
}

describe('POST /api/session/kdf', () => {
  it("answers an active account's own vault salt and parameters", async () => {
    await w.desk.settle();
    const r = await kdf('alice');
    expect(r.status).toBe(200);
    const vault = fakeVault(w.alice.investigatorId);
    expect(r.body).toEqual({
      salt: vault.kdf.salt,
      opsLimit: vault.kdf.opsLimit,
      memLimitBytes: vault.kdf.memLimitBytes,
    });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown handle alike, with a stable salt derived from the server key', async () => {
    const a = await kdf('nobody');
    const again = await kdf('nobody');
    const other = await kdf('somebody-else');
    const real = await kdf('alice');
    for (const r of [a, again, other]) {
      expect(r.status).toBe(real.status);
      expect(Object.keys(r.body).sort()).toEqual(kdfKeys);
      expect(r.headers.get('content-type')).toBe(real.headers.get('content-type'));
      expect(fromBase64UrlExact(r.body['salt'] as string, 16, 'salt')).toHaveLength(16);
      expect(r.body['opsLimit']).toBe(VAULT_ARGON2_PARAMS.opsLimit);
      expect(r.body['memLimitBytes']).toBe(VAULT_ARGON2_PARAMS.memLimitBytes);
    }
    expect(Object.keys(real.body).sort()).toEqual(kdfKeys);
    expect(a.body['salt']).toBe(expectedDecoySalt('nobody'));
    expect(again.body).toEqual(a.body);
    expect(other.body['salt']).toBe(expectedDecoySalt('somebody-else'));
    expect(other.body['salt']).not.toBe(a.body['salt']);
  });

  it('answers an invited (not yet enrolled) or deactivated account with a decoy too', async () => {
    const invite = await w.desk.call('POST', '/api/investigators', {
      cookie: w.admin.cookie,
      body: { handle: 'invited-only', role: 'investigator' },
    });
    expect(invite.status).toBe(201);
    const gone = await enrolAccount(w.desk, w.admin, 'leaver');
    expect((await deactivateAccount(w.desk, w.admin, gone)).status).toBe(200);
    await w.desk.settle();
    for (const handle of ['invited-only', 'leaver']) {
      const r = await kdf(handle);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        salt: expectedDecoySalt(handle),
        opsLimit: VAULT_ARGON2_PARAMS.opsLimit,
        memLimitBytes: VAULT_ARGON2_PARAMS.memLimitBytes,
      });
    }
  });

  it('refuses bad input with a problem, changing nothing', async () => {
    const before = await eventCount();
    const bad: unknown[] = [
      {},
      { handle: '' },
      { handle: 'x'.repeat(65) },
      { handle: 42 },
      { handle: 'alice', extra: true },
      [],
    ];
    for (const body of bad)
      expectProblem(await w.desk.call('POST', '/api/session/kdf', { body }), 400);
    expectProblem(await w.desk.call('POST', '/api/session/kdf', { body: '{"handle":' }), 400);
    expectProblem(
      await w.desk.call('POST', '/api/session/kdf', {
        body: 'handle=alice',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
    // CSRF rules as for POST /api/session.
    expectProblem(
      await w.desk.call('POST', '/api/session/kdf', { body: { handle: 'alice' }, csrf: false }),
      403,
    );
    expectProblem(
      await w.desk.call('POST', '/api/session/kdf', {
        body: { handle: 'alice' },
        headers: { origin: 'https://evil.example' },
      }),
      403,
    );
    expect(await eventCount()).toBe(before);
  });

  it('limits lookups per handle, known or not, and lets them through again after a minute', async () => {
    for (const handle of ['bob', 'ghost']) {
      for (let i = 0; i < 10; i++) expect((await kdf(handle)).status).toBe(200);
      expectProblem(await kdf(handle), 429);
    }
    expect((await kdf('mallory')).status).toBe(200);
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 60_000);
    expect((await kdf('bob')).status).toBe(200);
    expect((await kdf('ghost')).status).toBe(200);
  });

  it('is locked while sign-in is locked for the handle, known or not', async () => {
    for (const handle of ['mallory', 'phantom']) {
      for (let i = 0; i < 3; i++) {
        const r = await w.desk.call('POST', '/api/session', {
          body: { handle, loginSecret: 'A'.repeat(43), totp: '000000' },
        });
        expect(r.status).toBe(401);
      }
      expectProblem(await kdf(handle), 429);
    }
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 2_000);
    expect((await kdf('mallory')).status).toBe(200);
    expect((await kdf('phantom')).status).toBe(200);
  });
});

describe('browser-equivalent sign-in with a real vault', () => {
  const password = 'correct horse battery staple';
  let carol: { investigatorId: string; totpSecret: string; boxPublicKey: string };
  let signPublicKey: string;

  beforeAll(async () => {
    const invite = await w.desk.call('POST', '/api/investigators', {
      cookie: w.admin.cookie,
      body: { handle: 'carol', role: 'investigator' },
    });
    const investigatorId = invite.body['investigatorId'] as string;
    const enrolmentCode = invite.body['enrolmentCode'] as string;
    const created = await createVault(b, { investigatorId, password, params: VAULT_ARGON2_PARAMS });
    const e = await w.desk.call('POST', '/api/enrolment', {
      body: {
        investigatorId,
        enrolmentCode,
        loginSecret: created.loginSecret,
        vault: created.vault,
        keyProof: proveKeyPossession(b, {
          investigatorId,
          boxSecretKey: created.keys.boxSecretKey,
          signSeed: created.keys.signSeed,
        }),
      },
    });
    expect(e.status).toBe(201);
    const totpSecret = (e.body['totp'] as { secret: string }).secret;
    const c = await w.desk.call('POST', '/api/enrolment/totp', {
      body: { investigatorId, enrolmentCode, code: w.desk.code(totpSecret) },
    });
    expect(c.status).toBe(204);
    await w.desk.settle();
    carol = { investigatorId, totpSecret, boxPublicKey: created.keys.boxPublicKey };
    signPublicKey = created.keys.signPublicKey;
  });

  it('kdf -> unlockVaultWithPassword -> POST /api/session signs in and the vault opens', async () => {
    const r = await browserSignIn('carol', password, carol.totpSecret);
    expect(r.status).toBe(201);
    expect(r.body['investigatorId']).toBe(carol.investigatorId);
    expect(r.headers.get('set-cookie')).toMatch(/^__Host-desk_session=/);
    const params = await kdf('carol');
    const unlock = await unlockVaultWithPassword(
      b,
      params.body as { salt: string; opsLimit: number; memLimitBytes: number },
      password,
    );
    const keys = openVault(b, r.body['vault'] as never, unlock);
    expect(keys.boxPublicKey).toBe(carol.boxPublicKey);
    expect(keys.signPublicKey).toBe(signPublicKey);
  });

  it('a wrong password derives a login secret the desk refuses', async () => {
    const r = await browserSignIn('carol', 'wrong password', carol.totpSecret);
    expectProblem(r, 401);
  });

  it("GET /api/investigators/:id includes the account's public keys from its vault", async () => {
    const r = await w.desk.call('GET', `/api/investigators/${carol.investigatorId}`, {
      cookie: w.admin.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body['boxPublicKey']).toBe(carol.boxPublicKey);
    expect(r.body['signPublicKey']).toBe(signPublicKey);
    const invite = await w.desk.call('POST', '/api/investigators', {
      cookie: w.admin.cookie,
      body: { handle: 'not-enrolled', role: 'investigator' },
    });
    const pending = await w.desk.call(
      'GET',
      `/api/investigators/${invite.body['investigatorId'] as string}`,
      { cookie: w.admin.cookie },
    );
    expect(pending.status).toBe(200);
    expect(pending.body['boxPublicKey']).toBeNull();
    expect(pending.body['signPublicKey']).toBeNull();
    expectProblem(
      await w.desk.call('GET', `/api/investigators/${carol.investigatorId}`, {
        cookie: w.alice.cookie,
      }),
      403,
    );
  });
});
