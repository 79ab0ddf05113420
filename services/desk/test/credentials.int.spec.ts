import { investigatorStream } from '@integrity-desk/reports';
import { describe, expect, it } from 'vitest';
import { fakeB64, fakeVault } from '../../reports/src/shared/fixtures.ts';
import {
  expectProblem,
  loginSecret,
  redeemTotpReset,
  streamLength,
  vaultFor,
  worldForSuite,
  type Account,
} from './harness.ts';

/**
 * TOTP reset by an administrator (re-enrolment with a one-time code and the login secret, then
 * confirmation) and vault change (new password) through the HTTP API.
 */
const w = worldForSuite();

const streamOf = (a: Account) => investigatorStream(a.investigatorId);
const etagOf = async (a: Account) =>
  (
    await w.desk.call('GET', `/api/investigators/${a.investigatorId}`, { cookie: w.admin.cookie })
  ).headers.get('etag') ?? '';
const signIn = (handle: string, secret: string, totp: string) =>
  w.desk.call('POST', '/api/session', { body: { handle, loginSecret: secret, totp } });
const reset = async (a: Account, cookie = w.admin.cookie, ifMatch?: string, body: unknown = {}) =>
  w.desk.call('POST', `/api/investigators/${a.investigatorId}/totp-reset`, {
    cookie,
    ifMatch: ifMatch ?? (await etagOf(a)),
    body,
  });

describe('POST /api/investigators/:id/totp-reset', () => {
  it('requires authentication', async () => {
    const before = await streamLength(w.desk.store, streamOf(w.bob));
    expectProblem(
      await w.desk.call('POST', `/api/investigators/${w.bob.investigatorId}/totp-reset`, {
        ifMatch: await etagOf(w.bob),
        body: {},
      }),
      401,
    );
    expect(await streamLength(w.desk.store, streamOf(w.bob))).toBe(before);
  });

  it('is forbidden to a non-administrator', async () => {
    const before = await streamLength(w.desk.store, streamOf(w.bob));
    expectProblem(await reset(w.bob, w.alice.cookie), 403);
    expect(await streamLength(w.desk.store, streamOf(w.bob))).toBe(before);
  });

  it('refuses bad input, a missing or stale If-Match, and a reset of oneself; nothing changes', async () => {
    const before = await streamLength(w.desk.store, streamOf(w.bob));
    const stale = `"${before - 2}"`;
    expectProblem(
      await w.desk.call('POST', '/api/investigators/not-a-uuid/totp-reset', {
        cookie: w.admin.cookie,
        ifMatch: '"0"',
        body: {},
      }),
      400,
    );
    expectProblem(await reset(w.bob, w.admin.cookie, undefined, { code: 'x' }), 400);
    expectProblem(
      await w.desk.call('POST', `/api/investigators/${w.bob.investigatorId}/totp-reset`, {
        cookie: w.admin.cookie,
        body: {},
      }),
      428,
    );
    expectProblem(await reset(w.bob, w.admin.cookie, stale), 412);
    expectProblem(await reset(w.admin), 409);
    expect(await streamLength(w.desk.store, streamOf(w.bob))).toBe(before);
  });

  it('an account that is only invited cannot be reset', async () => {
    const invite = await w.desk.call('POST', '/api/investigators', {
      cookie: w.admin.cookie,
      body: { handle: 'newcomer', role: 'investigator' },
    });
    const id = invite.body['investigatorId'] as string;
    expectProblem(
      await w.desk.call('POST', `/api/investigators/${id}/totp-reset`, {
        cookie: w.admin.cookie,
        ifMatch: '"0"',
        body: {},
      }),
      409,
    );
  });
});

