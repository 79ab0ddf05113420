import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeB64, fakeMessageEnvelope } from '../../reports/src/shared/fixtures.ts';
import { reportActions, type ReportActionName } from '../src/cases/routes.ts';
import { streamLength, submitReport, world, type World } from './harness.ts';

let w: World;
beforeAll(async () => {
  w = await world();
  // The channel's labels, for the label actions (created at 0, recipients published at 1).
  const defined = await w.desk.call('POST', `/api/channels/${w.channelId}/labels`, {
    cookie: w.admin.cookie,
    ifMatch: '"1"',
    body: { labels: ['fraud', 'needs legal'] },
  });
  expect(defined.status).toBe(200);
});
afterAll(() => w.desk.close());

const problem = (
  r: { status: number; headers: Headers; body: Record<string, unknown> },
  status: number,
) => {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body['status']).toBe(status);
  expect(typeof r.body['title']).toBe('string');
};

/** Alice's first message or note on a report, with the signing key her account enrolled. */
const aliceKey = () => w.alice.keys.sign.publicKey;
const aliceSays = (
  reportId: string,
  id: string,
  author: { authorKey?: string; sequence?: number } = {},
) => fakeMessageEnvelope(reportId, id, 'investigator', { authorKey: aliceKey(), ...author });

/** A valid body per action, for a report at the state `prepare` brings it to. */
const valid: Record<ReportActionName, (reportId: string) => unknown> = {
  acknowledge: () => ({}),
  triage: () => ({ priority: 'high', sector: 'procurement', region: 'Khomas' }),
  assign: () => ({ investigatorId: w.bob.investigatorId }),
  unassign: () => ({ investigatorId: w.bob.investigatorId }),
  status: () => ({ to: 'investigating' }),
  messages: (reportId) => {
    const messageId = randomUUID();
    return { messageId, envelope: aliceSays(reportId, messageId) };
  },
  notes: (reportId) => {
    const noteId = randomUUID();
    return { noteId, note: aliceSays(reportId, noteId) };
  },
  close: () => ({ outcome: 'unsubstantiated' }),
  refer: () => ({ referral: { ciphertext: fakeB64(40) } }),
  reopen: () => ({}),
  labels: () => ({ label: 'fraud' }),
  unlabel: () => ({ label: 'fraud' }),
};
const invalid: Record<ReportActionName, unknown> = {
  acknowledge: { extra: 1 },
  triage: { priority: 'whenever', sector: 'procurement', region: null },
  assign: { investigatorId: 'not-a-uuid' },
  unassign: {},
  status: { to: 'closed' },
  messages: { messageId: randomUUID(), envelope: { ciphertext: 'x' } },
  notes: { noteId: 'n', note: 'plain text' },
  close: { outcome: 'referred_elsewhere' },
  refer: {},
  reopen: { now: true },
  labels: { label: '' },
  unlabel: { label: 'x'.repeat(41) },
};
/** Actions that need earlier ones first. */
const before: Partial<Record<ReportActionName, ReportActionName[]>> = {
  status: ['acknowledge'],
  unassign: ['assign'],
  close: ['acknowledge'],
  refer: ['acknowledge'],
  reopen: ['acknowledge', 'close'],
  unlabel: ['labels'],
};

async function run(reportId: string, name: ReportActionName, ifMatch: string) {
  return w.desk.call('POST', `/api/reports/${reportId}/${name}`, {
    cookie: w.alice.cookie,
    ifMatch,
    body: valid[name](reportId),
  });
}

async function prepared(name: ReportActionName) {
  const reportId = await submitReport(w);
  let revision = 0;
  for (const step of before[name] ?? []) {
    const r = await run(reportId, step, `"${revision}"`);
    expect(r.status).toBe(200);
    revision = r.body['revision'] as number;
  }
  return { reportId, revision, stream: `report-${reportId}` };
}

