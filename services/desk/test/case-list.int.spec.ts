import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  signedList,
  streamLength,
  submitReport,
  world,
  type World,
} from './harness.ts';

let w: World;
let otherChannel: string;
const ids: string[] = [];
let foreign: string;

const list = (query: string, cookie = w.alice.cookie) =>
  w.desk.call('GET', `/api/cases${query}`, { cookie });
const listed = (r: { body: Record<string, unknown> }) =>
  (r.body['items'] as { reportId: string }[]).map((i) => i.reportId);

/** A report of `channelId` (not alice's when it is the other channel). */
async function submitTo(channelId: string) {
  return submitReport({ ...w, channelId });
}

/** Receipt times are whole hours: an hour passes, with every session kept alive. */
async function passAnHour() {
  for (let i = 0; i < 3; i++) {
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 20 * 60_000);
    for (const a of [w.admin, w.alice, w.bob, w.mallory]) await list('', a.cookie);
  }
}

beforeAll(async () => {
  w = await world();
  // A second channel whose only recipient is mallory.
  const ch = await w.desk.call('POST', '/api/channels', {
    cookie: w.admin.cookie,
    body: { name: 'Police watch' },
  });
  otherChannel = ch.body['channelId'] as string;
  const pub = await w.desk.call('POST', `/api/channels/${otherChannel}/recipients`, {
    cookie: w.admin.cookie,
    ifMatch: '"0"',
    body: { recipientList: signedList(w.desk, otherChannel, 1, [w.mallory]) },
  });
  expect(pub.status).toBe(200);
  for (let i = 0; i < 4; i++) {
    ids.push(await submitReport(w));
    await passAnHour();
  }
  foreign = await submitTo(otherChannel);
  const act = (reportId: string, path: string, body: unknown, revision: number) =>
    w.desk.call('POST', `/api/reports/${reportId}/${path}`, {
      cookie: w.alice.cookie,
      ifMatch: `"${revision}"`,
      body,
    });
  // ids[0]: acknowledged, urgent mining in Khomas, assigned to bob; ids[1]: acknowledged,
  // low procurement; ids[2], ids[3]: untouched (inbox).
  expect((await act(ids[0] as string, 'acknowledge', {}, 0)).status).toBe(200);
  expect(
    (
      await act(
        ids[0] as string,
        'triage',
        { priority: 'urgent', sector: 'mining', region: 'Khomas' },
        1,
      )
    ).status,
  ).toBe(200);
  expect(
    (await act(ids[0] as string, 'assign', { investigatorId: w.bob.investigatorId }, 2)).status,
  ).toBe(200);
  expect((await act(ids[1] as string, 'acknowledge', {}, 0)).status).toBe(200);
  expect(
    (
      await act(
        ids[1] as string,
        'triage',
        { priority: 'low', sector: 'procurement', region: null },
        1,
      )
    ).status,
  ).toBe(200);
  await w.desk.settle();
});
afterAll(() => w.desk.close());

describe('GET /api/cases', () => {
  it("lists every case of the caller's channels, newest first, and never another channel's", async () => {
    const r = await list('');
    expect(r.status).toBe(200);
    expect(listed(r)).toEqual([...ids].reverse());
    expect(r.body['total']).toBe(4);
    expect(listed(await list('', w.mallory.cookie))).toEqual([foreign]);
    // Even asked for by a search that matches it exactly.
    expect(listed(await list(`?q=${foreign}`))).toEqual([]);
    expect((await list(`?q=${foreign}`, w.mallory.cookie)).body['total']).toBe(1);
  });

  it('filters by priority, sector, region, assignee and status, and sorts', async () => {
    expect(listed(await list('?priority=urgent,low&sort=priority&dir=desc'))).toEqual([
      ids[0],
      ids[1],
    ]);
    expect(listed(await list('?priority=none'))).toEqual([ids[3], ids[2]]);
    expect(listed(await list('?sector=mining'))).toEqual([ids[0]]);
    expect(listed(await list('?region=Khomas'))).toEqual([ids[0]]);
    expect(listed(await list(`?assignee=${w.bob.investigatorId}`))).toEqual([ids[0]]);
    expect(listed(await list('?assignee=me', w.bob.cookie))).toEqual([ids[0]]);
    expect(listed(await list('?status=submitted&sort=received&dir=asc'))).toEqual([ids[2], ids[3]]);
    expect(listed(await list('?q=khomas'))).toEqual([ids[0]]);
  });

  it('saved views are the queues, counted without a cap, and pages keep the total', async () => {
    const inbox = await list('?view=inbox');
    expect(listed(inbox)).toEqual([ids[2], ids[3]]);
    const queue = await w.desk.call('GET', '/api/queues/inbox', { cookie: w.alice.cookie });
    expect(listed(inbox)).toEqual(listed(queue));
    expect(inbox.body['counts']).toMatchObject({ inbox: 2, needs_triage: 2, mine: 0, closed: 0 });
    const page = await list('?limit=1&offset=1&sort=received&dir=asc');
    expect(listed(page)).toEqual([ids[1]]);
    expect(page.body['total']).toBe(4);
  });

  it("finds cases by the channel's labels, refuses a label the channel does not define", async () => {
    const defined = await w.desk.call('POST', `/api/channels/${w.channelId}/labels`, {
      cookie: w.admin.cookie,
      ifMatch: '"1"',
      body: { labels: ['fraud', 'needs legal'] },
    });
    expect(defined.status).toBe(200);
    const stream = `report-${ids[1]}`;
    const length = await streamLength(w.desk.store, stream);
    const label = (label: string) =>
      w.desk.call('POST', `/api/reports/${ids[1]}/labels`, {
        cookie: w.alice.cookie,
        ifMatch: `"${length - 1}"`,
        body: { label },
      });
    expectProblem(await label('bribery'), 422);
    expect(await streamLength(w.desk.store, stream)).toBe(length);
    expect((await label('needs legal')).status).toBe(200);
    await w.desk.settle();
    expect(listed(await list('?label=needs%20legal'))).toEqual([ids[1]]);
    expect(listed(await list('?q=LEGAL'))).toEqual([ids[1]]);
    expect(listed(await list('?label=fraud'))).toEqual([]);
    const [attached] = (await w.desk.store.readStream(stream)).slice(-1);
    expect(attached).toMatchObject({
      type: 'ReportLabelAttached',
      data: { label: 'needs legal', by: w.alice.investigatorId },
    });
  });

  it('answers a bad query with problem JSON', async () => {
    for (const q of [
      '?priority=whenever',
      '?sort=secret',
      '?limit=0',
      '?offset=-1',
      '?assignee=not-an-id',
      '?colour=red',
      `?region=${'x'.repeat(65)}`,
    ])
      expectProblem(await list(q), 400);
    expectProblem(await w.desk.call('GET', '/api/cases'), 401);
  });

  it('shows a new submission at once', async () => {
    await passAnHour();
    const id = await submitReport(w);
    expect(listed(await list('?view=inbox&sort=received&dir=desc'))[0]).toBe(id);
  });
});
