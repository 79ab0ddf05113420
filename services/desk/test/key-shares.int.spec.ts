// Report key shares through the real HTTP server: a recipient added to the channel after a
// report was sealed (carol) is told apart from those who can open it; a holder (alice) posts a
// share signed with her listed key and sealed to carol's listed box key; carol, and only carol,
// gets it back in her case file. Every refusal is an RFC 9457 problem and writes nothing.
import {
  deskCaseSchema,
  generateBoxKeyPair,
  loadBackend,
  shareReportKey,
  type RecipientList,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeB64 } from '../../reports/src/shared/fixtures.ts';
import { accountForSuite, expectProblem, worldForSuite, type Account } from './harness.ts';

const b = await loadBackend();
const w = worldForSuite();
const carol = accountForSuite(w, 'carol');
let list: RecipientList;

beforeAll(async () => {
  // Version 2 of the channel's list adds carol, naming everyone's enrolled (real) keys.
  list = w.signedList(w.channelId, 2, [w.alice, w.bob, carol]);
  expect((await w.publishList(w.admin, w.channelId, list)).status).toBe(200);
}, 60_000);

const problem = expectProblem;

/** Alice's honest share of a report (sealed before carol was added) to `to`. */
function shareBy(from: Account, reportId: string, to: Account = carol): ReportKeyShare {
  const entry = list.recipients.find((r) => r.recipientId === to.investigatorId)!;
  return shareReportKey(b, {
    reportId,
    reportKey: randomBytes(32),
    recipient: entry,
    sharedBy: from.investigatorId,
    sharerSignSeed: from.keys.sign.seed,
  });
}

const post = (
  reportId: string,
  options: { cookie?: string; ifMatch?: string; body?: unknown; csrf?: boolean },
) => w.desk.call('POST', `/api/reports/${reportId}/share`, options);
const caseFile = (reportId: string, who: Account) =>
  w.desk.call('GET', `/api/reports/${reportId}`, { cookie: who.cookie });

