/**
 * Retention purge end to end on the real parts: the SQLite event store and read models in files,
 * intake's filesystem blob store, intake and desk on loopback ports, and a whistleblower with the
 * real protocol (sealed report, evidence, message, receipt session). After the purge, the bytes of
 * the report's ciphertext, evidence and locator are grepped for in every file of the data
 * directory (database, WAL, blobs, uploads).
 */
import { StreamDeletedError, type EventStore } from '@integrity-desk/eventstore';
import { accessStream, purgeStream } from '@integrity-desk/reports';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginUpload,
  makeReceipt,
  openSession,
  postJson,
  snapshot,
  solvedPow,
  submit,
  type Harness,
  type Receipt,
} from '../../intake/src/test-support/harness.ts';
import { deploymentOnDisk, type DeploymentOnDisk } from './deployment-on-disk.ts';
import type { World } from './harness.ts';

let deployment: DeploymentOnDisk;
let dir: string;
let store: EventStore;
let w: World;
let intake: Harness;
let wb: Receipt;
let reportId: string;
let openReportId: string;
let token: string;
/** Pieces of what the whistleblower sent, as the server stores them: none may survive. */
const canaries: { name: string; bytes: Buffer }[] = [];

/** Every regular file under `root`, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile());
}

/** Which canaries occur in which files of the data directory (database, WAL, blobs). */
function occurrences(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const c of canaries)
      if (bytes.includes(c.bytes)) found.push(`${c.name} in ${file.slice(dir.length + 1)}`);
  }
  return found;
}

const auth = () => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  deployment = await deploymentOnDisk('desk-purge-', { erasable: true });
  ({ dir, store, w, intake } = deployment);
  // Alice becomes an administrator: the one who may purge her channel's reports.
  const account = await w.desk.call('GET', `/api/investigators/${w.alice.investigatorId}`, {
    cookie: w.admin.cookie,
  });
  const promoted = await w.desk.call('POST', `/api/investigators/${w.alice.investigatorId}/role`, {
    cookie: w.admin.cookie,
    ifMatch: account.headers.get('etag') ?? '',
    body: { role: 'administrator' },
  });
  expect(promoted.status).toBe(200);

  wb = await makeReceipt();
  const envelope = wb.seal('the minister took a bribe', randomUUID(), 1, w.channelId);
  reportId = envelope.reportId;
  expect((await submit(intake.url, envelope)).status).toBe(201);
  const other = (await makeReceipt()).seal('another report', randomUUID(), 1, w.channelId);
  openReportId = other.reportId;
  expect((await submit(intake.url, other)).status).toBe(201);

  token = await openSession(intake.url, wb);
  const messageId = randomUUID();
  const message = { messageId, envelope: wb.message(reportId, 'more details', messageId) };
  expect((await postJson(`${intake.url}/api/v1/case/messages`, message, auth())).status).toBe(201);
  const file = await wb.attachment(reportId, randomBytes(200_000));
  const upload = await beginUpload(intake.url, auth(), file);
  expect((await upload.put(0, file.ciphertext.length)).status).toBe(201);

  canaries.push(
    { name: 'answers', bytes: Buffer.from(envelope.answers.ciphertext.slice(40, 88)) },
    { name: 'message', bytes: Buffer.from(message.envelope.ciphertext.slice(40, 88)) },
    { name: 'evidence', bytes: file.ciphertext.subarray(50_000, 50_048) },
    { name: 'evidence header', bytes: Buffer.from(file.header.metadata.slice(8, 56)) },
    { name: 'locator', bytes: Buffer.from(wb.locator) },
  );

  await w.desk.settle();
  for (const id of [reportId, openReportId]) {
    const ack = await w.desk.call('POST', `/api/reports/${id}/acknowledge`, {
      cookie: w.alice.cookie,
      ifMatch:
        (await w.desk.call('GET', `/api/reports/${id}`, { cookie: w.alice.cookie })).headers.get(
          'etag',
        ) ?? '',
      body: {},
    });
    expect(ack.status).toBe(200);
  }
  const close = await w.desk.call('POST', `/api/reports/${reportId}/close`, {
    cookie: w.alice.cookie,
    ifMatch:
      (
        await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie })
      ).headers.get('etag') ?? '',
    body: { outcome: 'substantiated' },
  });
  expect(close.status).toBe(200);
  await w.desk.settle();
}, 120_000);

afterAll(() => deployment?.close());

const etagOf = async (id: string) =>
  (await w.desk.call('GET', `/api/reports/${id}`, { cookie: w.alice.cookie })).headers.get(
    'etag',
  ) ?? '';

/** A refused purge: the problem, and nothing changed in the store or the blob directory. */
async function expectRefused(
  id: string,
  options: Parameters<World['desk']['call']>[2],
  status: number,
  kind: string,
) {
  const before = await snapshot(store);
  const files = filesUnder(join(dir, 'evidence')).sort();
  const r = await w.desk.call('POST', `/api/reports/${id}/purge`, options);
  expect(r.status).toBe(status);
  expect(r.body['type']).toBe(`https://integrity-desk.org/problems/desk/${kind}`);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await snapshot(store)).toBe(before);
  expect(filesUnder(join(dir, 'evidence')).sort()).toEqual(files);
}

