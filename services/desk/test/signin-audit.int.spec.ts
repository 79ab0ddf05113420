import { investigatorStream } from '@integrity-desk/reports';
import { describe, expect, it, vi } from 'vitest';
import { worldForSuite, type Account, type Reply } from './harness.ts';

/**
 * Sign-ins, sign-outs and failed sign-ins are events on the account's stream and rows of the
 * audit log; failures are aggregated so hammering a handle cannot write without bound, and an
 * unknown handle writes nothing and gets the same answer.
 */
const w = worldForSuite();

const typesOf = async (a: Account) =>
  (await w.desk.store.readStream(investigatorStream(a.investigatorId))).map((e) => e.type);
const eventsOf = async (a: Account, type: string) =>
  (await w.desk.store.readStream(investigatorStream(a.investigatorId)))
    .filter((e) => e.type === type)
    .map((e) => e.data as Record<string, unknown>);
const signIn = (handle: string, loginSecret: string, totp: string, headers = {}) =>
  w.desk.call('POST', '/api/session', { body: { handle, loginSecret, totp }, headers });
const audit = async () => {
  await w.desk.settle();
  const r = await w.desk.call('GET', '/api/audit?limit=500', { cookie: w.admin.cookie });
  expect(r.status).toBe(200);
  return r.body['items'] as { streamId: string; type: string; actor: string; at: string }[];
};
/** What a caller can observe of an answer: status, body, and headers but the date. */
const observable = (r: Reply) => ({
  status: r.status,
  body: r.body,
  headers: [...r.headers.entries()].filter(([k]) => k !== 'date'),
});

describe('sign-in events', () => {
  it('a sign-in is recorded on the account stream, to the minute, with nothing of the request', async () => {
    const before = (await eventsOf(w.bob, 'InvestigatorSignedIn')).length;
    // 7.5 s into a minute; code() moves on by one 30 s step before signing in.
    const minute = Math.floor(w.desk.clock.now.getTime() / 60_000) * 60_000 + 60_000;
    w.desk.clock.now = new Date(minute + 7_512);
    const r = await signIn('bob', w.bob.loginSecret, w.desk.code(w.bob.totpSecret), {
      'user-agent': 'canary-agent-5d1c',
      'x-forwarded-for': '203.0.113.77',
      referer: 'http://canary-referer.example/',
    });
    expect(r.status).toBe(201);
    const recorded = await eventsOf(w.bob, 'InvestigatorSignedIn');
    expect(recorded).toHaveLength(before + 1);
    expect(recorded.at(-1)).toEqual({
      investigatorId: w.bob.investigatorId,
      signedInAt: new Date(minute).toISOString(),
    });
    const log = (await w.desk.store.readAll())
      .map((e) => JSON.stringify([e.data, e.metadata]))
      .join('\n');
    for (const canary of ['canary-agent-5d1c', '203.0.113.77', 'canary-referer'])
      expect(log).not.toContain(canary);
    const rows = (await audit()).filter(
      (e) =>
        e.type === 'InvestigatorSignedIn' && e.streamId === `investigator-${w.bob.investigatorId}`,
    );
    expect(rows.length).toBe(before + 1);
    expect(rows[0]?.actor).toBe(w.bob.investigatorId);
  });

  it('a sign-out is recorded with its actor, and the session ends', async () => {
    const r = await w.desk.call('DELETE', '/api/session', { cookie: w.alice.cookie });
    expect(r.status).toBe(204);
    expect(await eventsOf(w.alice, 'InvestigatorSignedOut')).toHaveLength(1);
    expect((await w.desk.call('GET', '/api/session', { cookie: w.alice.cookie })).status).toBe(401);
    const row = (await audit()).find((e) => e.type === 'InvestigatorSignedOut');
    expect(row).toMatchObject({
      streamId: `investigator-${w.alice.investigatorId}`,
      actor: w.alice.investigatorId,
    });
    // Signing out again needs a session: nothing more is written.
    expect((await w.desk.call('DELETE', '/api/session', { cookie: w.alice.cookie })).status).toBe(
      401,
    );
    expect(await eventsOf(w.alice, 'InvestigatorSignedOut')).toHaveLength(1);
  });

  it('a failed sign-in of a known handle is recorded; an unknown handle writes nothing and looks the same', async () => {
    const all = async () => (await w.desk.store.readAll()).length;
    const countBefore = await all();
    const unknown = await signIn('nobody-here', w.mallory.loginSecret, '123456');
    // Give a deferred write every chance to happen before concluding there is none.
    await new Promise((r) => setTimeout(r, 50));
    expect(await all()).toBe(countBefore);
    const known = await signIn('mallory', w.mallory.loginSecret, '123456');
    expect(observable(known)).toEqual(observable(unknown));
    expect(known.status).toBe(401);
    await vi.waitFor(async () =>
      expect(await eventsOf(w.mallory, 'InvestigatorSignInFailed')).toHaveLength(1),
    );
    expect((await eventsOf(w.mallory, 'InvestigatorSignInFailed'))[0]).toMatchObject({
      investigatorId: w.mallory.investigatorId,
      failures: 1,
      throttled: 0,
    });
    expect(await all()).toBe(countBefore + 1);
    const row = (await audit()).find((e) => e.type === 'InvestigatorSignInFailed');
    expect(row).toMatchObject({
      streamId: `investigator-${w.mallory.investigatorId}`,
      actor: 'unauthenticated',
    });
  });
});

describe('someone hammering a known handle', () => {
  it('writes at most one failure event per account per 15 minutes, with the true counts', async () => {
    const target = w.bob;
    const failedEvents = () => eventsOf(target, 'InvestigatorSignInFailed');
    expect(await failedEvents()).toHaveLength(0);
    const statuses: number[] = [];
    // 300 attempts within one minute: 3 are checked, the rest refused while slowed down.
    for (let i = 0; i < 300; i++) {
      w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 100);
      statuses.push((await signIn('bob', w.mallory.loginSecret, '000000')).status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(250);
    await vi.waitFor(async () => expect(await failedEvents()).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(await failedEvents()).toHaveLength(1);
    // An unknown handle hammered alike creates no stream and no event at all.
    const total = (await w.desk.store.readAll()).length;
    for (let i = 0; i < 50; i++) await signIn('ghost', w.mallory.loginSecret, '000000');
    await new Promise((r) => setTimeout(r, 50));
    expect((await w.desk.store.readAll()).length).toBe(total);

    // After the window, the next attempt writes what was counted meanwhile.
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 16 * 60_000);
    statuses.push((await signIn('bob', w.mallory.loginSecret, '000000')).status);
    await vi.waitFor(async () => expect(await failedEvents()).toHaveLength(2));
    // Then the owner signs in (once the slow-down has passed): still-unwritten counts go with it.
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 5_000);
    statuses.push((await signIn('bob', w.mallory.loginSecret, '000000')).status);
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 10 * 60_000);
    const ok = await signIn('bob', target.loginSecret, w.desk.code(target.totpSecret));
    expect(ok.status).toBe(201);
    const events = await failedEvents();
    expect(events).toHaveLength(3);
    const sum = (k: string) => events.reduce((n, e) => n + (e[k] as number), 0);
    expect(sum('failures')).toBe(statuses.filter((s) => s === 401).length);
    expect(sum('throttled')).toBe(statuses.filter((s) => s === 429).length);
    const types = await typesOf(target);
    expect(types.at(-2)).toBe('InvestigatorSignInFailed');
    expect(types.at(-1)).toBe('InvestigatorSignedIn');
  });
});
