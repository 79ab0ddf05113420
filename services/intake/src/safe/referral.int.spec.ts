// Referrals on the no-JavaScript pages (SECURITY.md, Protocol step 11 and "The no-JavaScript
// path"), on the real HTTP server: the case page shows a proposal with the target's name and its
// reason (opened in the request as messages are) and agree/decline forms; agreeing makes the
// server seal the report key to the target's verified list, signed with the receipt's key, which
// the target's investigator opens; declining shares nothing; a proposal whose reason does not
// verify cannot be answered, and a bad answer is an HTML page that changes nothing.
import {
  generateSigningKeyPair,
  openSharedReport,
  type ReportKeyShare,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { manualTimers, snapshot, testBackend } from '../test-support/harness.ts';
import * as safeHarness from '../test-support/safe-harness.ts';

const { formClient, receiptOf, safeChannelId } = safeHarness;
type SafeIntake = safeHarness.SafeIntake;

const start = safeHarness.safeIntakeEachTest();
const REASON = 'The union represents the drivers named here.';

/** A report sent through the forms, and a referral of it to a second channel, asking consent. */
async function proposed(
  s: SafeIntake,
  signer?: { seed: Uint8Array; publicKey: string },
  reason = REASON,
) {
  const union = s.addChannel('Transport union');
  const c = formClient(s.h);
  const { token } = await c.get(`/safe/report/${safeChannelId}`);
  const form = new FormData();
  form.set('form', token!);
  form.set('q-what', 'Shifts paid but never driven.');
  form.set('q-where', 'City transport');
  const sent = await c.post(`/safe/report/${safeChannelId}`, form);
  const [report] = await s.reports();
  const referralId = await s.proposeReferral(report!, union.id, reason, signer);
  const reportId = report!.envelope.reportId;
  const receipt = receiptOf(sent.text)!;
  const answer = async (fields: Record<string, string>) => {
    const back = await c.get('/safe/return');
    return c.post('/safe/case', new URLSearchParams({ form: back.token!, receipt, ...fields }));
  };
  return { union, report: report!, reportId, referralId, answer, receipt };
}

const types = async (s: SafeIntake, reportId: string) =>
  (await s.h.store.readStream(`report-${reportId}`)).map((e) => e.type);

describe('referrals without JavaScript', () => {
  it('shows the proposal and its reason; agreeing seals the key to the target, who opens it', async () => {
    const s = await start();
    const { union, report, reportId, referralId, answer } = await proposed(s);
    const page = await answer({});
    expect(page.res.status).toBe(200);
    expect(page.text).toContain('to pass your report to Transport union');
    expect(page.text).toContain(`data-testid="referral-reason">${REASON}<`);
    expect(page.text).toContain(`name="referral" value="${referralId}"`);
    expect(page.text).toMatch(/name="answer" value="accept"/);
    // Nothing in the log for the union until the whistleblower agrees.
    expect(JSON.stringify((await s.h.store.readAll()).map((e) => e.data))).not.toContain(
      union.investigator.recipientId,
    );

    const agreed = await answer({ referral: referralId, answer: 'accept' });
    expect(agreed.res.status).toBe(200);
    expect(agreed.text).toContain('Your report was passed to Transport union with your agreement.');
    expect(agreed.text).not.toMatch(/name="answer"/);
    expect(await types(s, reportId)).toEqual([
      'ReportSubmitted',
      'ReferralProposed',
      'ReferralAccepted',
    ]);
    const accepted = (await s.h.store.readStream(`report-${reportId}`))[2]!;
    const shares = (accepted.data as { shares: ReportKeyShare[] }).shares;
    expect(shares.map((x) => [x.recipientId, x.sharedBy])).toEqual([
      [union.investigator.recipientId, reportId],
    ]);
    // The union's investigator opens it: the share checked against the envelope's own key.
    const b = await testBackend();
    const opened = openSharedReport(b, report.envelope, shares[0], {
      recipientId: union.investigator.recipientId,
      boxPublicKey: union.investigator.box.publicKey,
      boxSecretKey: union.investigator.box.secretKey,
      sharers: [],
    });
    expect(opened.answers).toEqual(report.answers);
    // Sending the same answer again is the same success and writes nothing.
    expect((await answer({ referral: referralId, answer: 'accept' })).res.status).toBe(200);
    expect(await types(s, reportId)).toHaveLength(3);
  }, 30_000);

  it('declining shares nothing with the target', async () => {
    const s = await start();
    const { union, reportId, referralId, answer } = await proposed(s);
    const declined = await answer({ referral: referralId, answer: 'decline' });
    expect(declined.res.status).toBe(200);
    expect(declined.text).toContain('You declined to pass your report to Transport union.');
    expect(await types(s, reportId)).toEqual([
      'ReportSubmitted',
      'ReferralProposed',
      'ReferralDeclined',
    ]);
    expect(JSON.stringify((await s.h.store.readAll()).map((e) => e.data))).not.toContain(
      union.investigator.recipientId,
    );
  }, 30_000);

  it('refuses to answer a proposal whose reason does not verify, and malformed answers', async () => {
    const s = await start();
    const b = await testBackend();
    // Signed by a key that is not in the source channel's list (as only a server could write it).
    const { referralId, answer } = await proposed(s, generateSigningKeyPair(b));
    const page = await answer({});
    expect(page.text).toContain('This proposal could not be verified');
    expect(page.text).not.toContain(REASON);
    expect(page.text).not.toMatch(/name="answer"/);
    const before = await snapshot(s.h.store);
    const refused = async (fields: Record<string, string>, status: number) => {
      const r = await answer(fields);
      expect(r.res.status).toBe(status);
      expect(r.res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.text).toContain('Nothing was saved');
      expect(await snapshot(s.h.store)).toBe(before);
    };
    await refused({ referral: referralId, answer: 'accept' }, 409);
    await refused({ referral: randomUUID(), answer: 'decline' }, 409);
    await refused({ referral: 'not an id', answer: 'accept' }, 400);
    await refused({ referral: referralId, answer: 'maybe' }, 400);
    await refused({ referral: referralId, answer: 'accept', reply: 'and a reply' }, 400);
  }, 30_000);

  it('the reason and the receipt appear nowhere but the page: not in logs, events or error pages', async () => {
    const timers = manualTimers();
    const s = await start({ deps: { timers } });
    const canary = `CANARYREASON${randomUUID().replaceAll('-', '')}`;
    const { referralId, answer, receipt } = await proposed(s, undefined, canary);
    const page = await answer({});
    expect(page.text).toContain(canary);
    const errors: string[] = [];
    const hostile: Record<string, string>[] = [
      { referral: 'not an id', answer: 'accept' },
      { referral: referralId, answer: 'maybe' },
      { referral: randomUUID(), answer: 'decline' },
      { referral: referralId, answer: 'accept', reply: canary },
    ];
    for (const fields of hostile) {
      const r = await answer(fields);
      expect(r.res.status).toBeGreaterThanOrEqual(400);
      errors.push(r.text);
    }
    expect((await answer({ referral: referralId, answer: 'accept' })).res.status).toBe(200);
    // The hour turns: the request counters are written.
    await timers.fire();
    const logs = s.h.logs.join('');
    expect(logs).toContain('"route":"/safe/case"');
    const stored = await snapshot(s.h.store);
    const compact = receipt.replaceAll('-', '');
    for (const [where, text] of [
      ['logs', logs],
      ['events', stored],
      ['errors', errors.join('')],
    ] as const)
      for (const needle of [canary, receipt, compact])
        expect({ where, found: text.includes(needle) }).toEqual({ where, found: false });
  }, 30_000);
});
