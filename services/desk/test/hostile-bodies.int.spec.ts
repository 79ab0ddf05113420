/**
 * Bad input the desk once answered with 500 (issue 13, finding 1): it must be a 400 problem and
 * change nothing.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectProblem, streamLength, submitReport, worldForSuite } from './harness.ts';

const w = worldForSuite();

/** `{"a":{"a":...}}` and `[[...]]`, `depth` levels deep: valid JSON, far deeper than any schema. */
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const nestedArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('deeply nested JSON', () => {
  it('answers 400 on notes, questionnaires and sign-in, and writes nothing', async () => {
    const reportId = await submitReport(w);
    const report = `report-${reportId}`;
    const channel = `channel-${w.channelId}`;
    const before = [
      await streamLength(w.desk.store, report),
      await streamLength(w.desk.store, channel),
    ];
    for (const deep of [nestedObject(10_000), nestedArray(10_000), nestedObject(200)]) {
      const note = `{"noteId":"${randomUUID()}","note":${deep}}`;
      expectProblem(
        await w.desk.call('POST', `/api/reports/${reportId}/notes`, {
          cookie: w.alice.cookie,
          ifMatch: '"0"',
          body: note,
        }),
        400,
      );
      expectProblem(
        await w.desk.call('POST', `/api/channels/${w.channelId}/questionnaire`, {
          cookie: w.admin.cookie,
          ifMatch: '"1"',
          body: `{"version":1,"questionnaire":${deep}}`,
        }),
        400,
      );
      expectProblem(await w.desk.call('POST', '/api/session', { body: deep }), 400);
    }
    expect([
      await streamLength(w.desk.store, report),
      await streamLength(w.desk.store, channel),
    ]).toEqual(before);
    expect(w.desk.logs.filter((l) => l.includes('unexpected'))).toEqual([]);
  });

  it('still takes a body of ordinary depth', async () => {
    const reportId = await submitReport(w);
    const call = (name: string, ifMatch: string, body: unknown) =>
      w.desk.call('POST', `/api/reports/${reportId}/${name}`, {
        cookie: w.alice.cookie,
        ifMatch,
        body,
      });
    expect((await call('acknowledge', '"0"', {})).status).toBe(200);
    const referral = { ciphertext: 'AAAA', meta: { a: [{ b: [{ c: [1] }] }] } };
    expect((await call('refer', '"1"', { referral })).status).toBe(200);
  });
});

describe('the audit log query', () => {
  it('answers 400 to a `before` beyond any position, and pages with a real one', async () => {
    for (const before of ['99999999999999999999999999999', '-1', '1e3', 'x', ''])
      expectProblem(
        await w.desk.call('GET', `/api/audit?before=${before}`, { cookie: w.admin.cookie }),
        400,
      );
    const page = await w.desk.call('GET', '/api/audit?limit=2', { cookie: w.admin.cookie });
    expect(page.status).toBe(200);
    const items = page.body['items'] as { position: string }[];
    expect(items).toHaveLength(2);
    const next = await w.desk.call('GET', `/api/audit?before=${items[1]!.position}&limit=1`, {
      cookie: w.admin.cookie,
    });
    expect((next.body['items'] as { position: string }[])[0]!.position).not.toBe(
      items[1]!.position,
    );
  });
});
