// Referral to another coalition member through the real HTTP server (SECURITY.md, Protocol step
// 11): alice, of the report's channel, refers it to channel B, whose only recipient is carol.
// Asking the whistleblower, the proposal carries no share (one is refused): the share comes with
// their acceptance, signed with the receipt's key; carol can read nothing before, and never
// after a decline or a withdrawal. An inform-only channel's shares are real (sealed to carol's
// listed box key, signed with alice's listed key) and checked as key shares are. Every refusal
// is an RFC 9457 problem and writes nothing.
import {
  deskCaseSchema,
  generateSigningKeyPair,
  incomingReferralSchema,
  queueItemSchema,
  loadBackend,
  openReportKeyShare,
  sealMessage,
  shareReportKey,
  type RecipientList,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import { handleReportCommand, remindersStream, runRemindersOnce } from '@integrity-desk/reports';
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accountForSuite,
  addChannel,
  expectProblem,
  worldForSuite,
  type Account,
} from './harness.ts';

const b = await loadBackend();
const w = worldForSuite();
const carol = accountForSuite(w, 'carol');
let channelB: string;
let listB: RecipientList;
const reportKey = randomBytes(32);

beforeAll(async () => {
  ({ channelId: channelB, list: listB } = await addChannel(w.desk, w.admin, 'Labour union', [
    carol,
  ]));
}, 60_000);

const share = (reportId: string, from: Account = w.alice, list = listB): ReportKeyShare =>
  shareReportKey(b, {
    reportId,
    reportKey,
    recipient: list.recipients[0]!,
    sharedBy: from.investigatorId,
    sharerSignSeed: from.keys.sign.seed,
  });
/** The whistleblower's receipt signing key (intake checks their shares against it). */
const receiptSign = generateSigningKeyPair(b);
const whistleblowerShare = (reportId: string): ReportKeyShare =>
  shareReportKey(b, {
    reportId,
    reportKey,
    recipient: listB.recipients[0]!,
    sharedBy: reportId,
    sharerSignSeed: receiptSign.seed,
  });
const REASON = 'canary-reason: the union represents the drivers named here';
const reason = (reportId: string, referralId: string, sequence = 0) =>
  sealMessage(b, {
    reportKey,
    reportId,
    messageId: referralId,
    authorRole: 'investigator',
    authorSignSeed: w.alice.keys.sign.seed,
    sequence,
    body: JSON.stringify({ to: channelB, reason: REASON }),
    thread: 'referrals',
  });
const proposal = (reportId: string, patch: Record<string, unknown> = {}) => {
  const referralId = randomUUID();
  return {
    referralId,
    toChannelId: channelB,
    handOver: false,
    reason: reason(reportId, referralId),
    ...patch,
  };
};
const propose = (reportId: string, body: unknown, cookie = w.alice.cookie, ifMatch = '"0"') =>
  w.desk.call('POST', `/api/reports/${reportId}/referrals`, { cookie, ifMatch, body });
const caseFile = (reportId: string, who: Account) =>
  w.desk.call('GET', `/api/reports/${reportId}`, { cookie: who.cookie });
const incoming = async (who: Account) => {
  await w.desk.settle();
  const r = await w.desk.call('GET', '/api/referrals/incoming', { cookie: who.cookie });
  expect(r.status).toBe(200);
  return (r.body['items'] as unknown[]).map((i) => incomingReferralSchema.strict().parse(i));
};
/** An administrator's channel command at the channel's current ETag. */
const adminPost = async (path: string, body: unknown) => {
  const channelPath = path.slice(0, path.lastIndexOf('/'));
  const channel = await w.desk.call('GET', channelPath, { cookie: w.admin.cookie });
  return w.desk.call('POST', path, {
    cookie: w.admin.cookie,
    ifMatch: channel.headers.get('etag') ?? '',
    body,
  });
};
/** What intake appends when the whistleblower answers (accepting, with their browser's share). */
const answer = (reportId: string, referralId: string, accept: boolean) =>
  handleReportCommand(w.desk.store, reportId, {
    ...(accept
      ? {
          type: 'AcceptReferral' as const,
          data: { reportId, referralId, shares: [whistleblowerShare(reportId)] },
        }
      : { type: 'DeclineReferral' as const, data: { reportId, referralId } }),
    metadata: { now: w.desk.clock.now, eventId: randomUUID(), actor: { kind: 'whistleblower' } },
  });

