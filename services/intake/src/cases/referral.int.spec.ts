// The whistleblower's answer to a referral of their case (SECURITY.md, Protocol step 11), on a
// real HTTP server: the case view carries the proposal with its sealed reason, and the accept and
// decline endpoints answer as public endpoints do: behind the session, RFC 9457 problems that
// change nothing, a retry the same success. Accepting carries the key shares the whistleblower's
// browser made for the target's listed recipients, signed with the receipt's key: a forged or
// incomplete set is refused, so the target can never hold a share the whistleblower did not make.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  shareReportKeyForReferral,
  signRecipientList,
  whistleblowerCaseSchema,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { fakeB64, fakeMessageEnvelope } from '../../../reports/src/shared/fixtures.ts';
import {
  channels,
  expectProblem,
  expectRefused,
  newRecipient,
  postJson,
  signedInWhistleblower,
  signedList,
  snapshot,
  startIntake,
  testBackend,
  type Harness,
} from '../test-support/harness.ts';

const b = await testBackend();
// The target channel's two recipients, in its list signed by the deployment key.
const deployment = generateSigningKeyPair(b);
const target = randomUUID();
const targetRecipients = [newRecipient(b), newRecipient(b)];
const targetList = signedList(b, deployment.seed, target, targetRecipients);
const alice = randomUUID();
const aliceKey = fakeB64(32, 'sign:alice');
const targetChannel = {
  id: target,
  name: 'Transport union',
  questionnaire: { q: [] },
  recipients: targetList,
};

let h: Harness;
let wb: Awaited<ReturnType<typeof signedInWhistleblower>>;
// The target as the directory gives it now: an administrator may replace its list or close it.
let targetNow: typeof targetChannel | undefined;
beforeEach(async () => {
  targetNow = targetChannel;
  h = await startIntake({
    deps: { listChannels: async () => [...channels, ...(targetNow ? [targetNow] : [])] },
  });
  wb = await signedInWhistleblower(h.url);
});
afterEach(() => h.close());

/** What the whistleblower's browser sends on acceptance (intake cannot tell the report key). */
const consentShares = (signSeed = wb.receipt.keys.signSeed, list: unknown = targetList) =>
  shareReportKeyForReferral(b, {
    reportId: wb.reportId,
    reportKey: randomBytes(32),
    recipientList: list,
    pinnedPublicKey: deployment.publicKey,
    channelId: target,
    whistleblowerSignSeed: signSeed,
  });

/** What the desk appends when an investigator proposes (its own tests check the shares). */
async function propose(mode: 'consent' | 'inform' = 'consent', sequence = 0) {
  const referralId = randomUUID();
  const reason = fakeMessageEnvelope(wb.reportId, referralId, 'investigator', {
    authorKey: aliceKey,
    sequence,
  });
  await handleReportCommand(h.store, wb.reportId, {
    type: 'ProposeReferral',
    data: {
      reportId: wb.reportId,
      referralId,
      toChannelId: target,
      mode,
      handOver: false,
      targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
      // Only an inform-only channel's referrer shares at proposal.
      shares:
        mode === 'inform'
          ? [
              {
                v: 1,
                reportId: wb.reportId,
                recipientId: randomUUID(),
                boxPublicKey: fakeB64(32, 'box'),
                sharedBy: alice,
                wrappedKey: fakeB64(80, 'wrapped'),
                signature: fakeB64(64, 'signature'),
              },
            ]
          : [],
      reason,
      authorKey: aliceKey,
    },
    metadata: {
      now: new Date(),
      eventId: randomUUID(),
      actor: { kind: 'investigator', investigatorId: alice },
    },
  } satisfies ReportCommand);
  return { referralId, reason };
}

const answer = (
  referralId: string,
  what: string,
  headers: Record<string, string> = wb.auth,
  body: unknown = what === 'accept' ? { shares: consentShares() } : {},
) => postJson(`${h.url}/api/v1/case/referrals/${referralId}/${what}`, body, headers);
const caseView = async () => {
  const res = await fetch(`${h.url}/api/v1/case`, { headers: wb.auth });
  expect(res.status).toBe(200);
  return whistleblowerCaseSchema.strict().parse(await res.json());
};
const types = async () => (await h.store.readStream(`report-${wb.reportId}`)).map((e) => e.type);
/** Answers `what` and expects the problem `kind`, with the store as it was. */
const answerRefused = async (
  referralId: string,
  what: string,
  [status, kind]: [number, string],
  headers = wb.auth,
  body?: unknown,
) => {
  const before = await snapshot(h.store);
  await expectRefused(await answer(referralId, what, headers, body), status, kind, h.store, before);
};