describe('GET /api/reports/:reportId', () => {
  it('requires authentication', async () => {
    const reportId = await submitReport(w);
    problem(await w.desk.call('GET', `/api/reports/${reportId}`), 401);
  });
  it('is forbidden for a non-recipient, administrators included', async () => {
    const reportId = await submitReport(w);
    problem(
      await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.mallory.cookie }),
      403,
    );
    problem(await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.admin.cookie }), 403);
  });
  it('answers 404 for an unknown report and 400 for a malformed id', async () => {
    problem(
      await w.desk.call('GET', `/api/reports/${randomUUID()}`, { cookie: w.alice.cookie }),
      404,
    );
    problem(await w.desk.call('GET', `/api/reports/nope`, { cookie: w.alice.cookie }), 400);
  });
  it('returns the ciphertext with the envelope exactly as signed, and the revision as ETag', async () => {
    const reportId = await submitReport(w);
    const r = await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"0"');
    // The signature covers the whole envelope: a trimmed copy could not be verified.
    const submitted = (await w.desk.store.readStream(`report-${reportId}`)).find(
      (e) => e.type === 'ReportSubmitted',
    )!;
    expect(r.body['envelope']).toEqual((submitted.data as { envelope: unknown }).envelope);
    expect(r.body['status']).toBe('submitted');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

for (const name of Object.keys(reportActions) as ReportActionName[]) {
  describe(`POST /api/reports/:reportId/${name}`, () => {
    it('requires authentication', async () => {
      const { reportId, revision, stream } = await prepared(name);
      const r = await w.desk.call('POST', `/api/reports/${reportId}/${name}`, {
        ifMatch: `"${revision}"`,
        body: valid[name](reportId),
      });
      problem(r, 401);
      expect(await streamLength(w.desk.store, stream)).toBe(revision + 1);
    });
    it('is forbidden for a non-recipient', async () => {
      const { reportId, revision, stream } = await prepared(name);
      const r = await w.desk.call('POST', `/api/reports/${reportId}/${name}`, {
        cookie: w.mallory.cookie,
        ifMatch: `"${revision}"`,
        body: valid[name](reportId),
      });
      problem(r, 403);
      expect(await streamLength(w.desk.store, stream)).toBe(revision + 1);
    });
    it('refuses a bad body, a missing or stale If-Match, and a request without the CSRF header', async () => {
      const { reportId, revision, stream } = await prepared(name);
      const path = `/api/reports/${reportId}/${name}`;
      const cookie = w.alice.cookie;
      problem(
        await w.desk.call('POST', path, { cookie, ifMatch: `"${revision}"`, body: invalid[name] }),
        400,
      );
      problem(
        await w.desk.call('POST', path, { cookie, ifMatch: `"${revision}"`, body: '{"broken' }),
        400,
      );
      problem(await w.desk.call('POST', path, { cookie, body: valid[name](reportId) }), 428);
      problem(
        await w.desk.call('POST', path, {
          cookie,
          ifMatch: `"${revision + 5}"`,
          body: valid[name](reportId),
        }),
        412,
      );
      problem(
        await w.desk.call('POST', path, {
          cookie,
          ifMatch: `"${revision}"`,
          body: valid[name](reportId),
          csrf: false,
        }),
        403,
      );
      expect(await streamLength(w.desk.store, stream)).toBe(revision + 1);
    });
    it('appends the event with the acting investigator and returns the new revision', async () => {
      const { reportId, revision, stream } = await prepared(name);
      const r = await run(reportId, name, `"${revision}"`);
      expect(r.status).toBe(200);
      expect(r.body['revision']).toBe(revision + 1);
      expect(r.headers.get('etag')).toBe(`"${revision + 1}"`);
      const events = await w.desk.store.readStream(stream);
      expect(events.length).toBe(revision + 2);
      const data = events.at(-1)?.data as Record<string, unknown>;
      expect(data['by'] ?? data['investigatorId']).toBe(w.alice.investigatorId);
    });
  });
}

describe('report rules over HTTP', () => {
  it('answers 409 for an illegal transition and changes nothing', async () => {
    const reportId = await submitReport(w);
    const r = await w.desk.call('POST', `/api/reports/${reportId}/close`, {
      cookie: w.alice.cookie,
      ifMatch: '"0"',
      body: { outcome: 'substantiated' },
    });
    problem(r, 409);
    expect(await streamLength(w.desk.store, `report-${reportId}`)).toBe(1);
  });
  it('refuses to assign someone who is not a recipient of the channel', async () => {
    const reportId = await submitReport(w);
    const r = await w.desk.call('POST', `/api/reports/${reportId}/assign`, {
      cookie: w.alice.cookie,
      ifMatch: '"0"',
      body: { investigatorId: w.mallory.investigatorId },
    });
    problem(r, 409);
    expect(await streamLength(w.desk.store, `report-${reportId}`)).toBe(1);
  });
  for (const [thread, field] of [
    ['messages', 'envelope'],
    ['notes', 'note'],
  ] as const) {
    const idField = thread === 'messages' ? 'messageId' : 'noteId';
    const post = (reportId: string, revision: number, envelope: { messageId: string }) =>
      w.desk.call('POST', `/api/reports/${reportId}/${thread}`, {
        cookie: w.alice.cookie,
        ifMatch: `"${revision}"`,
        body: { [idField]: envelope.messageId, [field]: envelope },
      });

    it(`refuses ${thread} not signed with the caller's enrolled key (422), appending nothing`, async () => {
      const reportId = await submitReport(w);
      const stream = `report-${reportId}`;
      const id = randomUUID();
      const forged = aliceSays(reportId, id, { authorKey: fakeB64(32, 'sign:the server') });
      problem(await post(reportId, 0, forged), 422);
      // A message claiming to be the whistleblower's, with the receipt's key, is refused too.
      const receiptKey = fakeMessageEnvelope(reportId, id, 'whistleblower');
      problem(await post(reportId, 0, receiptKey), 422);
      expect(await streamLength(w.desk.store, stream)).toBe(1);
    });

    it(`refuses ${thread} whose sequence is not the caller's next (409), appending nothing`, async () => {
      const reportId = await submitReport(w);
      const stream = `report-${reportId}`;
      problem(await post(reportId, 0, aliceSays(reportId, randomUUID(), { sequence: 1 })), 409);
      expect((await post(reportId, 0, aliceSays(reportId, randomUUID()))).status).toBe(200);
      problem(await post(reportId, 1, aliceSays(reportId, randomUUID())), 409);
      problem(await post(reportId, 1, aliceSays(reportId, randomUUID(), { sequence: 2 })), 409);
      expect(await streamLength(w.desk.store, stream)).toBe(2);
      const next = aliceSays(reportId, randomUUID(), { sequence: 1 });
      expect((await post(reportId, 1, next)).status).toBe(200);
    });

    it(`refuses ${thread} bound to another report or id (400)`, async () => {
      const reportId = await submitReport(w);
      const other = aliceSays(randomUUID(), randomUUID());
      problem(await post(reportId, 0, other), 400);
      const r = await w.desk.call('POST', `/api/reports/${reportId}/${thread}`, {
        cookie: w.alice.cookie,
        ifMatch: '"0"',
        body: { [idField]: randomUUID(), [field]: aliceSays(reportId, randomUUID()) },
      });
      problem(r, 400);
      expect(await streamLength(w.desk.store, `report-${reportId}`)).toBe(1);
    });
  }
});