describe('referral to another channel', () => {
  it('offers the other channels with their signed lists, never the report’s own', async () => {
    const reportId = await w.submitReport();
    const r = await w.desk.call('GET', `/api/reports/${reportId}/referral-targets`, {
      cookie: w.alice.cookie,
    });
    expect(r.status).toBe(200);
    expect(r.body['items']).toEqual([
      { channelId: channelB, name: 'Labour union', recipientList: listB },
    ]);
    expect(r.body['referralMode']).toBe('consent');
    expectProblem(
      await w.desk.call('GET', `/api/reports/${reportId}/referral-targets`, {
        cookie: carol.cookie,
      }),
      403,
    );
  });

  it('proposes; the target sees nothing until the whistleblower accepts, then reads by its share', async () => {
    const reportId = await w.submitReport();
    const body = proposal(reportId);
    const r = await propose(reportId, body);
    expect(r.status).toBe(200);
    const events = await w.desk.store.readStream(`report-${reportId}`);
    expect(events.map((e) => e.type)).toEqual(['ReportSubmitted', 'ReferralProposed']);
    expect(events[1]!.data).toMatchObject({
      referralId: body.referralId,
      by: w.alice.investigatorId,
      fromChannelId: w.channelId,
      toChannelId: channelB,
      mode: 'consent',
      handOver: false,
      targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
      shares: [],
    });
    // Nothing in the log could give carol the key: no share names her or her box key.
    const log = JSON.stringify(events.map((e) => e.data));
    expect(log).not.toContain(carol.investigatorId);
    expect(log).not.toContain(carol.keys.box.publicKey);
    // Proposed: carol may not open the case, and her inbox is empty.
    expectProblem(await caseFile(reportId, carol), 403);
    expect(await incoming(carol)).toEqual([]);

    await answer(reportId, body.referralId, true);
    await w.desk.settle();
    const mine = await caseFile(reportId, carol);
    expect(mine.status).toBe(200);
    expect(deskCaseSchema.strict().safeParse(mine.body).error).toBeUndefined();
    const file = deskCaseSchema.parse(mine.body);
    expect(file.referredIn).toMatchObject({
      referralId: body.referralId,
      fromChannelId: w.channelId,
      fromChannelName: 'Procurement watch',
    });
    expect(file.cannotOpen).toEqual([]);
    // Her share is the whistleblower's, from the acceptance: it opens with her box key, signed
    // by the receipt's key (her browser takes that from the verified envelope).
    expect(file.keyShares).toEqual(
      [
        {
          share: whistleblowerShare(reportId),
          sharedAt: expect.any(String),
          sharerSignPublicKey: null,
        },
      ].map((s) => ({ ...s, share: expect.objectContaining({ sharedBy: reportId }) })),
    );
    const opened = openReportKeyShare(b, file.keyShares[0]!.share, {
      reportId,
      recipientId: carol.investigatorId,
      boxPublicKey: carol.keys.box.publicKey,
      boxSecretKey: carol.keys.box.secretKey,
      sharers: [
        {
          recipientId: reportId,
          signPublicKey: receiptSign.publicKey,
          boxPublicKey: carol.keys.box.publicKey,
        },
      ],
    });
    expect(Buffer.from(opened).equals(reportKey)).toBe(true);
    const inbox = await incoming(carol);
    expect(inbox).toEqual([
      expect.objectContaining({
        reportId,
        fromChannelId: w.channelId,
        fromChannelName: 'Procurement watch',
        toChannelName: 'Labour union',
      }),
    ]);
    // Her own deadlines, from the acceptance: 7 days and 3 months.
    const acceptedAt = Date.parse(inbox[0]!.acceptedAt);
    expect(Date.parse(inbox[0]!.acknowledgementDueAt) - acceptedAt).toBe(7 * 86_400_000);
    // The source keeps access (no hand-over) and sees where the referral stands.
    const source = deskCaseSchema.parse((await caseFile(reportId, w.alice)).body);
    expect(source.referrals).toEqual([
      expect.objectContaining({ referralId: body.referralId, status: 'accepted' }),
    ]);
    expect(source.history?.map((h) => h.type)).toEqual([
      'ReportSubmitted',
      'ReferralProposed',
      'ReferralAccepted',
    ]);
    expect(await incoming(w.alice)).toEqual([]);
    // Carol reads; she does not refer it on (the report's own channel's act).
    expectProblem(await propose(reportId, proposal(reportId), carol.cookie, '"2"'), 403);
  });

  it('a declined or withdrawn referral shares nothing', async () => {
    for (const end of ['declined', 'withdrawn'] as const) {
      const reportId = await w.submitReport();
      const body = proposal(reportId);
      expect((await propose(reportId, body)).status).toBe(200);
      if (end === 'declined') await answer(reportId, body.referralId, false);
      else
        expect(
          (
            await w.desk.call(
              'POST',
              `/api/reports/${reportId}/referrals/${body.referralId}/withdraw`,
              {
                cookie: w.alice.cookie,
                ifMatch: '"1"',
                body: {},
              },
            )
          ).status,
        ).toBe(200);
      await w.desk.settle();
      expectProblem(await caseFile(reportId, carol), 403);
      expect((await incoming(carol)).map((i) => i.reportId)).not.toContain(reportId);
      const row = w.desk.db
        .prepare('SELECT status FROM report_referrals WHERE referral_id = ?')
        .get(body.referralId) as { status: string };
      expect(row.status).toBe(end);
    }
  });

  it('refuses proposals that could not be right, writing nothing', async () => {
    const reportId = await w.submitReport();
    const refused = async (body: unknown, status: number, cookie = w.alice.cookie) => {
      expectProblem(await propose(reportId, body, cookie), status);
      expect(await w.streamLength(`report-${reportId}`)).toBe(1);
    };
    // Asking the whistleblower, a proposal carries no key share: a valid one is refused too.
    await refused(proposal(reportId, { shares: [share(reportId)] }), 409);
    // To its own channel, to an unknown one, with an extra field, by a non-recipient.
    await refused(proposal(reportId, { toChannelId: w.channelId }), 409);
    await refused(proposal(reportId, { toChannelId: randomUUID() }), 409);
    await refused({ ...proposal(reportId), extra: 1 }, 400);
    await refused(proposal(reportId), 403, w.mallory.cookie);
    // A reason signed with another key than alice's enrolled one.
    const referralId = randomUUID();
    const bobs = sealMessage(b, {
      reportKey,
      reportId,
      messageId: referralId,
      authorRole: 'investigator',
      authorSignSeed: w.bob.keys.sign.seed,
      sequence: 0,
      body: 'x',
      thread: 'referrals',
    });
    await refused(proposal(reportId, { referralId, reason: bobs }), 422);
    expectProblem(
      await w.desk.call('POST', `/api/reports/${reportId}/referrals`, {
        cookie: w.alice.cookie,
        body: proposal(reportId),
      }),
      428,
    );
  });

  it('a handed-over case leaves the source channel once the referral takes effect', async () => {
    const reportId = await w.submitReport();
    const body = proposal(reportId, { handOver: true });
    expect((await propose(reportId, body)).status).toBe(200);
    expect((await caseFile(reportId, w.alice)).status).toBe(200);
    await answer(reportId, body.referralId, true);
    expectProblem(await caseFile(reportId, w.alice), 403);
    expect((await caseFile(reportId, carol)).status).toBe(200);
  });

  it("lists, queues, counts and work follow the referral: a handed-over case leaves the source's and joins the target's, a kept one is in both", async () => {
    // What each investigator's desk shows: the case list with its view counts, the inbox queue
    // with the queue counts, and the work indicator.
    const view = async (who: Account) => {
      await w.desk.settle();
      const get = async (path: string) => {
        const r = await w.desk.call('GET', path, { cookie: who.cookie });
        expect(r.status, path).toBe(200);
        return r.body;
      };
      const list = await get('/api/cases?limit=200');
      const inbox = await get('/api/queues/inbox?limit=200');
      const counts = await get('/api/queues');
      const work = await get('/api/cases/work');
      const ids = (items: unknown) => (items as { reportId: string }[]).map((i) => i.reportId);
      return {
        listed: ids(list['items']),
        items: list['items'] as {
          reportId: string;
          referredFrom: string | null;
          referredFromName: string | null;
        }[],
        queued: ids(inbox['items']),
        n: [
          (list['counts'] as Record<string, number>)['inbox'] ?? -1,
          (counts['queues'] as Record<string, number>)['inbox'] ?? -1,
          work['newReports'] as number,
        ],
      };
    };
    const [handed, kept, declined, pending] = [
      await w.submitReport(),
      await w.submitReport(),
      await w.submitReport(),
      await w.submitReport(),
    ];
    const bodies = new Map<string, ReturnType<typeof proposal>>();
    for (const reportId of [handed, kept, declined, pending]) {
      const body = proposal(reportId, { handOver: reportId !== kept });
      bodies.set(reportId, body);
      expect((await propose(reportId, body)).status).toBe(200);
    }
    const [alice0, carol0] = [await view(w.alice), await view(carol)];
    for (const v of [alice0.listed, alice0.queued])
      expect(v).toEqual(expect.arrayContaining([handed, kept, declined, pending]));
    for (const v of [carol0.listed, carol0.queued])
      for (const id of [handed, kept, declined, pending]) expect(v).not.toContain(id);

    await answer(handed, bodies.get(handed)!.referralId, true);
    await answer(kept, bodies.get(kept)!.referralId, true);
    await answer(declined, bodies.get(declined)!.referralId, false);
    const [alice1, carol1] = [await view(w.alice), await view(carol)];
    // The source: the handed-over case is gone from its list, queue and every count; the kept
    // one, the declined one and the one still proposed stay.
    for (const v of [alice1.listed, alice1.queued]) {
      expect(v).not.toContain(handed);
      expect(v).toEqual(expect.arrayContaining([kept, declined, pending]));
    }
    expect(alice1.n).toEqual(alice0.n.map((n) => n - 1));
    // The target: both accepted cases, marked as referred by the source, and nothing else.
    for (const v of [carol1.listed, carol1.queued]) {
      expect(v).toEqual(expect.arrayContaining([handed, kept]));
      expect(v).not.toContain(declined);
      expect(v).not.toContain(pending);
    }
    expect(carol1.n).toEqual(carol0.n.map((n) => n + 2));
    for (const id of [handed, kept])
      expect(carol1.items.find((i) => i.reportId === id)).toMatchObject({
        referredFrom: w.channelId,
        referredFromName: 'Procurement watch',
      });
    expect(alice1.items.find((i) => i.reportId === kept)).toMatchObject({
      referredFrom: null,
      referredFromName: null,
    });
    // What the lists show is what opens.
    expectProblem(await caseFile(handed, w.alice), 403);
    expect((await caseFile(kept, w.alice)).status).toBe(200);
    for (const id of [handed, kept]) expect((await caseFile(id, carol)).status).toBe(200);
  });

  it('an inform-only channel forwards at once, but only once its signed list says so: the plain setting alone asks the whistleblower', async () => {
    const admin = (path: string, body: unknown) =>
      adminPost(`/api/channels/${w.channelId}/${path}`, body);
    /** Channel A's list re-signed by the deployment key, one version on, with this mode. */
    const resign = async (mode: 'consent' | 'inform') => {
      const channel = await w.desk.call('GET', `/api/channels/${w.channelId}`, {
        cookie: w.admin.cookie,
      });
      const version = Number(channel.body['recipientsVersion']) + 1;
      const recipientList = w.signedList(w.channelId, version, [w.alice, w.bob], undefined, mode);
      expect((await admin('recipients', { recipientList })).status).toBe(200);
    };
    expect((await admin('referral-mode', { mode: 'inform' })).status).toBe(200);
    try {
      // The server's word alone: the list is still the v1 one (consent). A share is refused,
      // and a proposal without one asks the whistleblower.
      const asked = await w.submitReport();
      expectProblem(await propose(asked, proposal(asked, { shares: [share(asked)] })), 409);
      expect(await w.streamLength(`report-${asked}`)).toBe(1);
      expect((await propose(asked, proposal(asked))).status).toBe(200);
      const askedEvents = await w.desk.store.readStream(`report-${asked}`);
      expect(askedEvents.map((e) => e.type)).toEqual(['ReportSubmitted', 'ReferralProposed']);
      expect(askedEvents[1]!.data).toMatchObject({ mode: 'consent', shares: [] });
      expect((await caseFile(asked, carol)).status).toBe(403);

      // The administrator's browser re-signs the list with `inform`.
      await resign('inform');
      const reportId = await w.submitReport();
      const refused = async (shares: unknown, status: number) => {
        expectProblem(await propose(reportId, proposal(reportId, { shares })), status);
        expect(await w.streamLength(`report-${reportId}`)).toBe(1);
      };
      // None, or a share sealed to a key the target's list does not give carol.
      await refused(undefined, 409);
      const listA = w.signedList(w.channelId, 1, [w.alice, w.bob]);
      await refused([share(reportId, w.alice, listA)], 409);
      // Signed by someone else than the caller, or by a key the report's list does not give.
      await refused([share(reportId, w.bob)], 400);
      await refused([{ ...share(reportId), signature: share(randomUUID()).signature }], 400);
      const body = proposal(reportId, { shares: [share(reportId)] });
      expect((await propose(reportId, body)).status).toBe(200);
      const events = await w.desk.store.readStream(`report-${reportId}`);
      expect(events.map((e) => e.type)).toEqual([
        'ReportSubmitted',
        'ReferralProposed',
        'ReferralAccepted',
      ]);
      expect(events[1]!.data).toMatchObject({ mode: 'inform' });
      expect(events[2]!.data).toMatchObject({ consent: 'not_asked' });
      expect((await caseFile(reportId, carol)).status).toBe(200);
    } finally {
      await admin('referral-mode', { mode: 'consent' });
      await resign('consent');
    }
  });
});

