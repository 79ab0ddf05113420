/**
 * Opening a case and downloading evidence leave a trace (issue 13, finding 7): SECURITY.md
 * (Insiders) says the audit log records who opened a case. One event per investigator, report
 * (and evidence file) and hour, on the report's access stream, shown in the audit log; a refresh
 * within the hour writes nothing more.
 */
import { accessStream } from '@integrity-desk/reports';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../../intake/src/evidence/memory-blob-store.ts';
import { addEvidence, submitReport, world, type World } from './harness.ts';

const blobStore = createMemoryBlobStore();
let w: World;
beforeAll(async () => {
  w = await world({ blobStore });
});
afterAll(() => w.desk.close());

const accessEvents = async (reportId: string) => {
  try {
    return (await w.desk.store.readStream(accessStream(reportId))).map((e) => ({
      type: e.type,
      data: e.data,
    }));
  } catch {
    return [];
  }
};
const audit = async (reportId: string) => {
  await w.desk.settle();
  const r = await w.desk.call('GET', '/api/audit?limit=500', { cookie: w.admin.cookie });
  return (
    r.body['items'] as { streamId: string; type: string; actor: string; at: string }[]
  ).filter((e) => e.streamId === accessStream(reportId));
};

/** An hour later, in steps shorter than the session idle time, with every session in use. */
async function passAnHour() {
  for (let i = 0; i < 3; i++) {
    w.desk.clock.now = new Date(w.desk.clock.now.getTime() + 20 * 60_000);
    for (const a of [w.admin, w.alice, w.bob, w.mallory])
      expect((await w.desk.call('GET', '/api/session', { cookie: a.cookie })).status).toBe(200);
  }
}

describe('opening a case', () => {
  it('is one CaseOpened per investigator and hour, however often the page is refreshed', async () => {
    const reportId = await submitReport(w);
    for (let i = 0; i < 5; i++)
      expect(
        (await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie })).status,
      ).toBe(200);
    expect(
      (await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.bob.cookie })).status,
    ).toBe(200);
    // Someone who may not read it leaves no access record (their refusal is not a read).
    expect(
      (await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.mallory.cookie })).status,
    ).toBe(403);
    const hour = '2026-05-04T08:00:00.000Z';
    expect(await accessEvents(reportId)).toEqual([
      { type: 'CaseOpened', data: { reportId, investigatorId: w.alice.investigatorId, hour } },
      { type: 'CaseOpened', data: { reportId, investigatorId: w.bob.investigatorId, hour } },
    ]);
    // The next hour, a new one.
    await passAnHour();
    await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
    expect(await accessEvents(reportId)).toHaveLength(3);

    // In the audit log: who, which report's stream, when (as coarse as every audit time).
    const entries = await audit(reportId);
    expect(entries.map((e) => [e.type, e.actor])).toEqual([
      ['CaseOpened', w.alice.investigatorId],
      ['CaseOpened', w.bob.investigatorId],
      ['CaseOpened', w.alice.investigatorId],
    ]);
    // A read does not move the report's revision: the ETag an investigator holds stays valid.
    const etag = (
      await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.bob.cookie })
    ).headers.get('etag')!;
    await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
    const ack = await w.desk.call('POST', `/api/reports/${reportId}/acknowledge`, {
      cookie: w.bob.cookie,
      ifMatch: etag,
      body: {},
    });
    expect(ack.status).toBe(200);
  });

  it('is recorded by a second desk process (or after a restart) once per hour too', async () => {
    const reportId = await submitReport(w);
    await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
    // The same read again, appended by a process that does not remember it: the store keeps one.
    const [first] = await w.desk.store.readStream(accessStream(reportId));
    await w.desk.store.append(
      accessStream(reportId),
      [{ id: first!.id, type: first!.type, data: first!.data }],
      { expectedRevision: 'any' },
    );
    expect(await accessEvents(reportId)).toHaveLength(1);
  });
});

describe('downloading evidence', () => {
  it('is one EvidenceDownloaded per investigator, file and hour', async () => {
    const reportId = await submitReport(w);
    const ciphertext = new Uint8Array(randomBytes(1000));
    await blobStore.begin(`up-${reportId}`, {
      size: ciphertext.length,
      owner: reportId,
      note: 'h',
    });
    await blobStore.write(`up-${reportId}`, 0, ciphertext);
    const { blobId } = await blobStore.complete(`up-${reportId}`);
    const evidenceId = await addEvidence(w, reportId, blobId, ciphertext.length);
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${w.desk.base}/api/reports/${reportId}/evidence/${evidenceId}`, {
        headers: { cookie: w.alice.cookie },
      });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
    const hour = new Date(w.desk.clock.now.getTime() - (w.desk.clock.now.getTime() % 3_600_000));
    expect(await accessEvents(reportId)).toEqual([
      {
        type: 'EvidenceDownloaded',
        data: {
          reportId,
          investigatorId: w.alice.investigatorId,
          evidenceId,
          hour: hour.toISOString(),
        },
      },
    ]);
    expect((await audit(reportId)).map((e) => [e.type, e.actor])).toEqual([
      ['EvidenceDownloaded', w.alice.investigatorId],
    ]);
  });
});

describe('exporting the case file', () => {
  it('is one CaseFileExported per export, recorded before the answer; refusals record nothing', async () => {
    const reportId = await submitReport(w);
    const exportCase = (cookie: string, body: unknown = {}) =>
      w.desk.call('POST', `/api/reports/${reportId}/exports`, { cookie, body });
    expect((await exportCase(w.alice.cookie)).status).toBe(204);
    expect((await exportCase(w.alice.cookie)).status).toBe(204);
    // Not a recipient, or a body the endpoint does not take: refused, and nothing recorded.
    expect((await exportCase(w.mallory.cookie)).status).toBe(403);
    const bad = await exportCase(w.alice.cookie, { pdf: 'the case in plain text' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const hour = new Date(w.desk.clock.now.getTime() - (w.desk.clock.now.getTime() % 3_600_000));
    const exported = {
      type: 'CaseFileExported',
      data: { reportId, investigatorId: w.alice.investigatorId, hour: hour.toISOString() },
    };
    // Every export is its own event (a second copy of the case is a second record).
    expect((await accessEvents(reportId)).filter((e) => e.type !== 'CaseOpened')).toEqual([
      exported,
      exported,
    ]);
    expect(
      (await audit(reportId)).filter((e) => e.type === 'CaseFileExported').map((e) => e.actor),
    ).toEqual([w.alice.investigatorId, w.alice.investigatorId]);
  });
});
