import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openReportAnswers,
  openReturnedCase,
  returnedCaseSchema,
  whistleblowerCaseSchema,
} from '@integrity-desk/protocol';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { createMemoryBlobStore } from '../evidence/memory-blob-store.ts';
import {
  expectProblem,
  expectRefused,
  makeEnvelope,
  makeReceipt,
  openSession,
  postJson,
  sha256hex,
  snapshot,
  startIntake,
  submit,
  testBackend,
  type Harness,
  type Receipt,
} from '../test-support/harness.ts';

let h: Harness;
let blobs: ReturnType<typeof createMemoryBlobStore>;
let reportId: string;
let submitted: ReturnType<typeof makeEnvelope>;
let token: string;
let wb!: Receipt;
const auth = () => ({ authorization: `Bearer ${token}` });

beforeEach(async () => {
  blobs = createMemoryBlobStore();
  h = await startIntake({
    blobStore: blobs,
    config: { maxEvidenceBytesPerReport: 3 * 1024 * 1024, maxChunkBytes: 1024 * 1024 },
  });
  wb = await makeReceipt();
  const envelope = makeEnvelope(wb);
  submitted = envelope;
  reportId = envelope.reportId;
  expect((await submit(h.url, envelope)).status).toBe(201);
  token = await openSession(h.url, wb);
});
afterEach(() => h.close());

const message = (messageId = randomUUID(), text = 'more detail') => ({
  messageId,
  envelope: wb.message(reportId, text, messageId),
});
const MiB = 1024 * 1024;

async function caseView() {
  const res = await fetch(`${h.url}/api/v1/case`, { headers: auth() });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as Record<string, unknown> & {
    messages: unknown[];
    evidence: { evidenceId: string; blobId: string }[];
  };
}

/** Seals `size` bytes as an attachment of this report and begins its upload. */
async function sealedUpload(size: number) {
  const file = await wb.attachment(reportId, randomBytes(size));
  const res = await postJson(
    `${h.url}/api/v1/case/evidence`,
    { evidenceId: file.attachmentId, size: file.ciphertext.length, header: file.header },
    auth(),
  );
  return { ...file, evidenceId: file.attachmentId, res };
}

async function put(evidenceId: string, offset: number, chunk: Uint8Array) {
  return fetch(`${h.url}/api/v1/case/evidence/${evidenceId}?offset=${offset}`, {
    method: 'PUT',
    headers: { ...auth(), 'content-type': 'application/octet-stream' },
    body: new Uint8Array(chunk),
  });
}

const refused = (res: Response, status: number, kind: string, before: string) =>
  expectRefused(res, status, kind, h.store, before);