describe('TOTP reset and re-enrolment', () => {
  let code = '';
  let newSecret = '';

  it('the reset is recorded with its actor, ends the sessions and stops the old code', async () => {
    const r = await reset(w.bob);
    expect(r.status).toBe(200);
    code = r.body['enrolmentCode'] as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const last = (await w.desk.store.readStream(streamOf(w.bob))).at(-1);
    expect(last?.type).toBe('InvestigatorTotpReset');
    expect(last?.data).toMatchObject({
      investigatorId: w.bob.investigatorId,
      by: w.admin.investigatorId,
    });
    expect(JSON.stringify(last?.data)).not.toContain(code);
    expectProblem(await w.desk.call('GET', '/api/session', { cookie: w.bob.cookie }), 401);
    expectProblem(await signIn('bob', w.bob.loginSecret, w.desk.code(w.bob.totpSecret)), 401);
    // The account keeps its real KDF salt: its owner needs it to re-enrol.
    const kdf = await w.desk.call('POST', '/api/session/kdf', { body: { handle: 'bob' } });
    expect(kdf.body['salt']).toBe(fakeVault(w.bob.investigatorId).kdf.salt);
    await w.desk.settle();
    const listed = await w.desk.call('GET', '/api/investigators', { cookie: w.admin.cookie });
    const items = listed.body['items'] as { investigatorId: string; status: string }[];
    expect(items.find((i) => i.investigatorId === w.bob.investigatorId)?.status).toBe('totp_reset');
  });

  it('re-enrolment refuses bad input, a wrong code, a wrong login secret; nothing changes', async () => {
    const before = await streamLength(w.desk.store, streamOf(w.bob));
    const call = (body: unknown) => w.desk.call('POST', '/api/enrolment/totp-reset', { body });
    const good = {
      investigatorId: w.bob.investigatorId,
      enrolmentCode: code,
      loginSecret: w.bob.loginSecret,
    };
    expectProblem(await call({ ...good, investigatorId: 'nope' }), 400);
    expectProblem(await call({ ...good, extra: 1 }), 400);
    expectProblem(await call({ ...good, enrolmentCode: 'A'.repeat(22) }), 403);
    expectProblem(await call({ ...good, loginSecret: loginSecret() }), 403);
    expectProblem(await call({ ...good, investigatorId: w.alice.investigatorId }), 403);
    expectProblem(
      await w.desk.call('POST', '/api/enrolment/totp-reset', { body: good, csrf: false }),
      403,
    );
    expect(await streamLength(w.desk.store, streamOf(w.bob))).toBe(before);
  });

  it('binds a new sealed secret, which is confirmed with a code and then signs in', async () => {
    const r = await redeemTotpReset(w.desk, w.bob, code);
    expect(r.status).toBe(201);
    newSecret = (r.body['totp'] as { secret: string }).secret;
    expect(newSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newSecret).not.toBe(w.bob.totpSecret);
    expect((r.body['totp'] as { uri: string }).uri).toContain('otpauth://totp/');
    const last = (await w.desk.store.readStream(streamOf(w.bob))).at(-1);
    expect(last?.type).toBe('InvestigatorTotpReenrolled');
    const log = (await w.desk.store.readAll()).map((e) => JSON.stringify(e.data)).join('\n');
    expect(log).not.toContain(newSecret);
    // Not yet confirmed: no sign-in with it.
    expectProblem(await signIn('bob', w.bob.loginSecret, w.desk.code(newSecret)), 401);
    const confirm = (c: string, enrolmentCode = code) =>
      w.desk.call('POST', '/api/enrolment/totp', {
        body: { investigatorId: w.bob.investigatorId, enrolmentCode, code: c },
      });
    expectProblem(await confirm(w.desk.code(w.bob.totpSecret)), 403);
    expectProblem(await confirm(w.desk.code(newSecret), 'B'.repeat(22)), 403);
    expect((await confirm(w.desk.code(newSecret))).status).toBe(204);
    await w.desk.settle();
    const ok = await signIn('bob', w.bob.loginSecret, w.desk.code(newSecret));
    expect(ok.status).toBe(201);
    expectProblem(await signIn('bob', w.bob.loginSecret, w.desk.code(w.bob.totpSecret)), 401);
    // A spent reset code does nothing more.
    expectProblem(await redeemTotpReset(w.desk, w.bob, code), 403);
  });
});

