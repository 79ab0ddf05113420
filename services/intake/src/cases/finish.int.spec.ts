// An upload whose every byte arrived but whose last answer was lost or failed: the browser asks
// the server to finish it (POST .../complete) and the evidence is recorded once. Also: a
// concurrent append to the report (an investigator acting meanwhile) is no conflict of the
// whistleblower's, whose command is decided again.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore, type EventStore } from '@integrity-desk/eventstore';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import type { BlobStore } from '../evidence/blob-store.ts';
import { createMemoryBlobStore } from '../evidence/memory-blob-store.ts';
import {
  beginUpload,
  expectProblem,
  type Harness,
  postJson,
  sha256hex,
  signedInWhistleblower,
  snapshot,
  startIntake,
} from '../test-support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const staff = { kind: 'investigator', investigatorId: randomUUID() } as const;
const asStaff = (store: EventStore, reportId: string, c: Pick<ReportCommand, 'type' | 'data'>) =>
  handleReportCommand(store, reportId, {
    ...c,
    metadata: { now: new Date(), eventId: randomUUID(), actor: staff },
  } as ReportCommand);

/**
 * The memory store with one fault on the first append of `EvidenceAdded`: `fail` throws as a
 * disk would; `race` lets an investigator append to the report first, so the append meets a
 * real WrongExpectedVersionError.
 */
function storeWith(fault: 'fail' | 'race') {
  const inner = createMemoryEventStore();
  let armed = true;
  const store: EventStore = {
    ...inner,
    append: async (stream, events, options) => {
      if (armed && events.some((e) => e.type === 'EvidenceAdded')) {
        armed = false;
        if (fault === 'fail') throw new Error('EIO: the disk went away');
        await asStaff(inner, stream.slice('report-'.length), {
          type: 'AcknowledgeReport',
          data: { reportId: stream.slice('report-'.length) },
        });
      }
      return inner.append(stream, events, options);
    },
  };
  return store;
}

async function world(
  store: EventStore = createMemoryEventStore(),
  options: { failComplete?: boolean } = {},
) {
  const blobs = createMemoryBlobStore();
  let failComplete = options.failComplete ?? false;
  const blobStore: BlobStore = {
    ...blobs,
    // The last chunk is written, then the blob cannot be moved into place (once).
    complete: async (id) => {
      if (!failComplete) return blobs.complete(id);
      failComplete = false;
      throw new Error('EIO: rename failed');
    },
  };
  h = await startIntake({ store, blobStore, config: { maxChunkBytes: 1024 } });
  const { receipt: wb, envelope, auth } = await signedInWhistleblower(h.url);
  const file = await wb.attachment(envelope.reportId, randomBytes(3000));
  const { attachmentId: evidenceId, ciphertext } = file;
  const { url, put } = await beginUpload(h.url, auth, file);
  /** Every chunk but the last; returns the last chunk's answer. */
  const sendAll = async () => {
    let at = 0;
    for (; at + 1024 < ciphertext.length; at += 1024)
      expect((await put(at, at + 1024)).status).toBe(200);
    return put(at, ciphertext.length);
  };
  const finish = (body: object = {}) => postJson(`${url}/complete`, body, auth);
  const status = async () => (await fetch(url, { headers: auth })).json();
  const events = async () =>
    (await h!.store.readStream(`report-${envelope.reportId}`)).map((e) => e.type);
  const size = ciphertext.length;
  const done = { evidenceId, size, received: size, complete: true, blobId: sha256hex(ciphertext) };
  return { reportId: envelope.reportId, auth, blobs, put, sendAll, finish, status, events, done };
}

describe('finishing an upload', () => {
  it('records evidence whose EvidenceAdded failed to append once the browser asks, and only once', async () => {
    const w = await world(storeWith('fail'));
    expect((await w.sendAll()).status).toBe(500);
    expect(await w.events()).toEqual(['ReportSubmitted']);
    expect(await w.status()).toEqual({ ...w.done, complete: false, blobId: undefined });
    const first = await w.finish();
    expect([first.status, await first.json()]).toEqual([201, w.done]);
    expect(await w.events()).toEqual(['ReportSubmitted', 'EvidenceAdded']);
    expect(await w.blobs.unrecorded(w.reportId)).toEqual([]);
    const before = await snapshot(h!.store);
    const again = await w.finish();
    expect([again.status, await again.json()]).toEqual([200, w.done]);
    expect(await snapshot(h!.store)).toBe(before);
    expect(await w.status()).toEqual(w.done);
  });

  it('completes an upload whose last chunk was written but whose blob was not moved into place', async () => {
    const w = await world(undefined, { failComplete: true });
    expect((await w.sendAll()).status).toBe(500);
    expect(await w.blobs.unrecorded(w.reportId)).toEqual([]);
    expect(await w.status()).toEqual({ ...w.done, complete: false, blobId: undefined });
    const first = await w.finish();
    expect([first.status, await first.json()]).toEqual([201, w.done]);
    expect(await w.events()).toEqual(['ReportSubmitted', 'EvidenceAdded']);
    expect(await w.blobs.read(w.done.blobId)).toBeDefined();
  });

  it('decides the whistleblower’s evidence again when an investigator appended to the report meanwhile', async () => {
    const w = await world(storeWith('race'));
    const last = await w.sendAll();
    expect([last.status, await last.json()]).toEqual([201, w.done]);
    expect(await w.events()).toEqual(['ReportSubmitted', 'ReportAcknowledged', 'EvidenceAdded']);
  });

  it('refuses to finish an upload missing bytes, an unknown one, or with a body, changing nothing', async () => {
    const w = await world();
    expect((await w.put(0, 1024)).status).toBe(200);
    const before = await snapshot(h!.store);
    const other = `${h!.url}/api/v1/case/evidence/${randomUUID()}/complete`;
    const refusals = [
      [await w.finish(), 409, 'uploadIncomplete'],
      [await postJson(other, {}, w.auth), 404, 'uploadNotFound'],
      [await postJson(other, {}, {}), 401, 'unauthorized'],
      [await w.finish({ force: true }), 400, 'invalidRequest'],
    ] as const;
    for (const [res, status, kind] of refusals) await expectProblem(res, status, kind);
    expect(await snapshot(h!.store)).toBe(before);
    expect(await w.status()).toMatchObject({ received: 1024, complete: false });
  });

  it('finishes nothing into a closed report: the blob is left to the sweep and a purge', async () => {
    const w = await world(storeWith('fail'));
    expect((await w.sendAll()).status).toBe(500);
    await asStaff(h!.store, w.reportId, {
      type: 'AcknowledgeReport',
      data: { reportId: w.reportId },
    });
    await asStaff(h!.store, w.reportId, {
      type: 'CloseReport',
      data: { reportId: w.reportId, outcome: 'unsubstantiated' },
    });
    const before = await snapshot(h!.store);
    await expectProblem(await w.finish(), 409, 'reportClosed');
    expect(await snapshot(h!.store)).toBe(before);
    expect(await w.blobs.unrecorded(w.reportId)).toHaveLength(1);
  });
});