describe('the target works a referred case as its own', () => {
  /** A report referred to channel B and accepted; returns its id and the referral's. */
  const referred = async (patch: Record<string, unknown> = {}) => {
    const reportId = await w.submitReport();
    const body = proposal(reportId, patch);
    expect((await propose(reportId, body)).status).toBe(200);
    await answer(reportId, body.referralId, true);
    await w.desk.settle();
    return { reportId, referralId: body.referralId };
  };
  const revision = async (reportId: string) =>
    `"${(await w.streamLength(`report-${reportId}`)) - 1}"`;
  const post = async (reportId: string, path: string, who: Account, body: unknown = {}) =>
    w.desk.call('POST', `/api/reports/${reportId}/${path}`, {
      cookie: who.cookie,
      ifMatch: await revision(reportId),
      body,
    });
  const people = (reportId: string, who: Account) =>
    w.desk.call('GET', `/api/reports/${reportId}/people`, { cookie: who.cookie });
  const acknowledge = (reportId: string, referralId: string, who: Account) =>
    post(reportId, `referrals/${referralId}/acknowledge`, who);

  /** The desk's reminder job, as platform.ts runs it, at `at`. */
  const runJob = async (at: number) => {
    await runRemindersOnce({ store: w.desk.store, readModels: w.desk.db, now: new Date(at) });
    await w.desk.settle();
  };
  /** The badge each of `who`'s views shows for the case (inbox, case list, case page). */
  const badgesOf = async (reportId: string, who: Account) => {
    const list = await w.desk.call('GET', '/api/cases?limit=200', { cookie: who.cookie });
    const row = (list.body['items'] as { reportId: string; reminder: string | null }[]).find(
      (i) => i.reportId === reportId,
    );
    const file = deskCaseSchema.parse((await caseFile(reportId, who)).body);
    return {
      list: row?.reminder ?? null,
      page: file.reminder ?? null,
      ...(who === carol && {
        inbox: (await incoming(carol)).find((i) => i.reportId === reportId)?.reminder ?? null,
      }),
    };
  };
  const overdueListedOf = async (reportId: string, who: Account) => {
    const r = await w.desk.call('GET', '/api/cases?limit=200&reminder=overdue', {
      cookie: who.cookie,
    });
    return (r.body['items'] as { reportId: string }[]).some((i) => i.reportId === reportId);
  };
  const referralRemindersOf = async (reportId: string, deadline: string) =>
    (await w.desk.store.readStream(remindersStream(reportId)).catch(() => []))
      .map(
        (e) => e.data as { deadline: string; step: string; notify: string[]; referralId?: string },
      )
      .filter((d) => d.deadline === deadline);

  it('assigns the target’s investigator, who is among the case’s people', async () => {
    const { reportId } = await referred();
    const r = await post(reportId, 'assign', carol, { investigatorId: carol.investigatorId });
    expect(r.status).toBe(200);
    const file = deskCaseSchema.parse((await caseFile(reportId, carol)).body);
    expect(file.assignees).toEqual([carol.investigatorId]);
    const listed = await people(reportId, carol);
    expect(listed.status).toBe(200);
    expect(listed.body['items']).toEqual(
      expect.arrayContaining([
        { investigatorId: carol.investigatorId, handle: 'carol' },
        { investigatorId: w.alice.investigatorId, handle: 'alice' },
        { investigatorId: w.bob.investigatorId, handle: 'bob' },
      ]),
    );
    expect(listed.body['items']).toHaveLength(3);
    // Someone of neither channel is still refused, and is nobody's person here.
    expectProblem(
      await post(reportId, 'assign', carol, { investigatorId: w.mallory.investigatorId }),
      409,
    );
  });

  it('gives a non-administrator the case page’s data: the case file and its people, never 403', async () => {
    const { reportId } = await referred();
    for (const who of [w.bob, carol]) {
      expect((await caseFile(reportId, who)).status).toBe(200);
      expect((await people(reportId, who)).status).toBe(200);
    }
    // The desk's whole directory stays the administrators'.
    expectProblem(await w.desk.call('GET', '/api/investigators', { cookie: carol.cookie }), 403);
    expectProblem(await people(reportId, w.mallory), 403);
  });

  it('a handed-over case is the target’s: its people are the target’s, the source is not assigned', async () => {
    const { reportId } = await referred({ handOver: true });
    const listed = await people(reportId, carol);
    expect(listed.body['items']).toEqual([
      { investigatorId: carol.investigatorId, handle: 'carol' },
    ]);
    expectProblem(
      await post(reportId, 'assign', carol, { investigatorId: w.alice.investigatorId }),
      409,
    );
    expect(
      (await post(reportId, 'assign', carol, { investigatorId: carol.investigatorId })).status,
    ).toBe(200);
  });

  it('the target acknowledges: in both timelines and its inbox; again writes nothing; the source may not', async () => {
    const { reportId, referralId } = await referred();
    expect((await incoming(carol)).find((i) => i.reportId === reportId)?.acknowledgedAt).toBeNull();
    expectProblem(await acknowledge(reportId, referralId, w.alice), 403);
    expectProblem(await acknowledge(reportId, randomUUID(), carol), 409);
    expect(await w.streamLength(`report-${reportId}`)).toBe(3);
    const r = await acknowledge(reportId, referralId, carol);
    expect(r.status).toBe(200);
    const events = await w.desk.store.readStream(`report-${reportId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'ReferralAcknowledged',
      data: { reportId, referralId, by: carol.investigatorId },
    });
    // A retry is the same success and writes nothing.
    expect((await acknowledge(reportId, referralId, carol)).status).toBe(200);
    expect(await w.streamLength(`report-${reportId}`)).toBe(4);
    // Her timeline is the whole case's, as the source's is.
    for (const who of [carol, w.alice]) {
      const file = deskCaseSchema.parse((await caseFile(reportId, who)).body);
      expect(file.history?.map((h) => h.type)).toEqual([
        'ReportSubmitted',
        'ReferralProposed',
        'ReferralAccepted',
        'ReferralAcknowledged',
      ]);
      expect(file.history?.at(-1)?.by).toBe(carol.investigatorId);
    }
    const { acknowledgedAt } = events.at(-1)!.data as { acknowledgedAt: string };
    const file = deskCaseSchema.parse((await caseFile(reportId, carol)).body);
    expect(file.referredIn?.acknowledgedAt).toBe(acknowledgedAt);
    const inbox = (await incoming(carol)).find((i) => i.reportId === reportId);
    expect(inbox?.acknowledgedAt).toBe(acknowledgedAt);
  });

  it('reminds the target of its own acknowledgement deadline, escalates it, and badges it where the target looks, until it acknowledges', async () => {
    const { reportId, referralId } = await referred();
    // The report's own acknowledgement is met: whatever alice sees is not the referral's.
    expect((await post(reportId, 'acknowledge', w.alice)).status).toBe(200);
    const [item] = (await incoming(carol)).filter((i) => i.reportId === reportId);
    const due = Date.parse(item!.acknowledgementDueAt);
    const badges = (who: Account) => badgesOf(reportId, who);
    const overdueListed = (who: Account) => overdueListedOf(reportId, who);
    const referralReminders = () => referralRemindersOf(reportId, 'referral_acknowledgement');

    // Her list row gives the referral's own deadline, alice's the report's (its feedback).
    const nextDeadline = async (who: Account) => {
      const list = await w.desk.call('GET', '/api/cases?limit=200&sort=nextDeadline', {
        cookie: who.cookie,
      });
      return (list.body['items'] as { reportId: string; nextDeadline: string | null }[]).find(
        (i) => i.reportId === reportId,
      )?.nextDeadline;
    };
    const own = deskCaseSchema.parse((await caseFile(reportId, w.alice)).body).feedbackDueAt;
    expect(await nextDeadline(carol)).toBe(item!.acknowledgementDueAt);
    expect(await nextDeadline(w.alice)).toBe(own);
    expect(own).not.toBe(item!.acknowledgementDueAt);
    await runJob(due - 3 * 86_400_000);
    expect(await badges(carol)).toEqual({ list: null, page: null, inbox: null });
    // A day before the target's deadline: the reminder, to carol, the target's recipient.
    await runJob(due - 86_400_000);
    expect((await referralReminders()).map((d) => [d.step, d.notify, d.referralId])).toEqual([
      ['reminder', [carol.investigatorId], referralId],
    ]);
    expect(await badges(carol)).toEqual({ list: 'due', page: 'due', inbox: 'due' });
    expect(await badges(w.alice)).toEqual({ list: null, page: null });
    // Missed: escalated to the administrators, overdue for carol (list filter, work), not alice.
    await runJob(due + 1_000);
    await runJob(due + 2_000);
    expect((await referralReminders()).map((d) => d.step)).toEqual(['reminder', 'escalation']);
    expect(await badges(carol)).toEqual({ list: 'overdue', page: 'overdue', inbox: 'overdue' });
    expect(await badges(w.alice)).toEqual({ list: null, page: null });
    expect(await overdueListed(carol)).toBe(true);
    expect(await overdueListed(w.alice)).toBe(false);
    // Her work indicator counts what her overdue filter lists (the job escalated others too).
    const work = (await w.desk.call('GET', '/api/cases/work', { cookie: carol.cookie })).body;
    const listed = await w.desk.call('GET', '/api/cases?limit=1&reminder=overdue', {
      cookie: carol.cookie,
    });
    expect(work['overdue']).toBe(listed.body['total']);
    // Acknowledged: the badges go, and nothing more is due.
    expect((await acknowledge(reportId, referralId, carol)).status).toBe(200);
    await w.desk.settle();
    expect(await badges(carol)).toEqual({ list: null, page: null, inbox: null });
    expect(await nextDeadline(carol)).toBe(item!.feedbackDueAt);
    await runJob(due + 3_000);
    expect(await referralReminders()).toHaveLength(2);
  });

  it('reminds a handed-over target of its own feedback deadline, escalates it, badges it where it looks, until it gives feedback', async () => {
    const { reportId, referralId } = await referred({ handOver: true });
    // The case is carol's: she acknowledges the report (owed) and her referral.
    expect((await post(reportId, 'acknowledge', carol)).status).toBe(200);
    expect((await acknowledge(reportId, referralId, carol)).status).toBe(200);
    const [item] = (await incoming(carol)).filter((i) => i.reportId === reportId);
    const due = Date.parse(item!.feedbackDueAt);
    const feedbackReminders = () => referralRemindersOf(reportId, 'referral_feedback');
    await runJob(due - 3 * 86_400_000);
    expect(await feedbackReminders()).toEqual([]);
    expect(await badgesOf(reportId, carol)).toEqual({ list: null, page: null, inbox: null });
    // A day before: the reminder, to carol; the report's own feedback deadline is not reminded.
    await runJob(due - 86_400_000);
    expect((await feedbackReminders()).map((d) => [d.step, d.notify, d.referralId])).toEqual([
      ['reminder', [carol.investigatorId], referralId],
    ]);
    expect(await referralRemindersOf(reportId, 'feedback')).toEqual([]);
    expect(await badgesOf(reportId, carol)).toEqual({ list: 'due', page: 'due', inbox: 'due' });
    // Her list row says she acknowledged the referral: the badge is of its feedback deadline.
    const list = await w.desk.call('GET', '/api/cases?limit=200', { cookie: carol.cookie });
    const row = (list.body['items'] as { reportId: string; referralAcknowledged?: boolean }[]).find(
      (i) => i.reportId === reportId,
    );
    expect(row?.referralAcknowledged).toBe(true);
    // Missed: escalated to the administrators, overdue in her views and her overdue filter.
    await runJob(due + 1_000);
    await runJob(due + 2_000);
    expect((await feedbackReminders()).map((d) => d.step)).toEqual(['reminder', 'escalation']);
    expect(await badgesOf(reportId, carol)).toEqual({
      list: 'overdue',
      page: 'overdue',
      inbox: 'overdue',
    });
    expect(await overdueListedOf(reportId, carol)).toBe(true);
    // She writes to the whistleblower: feedback given, the badges go, nothing more is due.
    const messageId = randomUUID();
    const envelope = sealMessage(b, {
      reportKey,
      reportId,
      messageId,
      authorRole: 'investigator',
      authorSignSeed: carol.keys.sign.seed,
      sequence: 0,
      body: 'feedback',
    });
    expect((await post(reportId, 'messages', carol, { messageId, envelope })).status).toBe(200);
    await w.desk.settle();
    expect(await badgesOf(reportId, carol)).toEqual({ list: null, page: null, inbox: null });
    expect(await overdueListedOf(reportId, carol)).toBe(false);
    await runJob(due + 3_000);
    expect(await feedbackReminders()).toHaveLength(2);
  });

  it("gives a caller who has the case through a referral its referral's dates in the queues, the source the report's", async () => {
    const { reportId } = await referred();
    const queueItem = async (who: Account, queue: string) => {
      await w.desk.settle();
      const r = await w.desk.call('GET', `/api/queues/${queue}`, { cookie: who.cookie });
      expect(r.status).toBe(200);
      const items = (r.body['items'] as unknown[]).map((i) => queueItemSchema.parse(i));
      return items.find((i) => i.reportId === reportId);
    };
    const [referral] = (await incoming(carol)).filter((i) => i.reportId === reportId);
    const own = deskCaseSchema.parse((await caseFile(reportId, w.alice)).body);
    expect(referral!.acknowledgementDueAt).not.toBe(own.acknowledgementDueAt);
    expect(await queueItem(carol, 'inbox')).toMatchObject({
      acknowledgementDueAt: referral!.acknowledgementDueAt,
      feedbackDueAt: referral!.feedbackDueAt,
    });
    expect(await queueItem(w.alice, 'inbox')).toMatchObject({
      acknowledgementDueAt: own.acknowledgementDueAt,
      feedbackDueAt: own.feedbackDueAt,
    });
    // By triage too: every queue lists the caller's dates.
    expect(
      (
        await post(reportId, 'triage', w.alice, {
          priority: 'high',
          sector: 'health',
          region: null,
        })
      ).status,
    ).toBe(200);
    const byPriority = await w.desk.call('GET', '/api/queues/by_priority?priority=high', {
      cookie: carol.cookie,
    });
    const item = (
      byPriority.body['items'] as { reportId: string; acknowledgementDueAt: string }[]
    ).find((i) => i.reportId === reportId);
    expect(item?.acknowledgementDueAt).toBe(referral!.acknowledgementDueAt);
  });

  it("refuses the report's own acknowledgement to a target that has it through a kept referral, and allows it to a target it was handed over to", async () => {
    // Kept: acknowledging to the whistleblower is the source's duty; carol acknowledges the
    // referral instead. Refused as a problem, writing nothing.
    const kept = await referred();
    const before = await w.streamLength(`report-${kept.reportId}`);
    expectProblem(await post(kept.reportId, 'acknowledge', carol), 403);
    expect(await w.streamLength(`report-${kept.reportId}`)).toBe(before);
    expect((await post(kept.reportId, 'acknowledge', w.alice)).status).toBe(200);
    // Handed over before the source acknowledged: the case is carol's, and so is the
    // whistleblower's 7-day acknowledgement, still owed.
    const handed = await referred({ handOver: true });
    expect((await post(handed.reportId, 'acknowledge', carol)).status).toBe(200);
    const events = await w.desk.store.readStream(`report-${handed.reportId}`);
    expect(events.at(-1)?.type).toBe('ReportAcknowledged');
  });

  it("the target's inbox (queue, count, saved view) holds a referred case until it acknowledges the referral, whatever the source did", async () => {
    const { reportId, referralId } = await referred();
    /** Whether the case is in `who`'s inbox, by the queue, its count and the case list's view. */
    const inInbox = async (who: Account) => {
      await w.desk.settle();
      const get = (path: string) => w.desk.call('GET', path, { cookie: who.cookie });
      const queue = (await get('/api/queues/inbox')).body['items'] as { reportId: string }[];
      const counts = (await get('/api/queues')).body['queues'] as { inbox: number };
      const view = await get('/api/cases?view=inbox&limit=200');
      const items = view.body['items'] as { reportId: string }[];
      const viewCount = (view.body['counts'] as { inbox: number }).inbox;
      expect(counts.inbox).toBe(queue.length);
      expect(viewCount).toBe(items.length);
      const inQueue = queue.some((i) => i.reportId === reportId);
      expect(items.some((i) => i.reportId === reportId)).toBe(inQueue);
      return inQueue;
    };
    expect(await inInbox(carol)).toBe(true);
    expect(await inInbox(w.alice)).toBe(true);
    // The source acknowledges the report: its inbox is done, the target's is not.
    expect((await post(reportId, 'acknowledge', w.alice)).status).toBe(200);
    expect(await inInbox(w.alice)).toBe(false);
    expect(await inInbox(carol)).toBe(true);
    expect((await acknowledge(reportId, referralId, carol)).status).toBe(200);
    expect(await inInbox(carol)).toBe(false);
  });

  it('refuses acknowledging a referral that has not taken effect', async () => {
    const reportId = await w.submitReport();
    const body = proposal(reportId);
    expect((await propose(reportId, body)).status).toBe(200);
    // Proposed only: carol has no access to the case at all.
    expectProblem(await acknowledge(reportId, body.referralId, carol), 403);
    expectProblem(await acknowledge(reportId, body.referralId, w.alice), 403);
    expect(await w.streamLength(`report-${reportId}`)).toBe(2);
  });

  describe('with a second target, channel C (dave)', () => {
    const dave = accountForSuite(w, 'dave');
    let channelC: string;
    let listC: RecipientList;
    beforeAll(async () => {
      ({ channelId: channelC, list: listC } = await addChannel(w.desk, w.admin, 'Ombuds office', [
        dave,
      ]));
    }, 60_000);
    /** A second referral of `reportId`, to C, proposed by alice and accepted if `accept`. */
    const referToC = async (reportId: string, accept: boolean) => {
      const referralId = randomUUID();
      const body = {
        referralId,
        toChannelId: channelC,
        handOver: false,
        reason: reason(reportId, referralId, 1),
      };
      expect((await propose(reportId, body, w.alice.cookie, await revision(reportId))).status).toBe(
        200,
      );
      if (accept)
        await handleReportCommand(w.desk.store, reportId, {
          type: 'AcceptReferral',
          data: {
            reportId,
            referralId,
            shares: [
              shareReportKey(b, {
                reportId,
                reportKey,
                recipient: listC.recipients[0]!,
                sharedBy: reportId,
                sharerSignSeed: receiptSign.seed,
              }),
            ],
          },
          metadata: {
            now: w.desk.clock.now,
            eventId: randomUUID(),
            actor: { kind: 'whistleblower' },
          },
        });
      await w.desk.settle();
      return referralId;
    };

    it("one target's recipient cannot acknowledge another target's referral, nor the source after a hand-over", async () => {
      const { reportId, referralId } = await referred();
      const toC = await referToC(reportId, true);
      const length = await w.streamLength(`report-${reportId}`);
      // Dave may open the case (C's referral took effect) but B's referral is not his to own.
      expect((await caseFile(reportId, dave)).status).toBe(200);
      expectProblem(await acknowledge(reportId, referralId, dave), 403);
      expectProblem(await acknowledge(reportId, toC, carol), 403);
      expect(await w.streamLength(`report-${reportId}`)).toBe(length);
      expect((await acknowledge(reportId, toC, dave)).status).toBe(200);
      // A handed-over source is nobody on the case: no acknowledgement, no people.
      const handed = await referred({ handOver: true });
      expectProblem(await acknowledge(handed.reportId, handed.referralId, w.alice), 403);
      expectProblem(await people(handed.reportId, w.alice), 403);
      expect(await w.streamLength(`report-${handed.reportId}`)).toBe(3);
    });

    it("the case's people are those of channels with access only: a proposed target's are not, nor are they told", async () => {
      const { reportId } = await referred();
      await referToC(reportId, false);
      const listed = await people(reportId, carol);
      const ids = (listed.body['items'] as { investigatorId: string }[]).map(
        (p) => p.investigatorId,
      );
      expect(ids).not.toContain(dave.investigatorId);
      expect(ids).not.toContain(w.mallory.investigatorId);
      expectProblem(await people(reportId, dave), 403);
    });

    it("a target's recipient who may open the case otherwise still cannot acknowledge a referral before it took effect", async () => {
      // Bob, a recipient of the report's own channel, is also one of channel D's.
      const { channelId: channelD } = await addChannel(w.desk, w.admin, 'Audit office', [w.bob]);
      const reportId = await w.submitReport();
      const body = proposal(reportId, { toChannelId: channelD });
      expect((await propose(reportId, body)).status).toBe(200);
      expectProblem(await acknowledge(reportId, body.referralId, w.bob), 409);
      expect(await w.streamLength(`report-${reportId}`)).toBe(2);
    });

    it('hostile acknowledgements get problem JSON and write nothing', async () => {
      const { reportId, referralId } = await referred();
      const length = await w.streamLength(`report-${reportId}`);
      const send = async (id: string, body: unknown, headers: Record<string, string> = {}) =>
        w.desk.call('POST', `/api/reports/${reportId}/referrals/${id}/acknowledge`, {
          cookie: carol.cookie,
          ifMatch: await revision(reportId),
          body,
          headers,
        });
      expectProblem(await send(referralId, { by: w.alice.investigatorId }), 400);
      expectProblem(await send(referralId, { referralId }), 400);
      expectProblem(await send(referralId, []), 400);
      expectProblem(await send(referralId, 'null'), 400);
      expectProblem(await send('not-an-id', {}), 400);
      expectProblem(await send(referralId, { pad: 'x'.repeat(600 * 1024) }), 413);
      expect(await w.streamLength(`report-${reportId}`)).toBe(length);
      expect((await send(referralId, {})).status).toBe(200);
    });
  });
});
