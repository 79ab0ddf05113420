import { deskCaseSchema } from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeMessageEnvelope } from '../../reports/src/shared/fixtures.ts';
import { expectProblem, login, streamLength, submitReport, world, type World } from './harness.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.desk.close());

/** Hours later: the sessions have gone idle meanwhile, so both sign in again. */
async function hours(n: number) {
  w.desk.clock.now = new Date(w.desk.clock.now.getTime() + n * 3600e3);
  w.admin = await login(w.desk, w.admin);
  w.alice = await login(w.desk, w.alice);
}
const caseFile = (reportId: string) =>
  w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
const act = (reportId: string, name: string, ifMatch: string, body: unknown = {}) =>
  w.desk.call('POST', `/api/reports/${reportId}/${name}`, {
    cookie: w.alice.cookie,
    ifMatch,
    body,
  });

const aliceSays = (reportId: string, id: string) =>
  fakeMessageEnvelope(reportId, id, 'investigator', { authorKey: w.alice.keys.sign.publicKey });

const asked = (label: string) => ({
  defaultLanguage: 'en',
  questions: [{ id: 'what', kind: 'longtext', required: false, text: { en: { label } } }],
});

async function publish(version: number, label: string) {
  const channel = await w.desk.call('GET', `/api/channels/${w.channelId}`, {
    cookie: w.admin.cookie,
  });
  const r = await w.desk.call('POST', `/api/channels/${w.channelId}/questionnaire`, {
    cookie: w.admin.cookie,
    ifMatch: channel.headers.get('etag') ?? '',
    body: { version, questionnaire: asked(label) },
  });
  expect(r.status).toBe(200);
}

describe('the case file for the desk’s case page', () => {
  it('gives the questionnaire in force when the report came in, not a later one', async () => {
    const before = await submitReport(w);
    expect((await caseFile(before)).body['questionnaire']).toBeNull();
    await publish(1, 'What happened?');
    await hours(2);
    const reportId = await submitReport(w);
    await hours(2);
    await publish(2, 'Describe it again');
    const r = await caseFile(reportId);
    expect(r.body['questionnaire']).toEqual(asked('What happened?'));
    // A report from before any questionnaire gets the first one ever published.
    expect((await caseFile(before)).body['questionnaire']).toEqual(r.body['questionnaire']);
    expect(deskCaseSchema.strict().safeParse(r.body).error).toBeUndefined();
  });

  it('lists the steps with their plain fields, oldest first, and no sealed content', async () => {
    const reportId = await submitReport(w);
    expect((await act(reportId, 'acknowledge', '"0"')).status).toBe(200);
    await hours(1);
    const triage = { priority: 'high', sector: 'procurement', region: null };
    expect((await act(reportId, 'triage', '"1"', triage)).status).toBe(200);
    const assign = { investigatorId: w.bob.investigatorId };
    expect((await act(reportId, 'assign', '"2"', assign)).status).toBe(200);
    expect((await act(reportId, 'status', '"3"', { to: 'investigating' })).status).toBe(200);
    const noteId = randomUUID();
    const note = { noteId, note: aliceSays(reportId, noteId) };
    expect((await act(reportId, 'notes', '"4"', note)).status).toBe(200);
    const referral = { referral: { ciphertext: 'c2VhbGVkIGFkZHJlc3NlZQ' } };
    expect((await act(reportId, 'refer', '"5"', referral)).status).toBe(200);
    const history = (await caseFile(reportId)).body['history'] as Record<string, unknown>[];
    const alice = w.alice.investigatorId;
    expect(history.map((h) => [h['type'], h['by'], h['detail']])).toEqual([
      ['ReportSubmitted', undefined, undefined],
      ['ReportAcknowledged', alice, undefined],
      ['ReportTriaged', alice, 'high/procurement'],
      ['ReportAssigned', alice, w.bob.investigatorId],
      ['ReportStatusChanged', alice, 'investigating'],
      ['InternalNoteAdded', alice, noteId],
      ['ReportReferred', alice, undefined],
    ]);
    const times = history.map((h) => Date.parse(h['at'] as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const sealed = JSON.stringify([referral, note.note]);
    for (const piece of sealed.match(/[A-Za-z0-9_-]{16,}/g) ?? []) {
      if (piece !== noteId && piece !== reportId)
        expect(JSON.stringify(history)).not.toContain(piece);
    }
  });
});

describe('the channel’s acknowledgement text', () => {
  const setAck = async (template: unknown, cookie = w.admin.cookie) => {
    const channel = await w.desk.call('GET', `/api/channels/${w.channelId}`, {
      cookie: w.admin.cookie,
    });
    return w.desk.call('POST', `/api/channels/${w.channelId}/ack-template`, {
      cookie,
      ifMatch: channel.headers.get('etag') ?? '',
      body: { template },
    });
  };
  const channelEvents = () => streamLength(w.desk.store, `channel-${w.channelId}`);

  it('is set by an administrator and offered on every case of the channel', async () => {
    const reportId = await submitReport(w);
    expect((await caseFile(reportId)).body['ackTemplate']).toBeNull();
    const text = 'شكراً لبلاغك.\nWe have received your report.';
    expect((await setAck(`${text}\n`)).status).toBe(200);
    const last = (await w.desk.store.readStream(`channel-${w.channelId}`)).at(-1)!;
    expect(last.type).toBe('ChannelAcknowledgementTemplateSet');
    expect(last.data).toMatchObject({ template: text, by: w.admin.investigatorId });
    expect((await caseFile(reportId)).body['ackTemplate']).toBe(text);
    // Empty: the desk's default again.
    expect((await setAck('')).status).toBe(200);
    expect((await caseFile(reportId)).body['ackTemplate']).toBeNull();
  });

  it('refuses control characters, overlong text and investigators, changing nothing', async () => {
    const before = await channelEvents();
    for (const bad of ['a\u0000b', 'x'.repeat(4001), 42]) {
      const r = await setAck(bad);
      expectProblem(r, 400);
    }
    expectProblem(await setAck('Thanks', w.alice.cookie), 403);
    expect(await channelEvents()).toBe(before);
  });
});
