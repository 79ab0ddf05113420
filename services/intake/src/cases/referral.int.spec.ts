// The whistleblower's answer to a referral of their case (SECURITY.md, Protocol step 11), on a
// real HTTP server: the case view carries the proposal with its sealed reason, and the accept and
// decline endpoints answer as public endpoints do: behind the session, RFC 9457 problems that
// change nothing, a retry the same success.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whistleblowerCaseSchema } from '@integrity-desk/protocol';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { fakeB64, fakeMessageEnvelope } from '../../../reports/src/shared/fixtures.ts';
import {
  expectProblem,
  expectRefused,
  postJson,
  signedInWhistleblower,
  snapshot,
  startIntake,
  type Harness,
} from '../test-support/harness.ts';

let h: Harness;
let wb: Awaited<ReturnType<typeof signedInWhistleblower>>;
beforeEach(async () => {
  h = await startIntake();
  wb = await signedInWhistleblower(h.url);
});
afterEach(() => h.close());

const alice = randomUUID();
const aliceKey = fakeB64(32, 'sign:alice');
const target = randomUUID();

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
      shares: [
        {
          v: 1,
          reportId: wb.reportId,
          recipientId: randomUUID(),
          boxPublicKey: fakeB64(32, 'box'),
          sharedBy: alice,
          wrappedKey: fakeB64(80, 'wrapped'),
          signature: fakeB64(64, 'signature'),
        },
      ],
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
  body: unknown = {},
) => postJson(`${h.url}/api/v1/case/referrals/${referralId}/${what}`, body, headers);
const caseView = async () => {
  const res = await fetch(`${h.url}/api/v1/case`, { headers: wb.auth });
  expect(res.status).toBe(200);
  return whistleblowerCaseSchema.strict().parse(await res.json());
};
const types = async () => (await h.store.readStream(`report-${wb.reportId}`)).map((e) => e.type);

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
    expect((await answer(referralId, 'accept')).status).toBe(204);
    expect(await types()).toHaveLength(3);
    expect((await caseView()).referrals?.[0]?.status).toBe('accepted');
    expect((await caseView()).timeline.map((t) => t.type)).toContain('ReferralAccepted:given');
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

  it('answers only its own case: another whistleblower cannot answer this referral', async () => {
    const { referralId } = await propose();
    const other = await signedInWhistleblower(h.url);
    const before = await snapshot(h.store);
    await expectRefused(
      await answer(referralId, 'accept', other.auth),
      409,
      'conflict',
      h.store,
      before,
    );
  });
});