describe('a referral of the case, as its whistleblower answers it', () => {
  it('shows the proposal with its sealed reason and the target, and no referral before', async () => {
    expect((await caseView()).referrals).toBeUndefined();
    const { referralId, reason } = await propose();
    const view = await caseView();
    expect(view.referrals).toEqual([
      {
        referralId,
        toChannelId: target,
        mode: 'consent',
        status: 'proposed',
        reason,
        proposedAt: expect.any(String),
        acknowledgedAt: null,
      },
    ]);
    expect(view.timeline.map((t) => t.type)).toContain('ReferralProposed');
  });

  it('accepts: the referral takes effect to the minute; the same answer again writes nothing', async () => {
    const { referralId } = await propose();
    const r = await answer(referralId, 'accept');
    expect(r.status).toBe(204);
    expect(await types()).toEqual(['ReportSubmitted', 'ReferralProposed', 'ReferralAccepted']);
    const [, , accepted] = await h.store.readStream(`report-${wb.reportId}`);
    expect((accepted!.data as { acceptedAt: string }).acceptedAt).toMatch(/:00\.000Z$/);
    expect((accepted!.data as { consent: string }).consent).toBe('given');
    // The whistleblower's shares, one per listed recipient of the target: nobody else's.
    const shares = (accepted!.data as { shares: ReportKeyShare[] }).shares;
    expect(shares.map((s) => [s.recipientId, s.boxPublicKey, s.sharedBy])).toEqual(
      targetList.recipients.map((r) => [r.recipientId, r.boxPublicKey, wb.reportId]),
    );
    expect((await answer(referralId, 'accept')).status).toBe(204);
    expect(await types()).toHaveLength(3);
    expect((await caseView()).referrals?.[0]?.status).toBe('accepted');
    expect((await caseView()).timeline.map((t) => t.type)).toContain('ReferralAccepted:given');
  });

  it('shows that the target received the report once its investigator acknowledged it', async () => {
    const { referralId } = await propose();
    expect((await answer(referralId, 'accept')).status).toBe(204);
    expect((await caseView()).referrals?.[0]?.acknowledgedAt).toBeNull();
    const bea = randomUUID();
    // What the desk appends when one of the target's recipients acknowledges.
    await handleReportCommand(h.store, wb.reportId, {
      type: 'AcknowledgeReferral',
      data: { reportId: wb.reportId, referralId, targetRecipients: [bea] },
      metadata: {
        now: new Date('2026-03-05T08:09:10.123Z'),
        eventId: randomUUID(),
        actor: { kind: 'investigator', investigatorId: bea },
      },
    } satisfies ReportCommand);
    const view = await caseView();
    expect(view.referrals?.[0]).toMatchObject({
      status: 'accepted',
      acknowledgedAt: '2026-03-05T08:09:10.123Z',
    });
    expect(view.timeline.at(-1)).toEqual({
      type: 'ReferralAcknowledged',
      at: '2026-03-05T08:09:10.123Z',
    });
    // Who acknowledged is the desk's: the whistleblower's view names no investigator.
    expect(JSON.stringify(view)).not.toContain(bea);
  });

  it('declines; accepting after that is a conflict that changes nothing', async () => {
    const { referralId } = await propose();
    expect((await answer(referralId, 'decline')).status).toBe(204);
    expect(await types()).toEqual(['ReportSubmitted', 'ReferralProposed', 'ReferralDeclined']);
    const before = await snapshot(h.store);
    await expectRefused(await answer(referralId, 'accept'), 409, 'conflict', h.store, before);
    expect((await caseView()).referrals?.[0]?.status).toBe('declined');
  });

  it('never asks about an inform-only referral: it is shown as taken effect, an answer is refused', async () => {
    const { referralId } = await propose('inform');
    const view = await caseView();
    expect(view.referrals?.[0]).toMatchObject({ mode: 'inform', status: 'accepted' });
    expect(view.timeline.map((t) => t.type)).toContain('ReferralAccepted:not_asked');
    const before = await snapshot(h.store);
    await expectRefused(await answer(referralId, 'decline'), 409, 'conflict', h.store, before);
  });

  it('refuses, changing nothing: no session, an unknown referral, a bad id or answer, a body', async () => {
    const { referralId } = await propose();
    const before = await snapshot(h.store);
    await expectRefused(
      await answer(referralId, 'accept', {}),
      401,
      'unauthorized',
      h.store,
      before,
    );
    await expectRefused(await answer(randomUUID(), 'accept'), 409, 'conflict', h.store, before);
    await expectRefused(
      await answer('not an id', 'accept'),
      400,
      'invalidRequest',
      h.store,
      before,
    );
    await expectProblem(await answer(referralId, 'maybe'), 400, 'invalidRequest');
    await expectRefused(
      await answer(referralId, 'accept', wb.auth, { sure: true }),
      400,
      'invalidRequest',
      h.store,
      before,
    );
    expect(await snapshot(h.store)).toBe(before);
  });

  it('refuses forged or incomplete shares, changing nothing; the honest ones are taken after', async () => {
    const { referralId } = await propose();
    const [first, second] = consentShares() as [ReportKeyShare, ReportKeyShare];
    const stranger = generateBoxKeyPair(b).publicKey;
    const otherList = signRecipientList(
      b,
      {
        channelId: target,
        version: 2,
        recipients: [
          { ...targetList.recipients[0]!, boxPublicKey: stranger },
          targetList.recipients[1]!,
        ],
      },
      deployment.seed,
    );
    const before = await snapshot(h.store);
    const refused = async (shares: unknown, status: number, kind: string) =>
      expectRefused(
        await answer(referralId, 'accept', wb.auth, { shares }),
        status,
        kind,
        h.store,
        before,
      );
    // Signed with any key but this receipt's (here, an investigator's of the source).
    await refused(consentShares(generateSigningKeyPair(b).seed), 400, 'referralSharesRefused');
    // Wrapped to a box key the target's current list does not give (a list the server made up).
    await refused(consentShares(undefined, otherList), 400, 'referralSharesRefused');
    // Bound to another report.
    await refused([{ ...first, reportId: randomUUID() }, second], 400, 'referralSharesRefused');
    // A recipient missing, one twice, one not listed.
    await refused([first], 409, 'referralListChanged');
    await refused([first, first], 409, 'referralListChanged');
    await refused([first, { ...second, recipientId: randomUUID() }], 409, 'referralListChanged');
    // None, or no body: not an acceptance.
    await refused([], 400, 'invalidRequest');
    await expectRefused(
      await answer(referralId, 'accept', wb.auth, {}),
      400,
      'invalidRequest',
      h.store,
      before,
    );
    expect((await caseView()).referrals?.[0]?.status).toBe('proposed');
    expect((await answer(referralId, 'accept')).status).toBe(204);
    expect((await caseView()).referrals?.[0]?.status).toBe('accepted');
  });

  it("gives the target's name and signed list for a referral of this case only", async () => {
    const { referralId } = await propose();
    const target = (id: string, headers: Record<string, string> = wb.auth) =>
      fetch(`${h.url}/api/v1/case/referrals/${id}/target`, { headers });
    const r = await target(referralId);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      channelId: targetChannel.id,
      name: 'Transport union',
      recipientList: targetList,
    });
    await expectProblem(await target(referralId, {}), 401, 'unauthorized');
    await expectProblem(await target(randomUUID()), 404, 'unknownChannel');
    const other = await signedInWhistleblower(h.url);
    await expectProblem(await target(referralId, other.auth), 404, 'unknownChannel');
  });

  it('answers only its own case: another whistleblower cannot answer this referral', async () => {
    const { referralId } = await propose();
    const other = await signedInWhistleblower(h.url);
    await answerRefused(referralId, 'accept', [409, 'conflict'], other.auth);
  });

  it('refuses any answer once the referral was withdrawn, changing nothing', async () => {
    const { referralId } = await propose();
    await handleReportCommand(h.store, wb.reportId, {
      type: 'WithdrawReferral',
      data: { reportId: wb.reportId, referralId },
      metadata: {
        now: new Date(),
        eventId: randomUUID(),
        actor: { kind: 'investigator', investigatorId: alice },
      },
    } satisfies ReportCommand);
    await answerRefused(referralId, 'accept', [409, 'conflict']);
    await answerRefused(referralId, 'decline', [409, 'conflict']);
    expect((await caseView()).referrals?.[0]?.status).toBe('withdrawn');
  });

  it('refuses shares sealed for a list the administrator has since replaced; the new list’s are taken', async () => {
    const { referralId } = await propose();
    const stale = consentShares();
    // The administrator publishes version 2: a third recipient joins.
    const replaced = signedList(
      b,
      deployment.seed,
      target,
      [...targetRecipients, newRecipient(b)],
      2,
    );
    targetNow = { ...targetChannel, recipients: replaced };
    await answerRefused(referralId, 'accept', [409, 'referralListChanged'], wb.auth, {
      shares: stale,
    });
    // The page fetches the target again: it is the new list, and shares for it are taken.
    const r = await fetch(`${h.url}/api/v1/case/referrals/${referralId}/target`, {
      headers: wb.auth,
    });
    expect(((await r.json()) as { recipientList: unknown }).recipientList).toEqual(replaced);
    const fresh = consentShares(undefined, replaced);
    expect((await answer(referralId, 'accept', wb.auth, { shares: fresh })).status).toBe(204);
    const accepted = (await h.store.readStream(`report-${wb.reportId}`)).at(-1)!;
    expect((accepted.data as { shares: ReportKeyShare[] }).shares).toHaveLength(3);
  });

  it('a target closed since the proposal: no list to seal to (404), an acceptance refused', async () => {
    const { referralId } = await propose();
    const shares = consentShares();
    targetNow = undefined;
    await expectProblem(
      await fetch(`${h.url}/api/v1/case/referrals/${referralId}/target`, { headers: wb.auth }),
      404,
      'unknownChannel',
    );
    await answerRefused(referralId, 'accept', [409, 'referralListChanged'], wb.auth, { shares });
  });

  it('hostile bodies get problem JSON and change nothing: oversized, wrong types, extra keys, too many shares', async () => {
    const { referralId } = await propose();
    const [first, second] = consentShares() as [ReportKeyShare, ReportKeyShare];
    const before = await snapshot(h.store);
    const refused = async (body: unknown, status: number, kind: string, what = 'accept') =>
      expectRefused(await answer(referralId, what, wb.auth, body), status, kind, h.store, before);
    await refused({ shares: [first, second], pad: 'x'.repeat(65 * 1024) }, 413, 'tooLarge');
    await refused({ shares: 'all of them' }, 400, 'invalidRequest');
    await refused({ shares: [first, { ...second, recipientId: 7 }] }, 400, 'invalidRequest');
    await refused({ shares: [first, { ...second, extra: true }] }, 400, 'invalidRequest');
    await refused({ shares: [first, second], also: 1 }, 400, 'invalidRequest');
    await refused({ shares: Array.from({ length: 65 }, () => first) }, 400, 'invalidRequest');
    await refused([first, second], 400, 'invalidRequest');
    await refused({ shares: [first, second] }, 400, 'invalidRequest', 'decline');
    const text = await fetch(`${h.url}/api/v1/case/referrals/${referralId}/accept`, {
      method: 'POST',
      headers: { ...wb.auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ shares: [first, second] }),
    });
    await expectRefused(text, 415, 'unsupportedMediaType', h.store, before);
    expect((await caseView()).referrals?.[0]?.status).toBe('proposed');
  });

  it('writes an answer to the minute, never the second it was sent: decline and acceptance', async () => {
    const times = async () =>
      JSON.stringify(await h.store.readStream(`report-${wb.reportId}`), (_k, v: unknown) =>
        typeof v === 'bigint' ? v.toString() : v,
      ).match(/\d{4}-\d\d-\d\dT[\d:.]+Z/g) ?? [];
    // One referral awaits an answer at a time: the second is proposed after the first is declined.
    for (const [sequence, what] of [
      [0, 'decline'],
      [1, 'accept'],
    ] as const) {
      const { referralId } = await propose('consent', sequence);
      const known = new Set(await times());
      // Mid-minute, to the millisecond: nothing of it may reach the log.
      h.clock.advance(37_123);
      expect((await answer(referralId, what)).status).toBe(204);
      const written = (await times()).filter((t) => !known.has(t));
      expect(written.length).toBeGreaterThan(0);
      for (const t of written) expect(t).toMatch(/:00(\.000)?Z$/);
    }
  });
});
