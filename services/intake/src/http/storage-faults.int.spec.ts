// A full or read-only disk under intake: every write route answers 507 (full) or 503 (read-only)
// as problem+json with Retry-After, acknowledges nothing it did not store, and the same request
// succeeds once the operator freed space, without a restart. The evidence store is the real
// filesystem adapter over a disk that fills (a short write, then ENOSPC); the event store is the
// memory store refusing appends as SQLite does on a full or read-only disk.
import { createMemoryEventStore, type EventStore } from '@integrity-desk/eventstore';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../evidence/fs-blob-store.ts';
import { fillingDisk } from '../test-support/filling-disk.ts';
import {
  beginUpload,
  expectProblem,
  type Harness,
  makeEnvelope,
  makeReceipt,
  postJson,
  sha256hex,
  signedInWhistleblower,
  snapshot,
  solvedPow,
  startIntake,
  submit,
} from '../test-support/harness.ts';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const CHUNK = 1024;

/** SQLite's errors as better-sqlite3 throws them: the result code in `code`. */
const sqliteError = (code: string) => Object.assign(new Error(`${code}: refused`), { code });

/** The memory store refusing every append while `fault` is set. */
function faultyStore() {
  const inner = createMemoryEventStore();
  const state: { fault: Error | undefined; store: EventStore } = {
    fault: undefined,
    store: {
      ...inner,
      append: async (stream, events, options) => {
        if (state.fault) throw state.fault;
        return inner.append(stream, events, options);
      },
    },
  };
  return state;
}

async function expectStorageProblem(res: Response, status: 503 | 507) {
  const kind = status === 507 ? 'storageFull' : 'storageUnavailable';
  const retryAfter = res.headers.get('retry-after');
  await expectProblem(res, status, kind);
  expect(Number(retryAfter)).toBeGreaterThan(0);
}

describe('intake on a full or read-only disk', () => {
  it('a chunk that does not fit is answered 507, never acknowledged; resent after space is freed, the upload completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idesk-full-'));
    dirs.push(dir);
    const disk = fillingDisk();
    h = await startIntake({
      blobStore: createFsBlobStore({ dir, open: disk.open }),
      config: { maxChunkBytes: CHUNK },
    });
    const { receipt: wb, envelope, auth } = await signedInWhistleblower(h.url);
    const file = await wb.attachment(envelope.reportId, randomBytes(3 * CHUNK));
    const size = file.ciphertext.length;
    const upload = await beginUpload(h.url, auth, file);
    const put = (offset: number) => upload.put(offset, offset + CHUNK);
    const status = upload.received;
    expect((await put(0)).status).toBe(200);
    // The disk fills part-way through the second chunk.
    disk.space = 600;
    await expectStorageProblem(await put(CHUNK), 507);
    expect(await status()).toBe(CHUNK);
    await expectStorageProblem(await put(CHUNK), 507);
    expect(await status()).toBe(CHUNK);
    // The operator frees space: the browser resends from the offset it is told, no restart.
    disk.space = undefined;
    let at = await status();
    for (; at + CHUNK < size; at += CHUNK) expect((await put(at)).status).toBe(200);
    const last = await put(at);
    expect(last.status).toBe(201);
    expect(await last.json()).toMatchObject({ complete: true, blobId: sha256hex(file.ciphertext) });
    const events = await h.store.readStream(`report-${envelope.reportId}`);
    expect(events.map((e) => e.type)).toEqual(['ReportSubmitted', 'EvidenceAdded']);
  });

  it.each([
    [507, 'SQLITE_FULL'],
    [507, 'ENOSPC'],
    [503, 'SQLITE_READONLY'],
    [503, 'EROFS'],
  ] as const)(
    'answers %i to a submission, a message and an upload completion when the log refuses with %s, changing nothing; the same requests succeed once it accepts again',
    async (expected, code) => {
      const faulty = faultyStore();
      h = await startIntake({ store: faulty.store, config: { maxChunkBytes: 1024 * CHUNK } });
      const { receipt: wb, envelope, auth } = await signedInWhistleblower(h.url);
      const file = await wb.attachment(envelope.reportId, randomBytes(CHUNK));
      const evidence = `${h.url}/api/v1/case/evidence`;
      expect(
        (
          await postJson(
            evidence,
            { evidenceId: file.attachmentId, size: file.ciphertext.length, header: file.header },
            auth,
          )
        ).status,
      ).toBe(201);
      const other = makeEnvelope(await makeReceipt());
      const pow = await solvedPow(h.url);
      const messageId = randomUUID();
      const message = {
        messageId,
        envelope: wb.message(envelope.reportId, 'the documents are in the safe', messageId),
      };
      const before = await snapshot(h.store);

      faulty.fault = code.startsWith('SQLITE')
        ? sqliteError(code)
        : Object.assign(new Error(`${code}: refused`), { code });
      await expectStorageProblem(await submit(h.url, other, pow), expected);
      await expectStorageProblem(
        await postJson(`${h.url}/api/v1/case/messages`, message, auth),
        expected,
      );
      // The last chunk is stored; its EvidenceAdded is refused: the blob waits, unrecorded.
      const last = await fetch(`${evidence}/${file.attachmentId}?offset=0`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(file.ciphertext),
      });
      await expectStorageProblem(last, expected);
      await expectStorageProblem(
        await postJson(`${evidence}/${file.attachmentId}/complete`, {}, auth),
        expected,
      );
      expect(await snapshot(h.store)).toBe(before);
      // Nothing about the request reaches the log line: the problem and the error's class.
      expect(h.logs.join('')).not.toContain(envelope.reportId);

      faulty.fault = undefined;
      expect((await submit(h.url, other, pow)).status).toBe(201);
      expect((await postJson(`${h.url}/api/v1/case/messages`, message, auth)).status).toBe(201);
      expect((await postJson(`${evidence}/${file.attachmentId}/complete`, {}, auth)).status).toBe(
        201,
      );
      const events = await h.store.readStream(`report-${envelope.reportId}`);
      expect(events.map((e) => e.type)).toEqual([
        'ReportSubmitted',
        'MessagePosted',
        'EvidenceAdded',
      ]);
    },
  );
});