describe('POST /api/session/vault (password change)', () => {
  const newVault = (a: Account) => ({
    ...vaultFor(a.investigatorId, a.keys),
    kdf: { ...fakeVault(a.investigatorId).kdf, salt: fakeB64(16, `new-salt-${a.handle}`) },
  });
  const change = (a: Account, body: Record<string, unknown>, cookie = a.cookie) =>
    w.desk.call('POST', '/api/session/vault', { cookie, body });

  it('requires authentication', async () => {
    const before = await streamLength(w.desk.store, streamOf(w.alice));
    expectProblem(
      await w.desk.call('POST', '/api/session/vault', {
        body: {
          currentLoginSecret: w.alice.loginSecret,
          loginSecret: loginSecret(),
          vault: newVault(w.alice),
        },
      }),
      401,
    );
    expect(await streamLength(w.desk.store, streamOf(w.alice))).toBe(before);
  });

  it("is forbidden for another account's vault or without the current login secret", async () => {
    const before = await streamLength(w.desk.store, streamOf(w.alice));
    const beforeMallory = await streamLength(w.desk.store, streamOf(w.mallory));
    expectProblem(
      await change(w.mallory, {
        currentLoginSecret: w.mallory.loginSecret,
        loginSecret: loginSecret(),
        vault: newVault(w.alice),
      }),
      403,
    );
    expectProblem(
      await change(w.alice, {
        currentLoginSecret: loginSecret(),
        loginSecret: loginSecret(),
        vault: newVault(w.alice),
      }),
      403,
    );
    expect(await streamLength(w.desk.store, streamOf(w.alice))).toBe(before);
    expect(await streamLength(w.desk.store, streamOf(w.mallory))).toBe(beforeMallory);
  });

  it('refuses bad input and a vault around other key pairs; nothing changes', async () => {
    const before = await streamLength(w.desk.store, streamOf(w.alice));
    const good = {
      currentLoginSecret: w.alice.loginSecret,
      loginSecret: loginSecret(),
      vault: newVault(w.alice),
    };
    expectProblem(await change(w.alice, { ...good, vault: { ...good.vault, v: 2 } }), 400);
    expectProblem(await change(w.alice, { ...good, loginSecret: 'short' }), 400);
    expectProblem(await change(w.alice, { ...good, extra: true }), 400);
    expectProblem(
      await change(w.alice, {
        ...good,
        vault: { ...good.vault, boxPublicKey: fakeB64(32, 'other-box') },
      }),
      400,
    );
    expectProblem(
      await w.desk.call('POST', '/api/session/vault', {
        cookie: w.alice.cookie,
        body: good,
        csrf: false,
      }),
      403,
    );
    expect(await streamLength(w.desk.store, streamOf(w.alice))).toBe(before);
  });

  it('replaces vault and verifier: the new login secret signs in, the old does not, other sessions end', async () => {
    const other = await signIn('alice', w.alice.loginSecret, w.desk.code(w.alice.totpSecret));
    expect(other.status).toBe(201);
    const otherCookie = (other.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const fresh = loginSecret();
    const vault = newVault(w.alice);
    const r = await change(w.alice, {
      currentLoginSecret: w.alice.loginSecret,
      loginSecret: fresh,
      vault,
    });
    expect(r.status).toBe(200);
    const last = (await w.desk.store.readStream(streamOf(w.alice))).at(-1);
    expect(last?.type).toBe('InvestigatorVaultChanged');
    expect(JSON.stringify(last?.data)).not.toContain(fresh);
    expect((await w.desk.call('GET', '/api/session', { cookie: w.alice.cookie })).status).toBe(200);
    expectProblem(await w.desk.call('GET', '/api/session', { cookie: otherCookie }), 401);
    expectProblem(await signIn('alice', w.alice.loginSecret, w.desk.code(w.alice.totpSecret)), 401);
    const ok = await signIn('alice', fresh, w.desk.code(w.alice.totpSecret));
    expect(ok.status).toBe(201);
    expect(ok.body['vault']).toEqual(vault);
    await w.desk.settle();
    const kdf = await w.desk.call('POST', '/api/session/kdf', { body: { handle: 'alice' } });
    expect(kdf.body['salt']).toBe(vault.kdf.salt);
  });
});