describe('report key shares', () => {
  it('tells everyone which current recipients cannot open it, and gives the signed list', async () => {
    const reportId = await w.submitReport();
    const r = await caseFile(reportId, w.alice);
    expect(r.status).toBe(200);
    expect(r.body['cannotOpen']).toEqual([carol.investigatorId]);
    expect(r.body['recipientList']).toEqual(list);
    expect(r.body['deploymentSignPublicKey']).toBe(w.desk.deployment.publicKey);
    expect(r.body['keyShares']).toEqual([]);
    // Carol, a current recipient, may read the case file: it just holds no key for her yet.
    const c = await caseFile(reportId, carol);
    expect(c.status).toBe(200);
    expect(c.body['keyShares']).toEqual([]);
  });

  it('stores a holder’s share and returns it to its recipient only', async () => {
    const reportId = await w.submitReport();
    const share = shareBy(w.alice, reportId);
    const r = await post(reportId, { cookie: w.alice.cookie, ifMatch: '"0"', body: { share } });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"1"');
    const events = await w.desk.store.readStream(`report-${reportId}`);
    expect(events.map((e) => e.type)).toEqual(['ReportSubmitted', 'ReportKeyShared']);
    expect(events[1]!.data).toEqual({
      reportId,
      recipientId: carol.investigatorId,
      by: w.alice.investigatorId,
      share,
      sharedAt: w.desk.clock.now.toISOString(),
    });
    const mine = await caseFile(reportId, carol);
    expect(mine.body['keyShares']).toEqual([
      expect.objectContaining({ share, sharedAt: w.desk.clock.now.toISOString() }),
    ]);
    expect(mine.body['cannotOpen']).toEqual([]);
    // The front end's type of the case file is the protocol's schema: every field, no other.
    expect(deskCaseSchema.strict().safeParse(mine.body).error).toBeUndefined();
    expect((await caseFile(reportId, w.alice)).body['keyShares']).toEqual([]);
    expect((await caseFile(reportId, w.bob)).body['keyShares']).toEqual([]);
    // The same share again, on the current revision, is a retry: nothing new is written.
    const again = await post(reportId, { cookie: w.alice.cookie, ifMatch: '"1"', body: { share } });
    expect(again.status).toBe(200);
    expect(await w.streamLength(`report-${reportId}`)).toBe(2);
  });

  it('refuses, writing nothing: no session, no CSRF header, non-recipients, If-Match missing or stale', async () => {
    const reportId = await w.submitReport();
    const body = { share: shareBy(w.alice, reportId) };
    problem(await post(reportId, { ifMatch: '"0"', body }), 401);
    problem(
      await post(reportId, { cookie: w.alice.cookie, ifMatch: '"0"', body, csrf: false }),
      403,
    );
    problem(await post(reportId, { cookie: w.mallory.cookie, ifMatch: '"0"', body }), 403);
    problem(await post(reportId, { cookie: w.admin.cookie, ifMatch: '"0"', body }), 403);
    problem(await post(reportId, { cookie: w.alice.cookie, body }), 428);
    problem(await post(reportId, { cookie: w.alice.cookie, ifMatch: '"7"', body }), 412);
    problem(await post(randomUUID(), { cookie: w.alice.cookie, ifMatch: '"0"', body }), 404);
    expect(await w.streamLength(`report-${reportId}`)).toBe(1);
  });

  it('refuses shares that could not be right, writing nothing', async () => {
    const reportId = await w.submitReport();
    const good = shareBy(w.alice, reportId);
    const attempt = (share: unknown, cookie = w.alice.cookie) =>
      post(reportId, { cookie, ifMatch: '"0"', body: { share } });
    // Not the protocol's shape.
    problem(await attempt({ ...good, wrappedKey: 'short' }), 400);
    problem(
      await post(reportId, {
        cookie: w.alice.cookie,
        ifMatch: '"0"',
        body: { share: good, extra: 1 },
      }),
      400,
    );
    // Another report's share, or one that names someone else as sharer.
    problem(await attempt(shareBy(w.alice, randomUUID())), 400);
    problem(await attempt(shareBy(w.bob, reportId)), 400);
    // A signature that does not verify with the sharer's listed key.
    problem(await attempt({ ...good, signature: fakeB64(64, 'forged') }), 400);
    // A box key other than the one the signed list gives carol: a server-side swap is refused too.
    problem(await attempt({ ...good, boxPublicKey: generateBoxKeyPair(b).publicKey }), 409);
    // The target is not a current recipient of the channel.
    const toMallory = { ...good, recipientId: w.mallory.investigatorId };
    problem(await attempt(toMallory), 409);
    // Bob is in the envelope already: he needs no share.
    problem(await attempt(shareBy(w.alice, reportId, w.bob)), 409);
    expect(await w.streamLength(`report-${reportId}`)).toBe(1);
  });

  it("takes a colleague's share after an insider's bad one; carol gets both, newest first", async () => {
    const reportId = await w.submitReport();
    // Alice shares garbage (a random key, validly signed: the desk cannot tell).
    const bad = shareBy(w.alice, reportId);
    expect(
      (await post(reportId, { cookie: w.alice.cookie, ifMatch: '"0"', body: { share: bad } }))
        .status,
    ).toBe(200);
    // Bob can share again: carol has a share, none of them his.
    expect((await caseFile(reportId, w.bob)).body['mayShareAgain']).toEqual([carol.investigatorId]);
    expect((await caseFile(reportId, w.bob)).body['cannotOpen']).toEqual([]);
    const good = shareBy(w.bob, reportId);
    const r = await post(reportId, { cookie: w.bob.cookie, ifMatch: '"1"', body: { share: good } });
    expect(r.status).toBe(200);
    expect((await caseFile(reportId, w.bob)).body['mayShareAgain']).toEqual([]);
    // Alice replaces her own share: only her latest is handed out.
    const replaced = shareBy(w.alice, reportId);
    expect(
      (await post(reportId, { cookie: w.alice.cookie, ifMatch: '"2"', body: { share: replaced } }))
        .status,
    ).toBe(200);
    const mine = (await caseFile(reportId, carol)).body['keyShares'] as { share: unknown }[];
    expect(mine.map((m) => m.share)).toEqual([replaced, good]);
    expect(await w.streamLength(`report-${reportId}`)).toBe(4);
  });
});

describe('key shares of a report sealed to someone not on the list yet', () => {
  it('a recipient not yet on the channel cannot post one (unknown id)', async () => {
    const reportId = await w.submitReport();
    const share = { ...shareBy(w.alice, reportId), recipientId: randomUUID() };
    problem(await post(reportId, { cookie: w.alice.cookie, ifMatch: '"0"', body: { share } }), 409);
    expect(await w.streamLength(`report-${reportId}`)).toBe(1);
  });
});