describe('the whistleblower case', () => {
  it('shows status, deadlines, timeline and the wrapped report key, and no investigator data', async () => {
    const view = await caseView();
    expect(view).toMatchObject({
      reportId,
      status: 'submitted',
      receivedAt: '2026-03-10T09:00:00.000Z',
      acknowledgementDueAt: '2026-03-17T09:00:00.000Z',
      feedbackDueAt: null,
      timeline: [{ type: 'ReportSubmitted', at: '2026-03-10T09:00:00.000Z' }],
      messages: [],
      evidence: [],
      wrappedKey: expect.any(String),
    });
    expect(view).not.toHaveProperty('signPublicKey');
    expect(view).not.toHaveProperty('assignees');
    // The front end's type of this view is the protocol's schema: every field, and no other.
    expect(whistleblowerCaseSchema.strict().safeParse(view).error).toBeUndefined();
  });

  it('hands back the whole signed envelope, so the browser can check the key against its receipt', async () => {
    const view = await caseView();
    expect(view.envelope).toEqual(submitted);
    expect(view.wrappedKey).toBe(submitted.whistleblower.wrappedKey);
    expect(returnedCaseSchema.safeParse(view).success).toBe(true);
    // What the returning browser runs: the key it opens is the one the receipt sealed.
    const b = await testBackend();
    const opened = openReturnedCase(b, view, wb.keys);
    expect(openReportAnswers(b, opened.envelope, opened.reportKey)).toEqual({
      what: 'the minister took a bribe',
    });
  });

  it('refuses the case without a token, with a malformed one and with an unknown one', async () => {
    for (const authorization of [
      undefined,
      'Bearer x',
      `Bearer ${randomBytes(32).toString('base64url')}`,
      `Basic ${token}`,
    ]) {
      const res = await fetch(`${h.url}/api/v1/case`, {
        headers: authorization ? { authorization } : {},
      });
      await expectProblem(res, 401, 'unauthorized');
    }
  });

  it('posts a sealed message once, idempotently, and refuses other content under its id', async () => {
    const m = message();
    expect((await postJson(`${h.url}/api/v1/case/messages`, m, auth())).status).toBe(201);
    expect((await postJson(`${h.url}/api/v1/case/messages`, m, auth())).status).toBe(201);
    const view = await caseView();
    expect(view.messages).toEqual([
      {
        messageId: m.messageId,
        author: 'whistleblower',
        envelope: m.envelope,
        postedAt: expect.any(String),
      },
    ]);
    const before = await snapshot(h.store);
    await refused(
      await postJson(`${h.url}/api/v1/case/messages`, message(m.messageId, 'other'), auth()),
      409,
      'conflict',
      before,
    );
  });

  it('refuses a message bound to another report', async () => {
    const m = message();
    const before = await snapshot(h.store);
    await refused(
      await postJson(
        `${h.url}/api/v1/case/messages`,
        { ...m, envelope: { ...m.envelope, reportId: randomUUID() } },
        auth(),
      ),
      400,
      'invalidRequest',
      before,
    );
  });

  it("refuses a message not signed with this receipt's key", async () => {
    const stranger = await makeReceipt();
    stranger.seal('x', reportId);
    const m = { messageId: randomUUID(), envelope: {} as unknown };
    m.envelope = stranger.message(reportId, 'forged', m.messageId);
    const before = await snapshot(h.store);
    await refused(
      await postJson(`${h.url}/api/v1/case/messages`, m, auth()),
      422,
      'wrongAuthor',
      before,
    );
  });

  it('refuses a message whose sequence is not the next one of this receipt', async () => {
    const first = message();
    expect((await postJson(`${h.url}/api/v1/case/messages`, first, auth())).status).toBe(201);
    const before = await snapshot(h.store);
    for (const sequence of [0, 2]) {
      const messageId = randomUUID();
      const m = { messageId, envelope: wb.message(reportId, 'again', messageId, sequence) };
      await refused(
        await postJson(`${h.url}/api/v1/case/messages`, m, auth()),
        409,
        'messageOutOfSequence',
        before,
      );
    }
    expect((await postJson(`${h.url}/api/v1/case/messages`, message(), auth())).status).toBe(201);
  });

  it('refuses a message with an expired token', async () => {
    h.clock.advance(31 * 60_000);
    const before = await snapshot(h.store);
    await refused(
      await postJson(`${h.url}/api/v1/case/messages`, message(), auth()),
      401,
      'unauthorized',
      before,
    );
  });

  it('uploads evidence in chunks, resumes after an interruption and appends EvidenceAdded', async () => {
    const file = await sealedUpload(2.4 * MiB);
    const { evidenceId, ciphertext: data } = file;
    expect(file.res.status).toBe(201);
    expect(data.length).toBeGreaterThan(2 * MiB);
    expect((await put(evidenceId, 0, data.subarray(0, MiB))).status).toBe(200);
    // The connection dropped: ask where to go on.
    const status = await fetch(`${h.url}/api/v1/case/evidence/${evidenceId}`, { headers: auth() });
    const s = (await status.json()) as { received: number; size: number; complete: boolean };
    expect(s).toEqual({ evidenceId, size: data.length, received: MiB, complete: false });
    // Beginning again is idempotent and reports the same offset.
    const again = await postJson(
      `${h.url}/api/v1/case/evidence`,
      { evidenceId, size: data.length, header: file.header },
      auth(),
    );
    expect(((await again.json()) as { received: number }).received).toBe(MiB);
    expect((await put(evidenceId, s.received, data.subarray(s.received, 2 * MiB))).status).toBe(
      200,
    );
    expect(await h.store.readStream(`report-${reportId}`)).toHaveLength(1);
    const last = await put(evidenceId, 2 * MiB, data.subarray(2 * MiB));
    expect(last.status).toBe(201);
    const done = (await last.json()) as { blobId: string; complete: boolean };
    expect(done).toMatchObject({ complete: true, blobId: sha256hex(data) });
    expect(Buffer.from((await blobs.read(done.blobId))!).equals(data)).toBe(true);
    const events = await h.store.readStream(`report-${reportId}`);
    expect(events.map((e) => e.type)).toEqual(['ReportSubmitted', 'EvidenceAdded']);
    expect(events[1]!.data).toMatchObject({
      evidenceId,
      blobId: sha256hex(data),
      paddedSize: file.header.paddedSize,
      header: file.header,
      by: 'whistleblower',
    });
    const view = await caseView();
    expect(view.evidence).toMatchObject([{ evidenceId, blobId: sha256hex(data) }]);
    const after = await fetch(`${h.url}/api/v1/case/evidence/${evidenceId}`, { headers: auth() });
    expect(await after.json()).toMatchObject({ complete: true, received: data.length });
    const download = await fetch(`${h.url}/api/v1/case/evidence/${evidenceId}/blob`, {
      headers: auth(),
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(data)).toBe(true);
  });

  it('refuses a header that does not match the upload', async () => {
    const file = await wb.attachment(reportId, randomBytes(1000));
    const before = await snapshot(h.store);
    const res = await postJson(
      `${h.url}/api/v1/case/evidence`,
      { evidenceId: file.attachmentId, size: file.ciphertext.length + 1, header: file.header },
      auth(),
    );
    await refused(res, 400, 'invalidRequest', before);
    expect(await blobs.status(file.attachmentId)).toBeUndefined();
  });

  it('drops an upload whose report was closed meanwhile instead of keeping a blob no event names', async () => {
    const { evidenceId, ciphertext } = await sealedUpload(4096);
    expect((await put(evidenceId, 0, ciphertext.subarray(0, 1024))).status).toBe(200);
    const staff = { kind: 'investigator', investigatorId: randomUUID() } as const;
    for (const c of [
      { type: 'AcknowledgeReport', data: { reportId } },
      { type: 'CloseReport', data: { reportId, outcome: 'unsubstantiated' } },
    ] as const)
      await handleReportCommand(h.store, reportId, {
        ...c,
        metadata: { now: new Date(), eventId: randomUUID(), actor: staff },
      } as ReportCommand);
    const before = await snapshot(h.store);
    await refused(
      await put(evidenceId, 1024, ciphertext.subarray(1024)),
      409,
      'reportClosed',
      before,
    );
    // A purge erases the blobs its report's events name: this one would have been out of reach.
    expect(blobs.blobCount()).toBe(0);
    expect(await blobs.status(evidenceId)).toBeUndefined();
  });

  it('refuses a chunk out of order and changes nothing', async () => {
    const { evidenceId } = await sealedUpload(4096);
    expect((await put(evidenceId, 0, randomBytes(1024))).status).toBe(200);
    const before = await snapshot(h.store);
    await refused(await put(evidenceId, 2048, randomBytes(1024)), 409, 'uploadOffset', before);
    await refused(await put(evidenceId, 0, randomBytes(1024)), 409, 'uploadOffset', before);
    expect((await blobs.status(evidenceId))?.received).toBe(1024);
  });

  it('refuses a chunk beyond the declared size and changes nothing', async () => {
    const { evidenceId, ciphertext } = await sealedUpload(1000);
    const before = await snapshot(h.store);
    await refused(
      await put(evidenceId, 0, randomBytes(ciphertext.length + 1)),
      413,
      'quotaExceeded',
      before,
    );
    expect((await blobs.status(evidenceId))?.received).toBe(0);
  });

  it('refuses an upload beyond the per-report quota and changes nothing', async () => {
    expect((await sealedUpload(2 * MiB)).res.status).toBe(201);
    const before = await snapshot(h.store);
    const second = await sealedUpload(MiB);
    await refused(second.res, 413, 'quotaExceeded', before);
    expect(await blobs.status(second.evidenceId)).toBeUndefined();
  });

  it('refuses a chunk larger than 1 MiB with 413', async () => {
    const { evidenceId } = await sealedUpload(1.5 * MiB);
    const before = await snapshot(h.store);
    await refused(await put(evidenceId, 0, randomBytes(MiB + 1)), 413, 'tooLarge', before);
    expect((await blobs.status(evidenceId))?.received).toBe(0);
  });

  it("does not let one report's session touch another report's upload", async () => {
    const { evidenceId } = await sealedUpload(4096);
    const other = await makeReceipt();
    expect((await submit(h.url, makeEnvelope(other))).status).toBe(201);
    const mine = token;
    token = await openSession(h.url, other);
    const before = await snapshot(h.store);
    await refused(await put(evidenceId, 0, randomBytes(10)), 404, 'uploadNotFound', before);
    const status = await fetch(`${h.url}/api/v1/case/evidence/${evidenceId}`, { headers: auth() });
    expect(status.status).toBe(404);
    token = mine;
  });

  it('refuses a chunk with an unknown upload id', async () => {
    const before = await snapshot(h.store);
    await refused(await put(randomUUID(), 0, randomBytes(10)), 404, 'uploadNotFound', before);
  });
});
