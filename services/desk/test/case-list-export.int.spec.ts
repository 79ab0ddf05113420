/**
 * The case list CSV export is an audited event (issue 15): the page builds the CSV in the
 * browser and asks `POST /api/cases/exports` first; the desk writes `CaseListExported` (who, when,
 * how many rows, the filter as plain fields) on the caller's `exports-<id>` stream, shown in the
 * audit log. Refusals are problems and write nothing; the search text, which an investigator may
 * fill with a name, never reaches a file or a log. Real HTTP server on a loopback port, real
 * SQLite event store and read-model files.
 */
import type { EventStore } from '@integrity-desk/eventstore';
import { accessStream, exportsStream } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport, type World } from './harness.ts';
import { deskOnDisk, type DeskOnDisk } from './deployment-on-disk.ts';

const CANARY = `canary-${randomUUID()}`;
let disk: DeskOnDisk;
let dir: string;
let store: EventStore;
let w: World;
let reports: string[];
beforeAll(async () => {
  disk = await deskOnDisk('idesk-csv-');
  ({ dir, store, w } = disk);
  reports = [await submitReport(w), await submitReport(w)];
}, 60_000);
afterAll(() => disk?.close());

const exportList = (cookie: string | undefined, body: unknown, headers = {}) =>
  w.desk.call('POST', '/api/cases/exports', { ...(cookie && { cookie }), body, headers });
const exportsOf = async (investigatorId: string) =>
  (await store.readAll())
    .filter((e) => e.streamId === exportsStream(investigatorId))
    .map((e) => ({ type: e.type, data: e.data }));
const hour = () =>
  new Date(w.desk.clock.now.getTime() - (w.desk.clock.now.getTime() % 3_600_000)).toISOString();

describe('exporting the case list', () => {
  it('is one CaseListExported per export on the caller’s exports stream, in the audit log', async () => {
    const revisions = await Promise.all(
      reports.map(async (r) => (await store.readStream(`report-${r}`)).length),
    );
    const filter = {
      status: 'submitted,acknowledged',
      reminder: 'overdue',
      sort: 'received',
      dir: 'asc',
      q: CANARY,
    };
    expect((await exportList(w.alice.cookie, { filter, rows: 2 })).status).toBe(204);
    expect((await exportList(w.alice.cookie, { filter: {}, rows: 0 })).status).toBe(204);
    expect((await exportList(w.bob.cookie, { filter: { view: 'inbox' }, rows: 2 })).status).toBe(
      204,
    );
    const investigatorId = w.alice.investigatorId;
    expect(await exportsOf(investigatorId)).toEqual([
      {
        type: 'CaseListExported',
        data: {
          investigatorId,
          rows: 2,
          // The search is kept as "there was one", never its text.
          filter: {
            status: ['submitted', 'acknowledged'],
            reminder: 'overdue',
            searched: true,
            sort: 'received',
            dir: 'asc',
          },
          hour: hour(),
        },
      },
      {
        type: 'CaseListExported',
        data: { investigatorId, rows: 0, filter: { searched: false }, hour: hour() },
      },
    ]);
    expect((await exportsOf(w.bob.investigatorId)).map((e) => e.data)).toEqual([
      {
        investigatorId: w.bob.investigatorId,
        rows: 2,
        filter: { view: 'inbox', searched: false },
        hour: hour(),
      },
    ]);
    // Who and when, in the administrators' audit log.
    await w.desk.settle();
    const audit = await w.desk.call('GET', '/api/audit?limit=500', { cookie: w.admin.cookie });
    expect(audit.status).toBe(200);
    const entries = (
      audit.body['items'] as { streamId: string; type: string; actor: string; at: string }[]
    ).filter((e) => e.type === 'CaseListExported');
    expect(entries.map((e) => [e.streamId, e.actor]).reverse()).toEqual([
      [exportsStream(investigatorId), investigatorId],
      [exportsStream(investigatorId), investigatorId],
      [exportsStream(w.bob.investigatorId), w.bob.investigatorId],
    ]);
    for (const e of entries) expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    // No report moved: their revisions (If-Match) and access streams are as they were.
    for (const [i, r] of reports.entries()) {
      expect((await store.readStream(`report-${r}`)).length).toBe(revisions[i]);
      expect((await store.readAll()).some((e) => e.streamId === accessStream(r))).toBe(false);
    }
  });

  it('is refused without a session, without the CSRF header, from another origin, or with a bad body: a problem, nothing written', async () => {
    const before = (await store.readAll()).length;
    const good = { filter: {}, rows: 1 };
    const attempts: [string, number, Awaited<ReturnType<typeof exportList>>][] = [
      ['signed out', 401, await exportList(undefined, good)],
      [
        'no CSRF header',
        403,
        await w.desk.call('POST', '/api/cases/exports', {
          cookie: w.alice.cookie,
          body: good,
          csrf: false,
        }),
      ],
      [
        'foreign origin',
        403,
        await exportList(w.alice.cookie, good, { origin: 'https://evil.example' }),
      ],
      ['the CSV itself', 400, await exportList(w.alice.cookie, { ...good, csv: CANARY })],
      ['no rows', 400, await exportList(w.alice.cookie, { filter: {} })],
      ['negative rows', 400, await exportList(w.alice.cookie, { filter: {}, rows: -1 })],
      ['fractional rows', 400, await exportList(w.alice.cookie, { filter: {}, rows: 1.5 })],
      [
        'unknown status',
        400,
        await exportList(w.alice.cookie, { filter: { status: CANARY }, rows: 1 }),
      ],
      [
        'unknown filter',
        400,
        await exportList(w.alice.cookie, { filter: { who: CANARY }, rows: 1 }),
      ],
      ['a page', 400, await exportList(w.alice.cookie, { filter: { offset: '50' }, rows: 1 })],
      [
        'search too long',
        400,
        await exportList(w.alice.cookie, { filter: { q: `${CANARY}`.repeat(4) }, rows: 1 }),
      ],
    ];
    for (const [what, status, r] of attempts) {
      expect(r.status, what).toBe(status);
      expect(r.headers.get('content-type'), what).toContain('application/problem+json');
      expect(JSON.stringify(r.body), what).not.toContain(CANARY);
    }
    await w.desk.settle();
    expect((await store.readAll()).length).toBe(before);
  });

  it('canary: neither the search text nor a refused body reaches the event file, read models or logs', async () => {
    await w.desk.settle();
    const files = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['events.sqlite', 'read-models.sqlite']),
    );
    // The canary can fail: the export with it was accepted and written, and the files hold it.
    expect(files.some((f) => f.bytes.includes('CaseListExported'))).toBe(true);
    expect(files.some((f) => f.bytes.includes(exportsStream(w.alice.investigatorId)))).toBe(true);
    for (const f of files) expect(f.bytes.includes(CANARY), f.name).toBe(false);
    expect(w.desk.logs.join('\n')).not.toContain(CANARY);
  });
});