describe('POST /api/reports/:reportId/purge', () => {
  it('refuses, changing nothing: no session, no CSRF header, a recipient who is no administrator, an administrator who is no recipient, a report still open, no or a stale If-Match, a body', async () => {
    const ifMatch = await etagOf(reportId);
    expect(occurrences().length).toBeGreaterThanOrEqual(canaries.length);
    await expectRefused(reportId, { ifMatch, body: {} }, 401, 'unauthenticated');
    await expectRefused(
      reportId,
      { cookie: w.alice.cookie, ifMatch, body: {}, csrf: false },
      403,
      'csrf',
    );
    await expectRefused(reportId, { cookie: w.bob.cookie, ifMatch, body: {} }, 403, 'forbidden');
    await expectRefused(reportId, { cookie: w.admin.cookie, ifMatch, body: {} }, 403, 'forbidden');
    await expectRefused(
      reportId,
      { cookie: w.alice.cookie, body: {} },
      428,
      'preconditionRequired',
    );
    await expectRefused(
      reportId,
      { cookie: w.alice.cookie, ifMatch: '"1"', body: {} },
      412,
      'precondition',
    );
    await expectRefused(
      reportId,
      { cookie: w.alice.cookie, ifMatch, body: { now: true } },
      400,
      'invalidRequest',
    );
    await expectRefused(
      openReportId,
      { cookie: w.alice.cookie, ifMatch: await etagOf(openReportId), body: {} },
      409,
      'illegalTransition',
    );
    await expectRefused(
      randomUUID(),
      { cookie: w.alice.cookie, ifMatch, body: {} },
      404,
      'notFound',
    );
  });

  it('erases the closed report: no canary left in the database, its WAL, the read models or the blob directory', async () => {
    // Before: every canary is somewhere on disk (so the grep below can fail).
    const before = occurrences();
    for (const c of canaries)
      expect(
        before.some((o) => o.startsWith(`${c.name} in`)),
        c.name,
      ).toBe(true);
    const closedBefore = await w.desk.call('GET', '/api/queues/closed', { cookie: w.alice.cookie });
    expect((closedBefore.body['items'] as { reportId: string }[]).map((i) => i.reportId)).toEqual([
      reportId,
    ]);

    // Opening the case left an access record (who read it), which the purge must take too.
    await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
    expect((await w.desk.store.readStream(accessStream(reportId))).map((e) => e.type)).toContain(
      'CaseOpened',
    );
    const r = await w.desk.call('POST', `/api/reports/${reportId}/purge`, {
      cookie: w.alice.cookie,
      ifMatch: await etagOf(reportId),
      body: {},
    });
    expect(r.status).toBe(204);
    await expect(w.desk.store.readStream(accessStream(reportId))).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
    expect(occurrences()).toEqual([]);

    // The desk: gone from the case, the queues and the counts; the other report untouched.
    expect(
      (await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie })).status,
    ).toBe(404);
    const closed = await w.desk.call('GET', '/api/queues/closed', { cookie: w.alice.cookie });
    expect(closed.body['items']).toEqual([]);
    const counts = await w.desk.call('GET', '/api/queues', { cookie: w.alice.cookie });
    expect((counts.body['queues'] as Record<string, number>)['closed']).toBe(0);
    expect(
      (await w.desk.call('GET', `/api/reports/${openReportId}`, { cookie: w.alice.cookie })).status,
    ).toBe(200);
    // A second purge: the report is unknown now.
    await expectRefused(
      reportId,
      { cookie: w.alice.cookie, ifMatch: '"4"', body: {} },
      404,
      'notFound',
    );

    // The audit log keeps only the record: who purged which id, when.
    const audit = await w.desk.call('GET', '/api/audit?limit=500', { cookie: w.admin.cookie });
    const entries = audit.body['items'] as { streamId: string; type: string; actor: string }[];
    expect(entries.filter((e) => e.streamId.includes(reportId))).toEqual([
      expect.objectContaining({
        streamId: purgeStream(reportId),
        type: 'ReportErased',
        actor: 'system',
      }),
      expect.objectContaining({
        streamId: purgeStream(reportId),
        type: 'ReportPurged',
        actor: w.alice.investigatorId,
      }),
    ]);
  });

  it('the receipt then answers exactly as an unknown receipt, and its old session as an unknown token', async () => {
    const unknown = await makeReceipt();
    const attempt = async (receipt: Receipt) => {
      const c = await postJson(`${intake.url}/api/v1/session/challenge`, {
        locator: receipt.locator,
      });
      const { challenge } = (await c.json()) as { challenge: string };
      const res = await postJson(`${intake.url}/api/v1/session`, {
        locator: receipt.locator,
        challenge,
        signature: receipt.sign(challenge),
        pow: await solvedPow(intake.url),
      });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    const purged = await attempt(wb);
    expect(purged.status).toBe(401);
    expect(purged).toEqual(await attempt(unknown));

    const withToken = async (t: string) => {
      const res = await fetch(`${intake.url}/api/v1/case`, {
        headers: { authorization: `Bearer ${t}` },
      });
      return { status: res.status, body: await res.text() };
    };
    const old = await withToken(token);
    expect(old.status).toBe(401);
    expect(old).toEqual(await withToken(randomBytes(32).toString('base64url')));
  });
});
