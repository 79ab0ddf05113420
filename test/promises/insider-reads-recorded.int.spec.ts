/**
 * SECURITY.md, "Known limits", Insiders: the desk writes `CaseOpened`, `EvidenceDownloaded` and
 * `CaseFileExported` on the report's `access-<id>` stream before the case or the file is served
 * or offered; if the event cannot be written the read is refused. Attacked from outside on the
 * desk's real port over a real SQLite file whose appends to access streams fail (a disk that
 * takes no more writes there): a recipient must get no case, no ciphertext and no export.
 */
import {
  StoreFailedError,
  StreamNotFoundError,
  createSqliteEventStore,
  type EventStore,
} from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../../services/intake/src/evidence/memory-blob-store.ts';
import { addEvidence, submitReport, world, type World } from '../../services/desk/test/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'promise-insiders-'));
const blobStore = createMemoryBlobStore();
const ciphertext = randomBytes(4096);
let failing = false;
let w: World;
let reportId: string;
let evidenceId: string;

/** The real store, but every append to an access stream fails while `failing` is set. */
function accessWritesFail(store: EventStore): EventStore {
  return {
    ...store,
    append: (streamId, events, options) =>
      failing && streamId.startsWith('access-')
        ? Promise.reject(new StoreFailedError(new Error('EIO')))
        : store.append(streamId, events, options),
  };
}

beforeAll(async () => {
  w = await world({
    store: accessWritesFail(createSqliteEventStore({ file: join(dir, 'events.sqlite') })),
    db: new Database(join(dir, 'read-models.sqlite')),
    blobStore,
  });
  reportId = await submitReport(w);
  await blobStore.begin('upload-1', { size: ciphertext.length, owner: reportId, note: 'h' });
  await blobStore.write('upload-1', 0, ciphertext);
  const { blobId } = await blobStore.complete('upload-1');
  evidenceId = await addEvidence(w, reportId, blobId, ciphertext.length);
  await w.desk.settle();
});
afterAll(async () => {
  await w?.desk.close();
  rmSync(dir, { recursive: true, force: true });
});

const asAlice = (method: string, path: string) =>
  fetch(w.desk.base + path, {
    method,
    headers: {
      cookie: w.alice.cookie,
      'x-integrity-desk': '1',
      ...(method === 'POST' && { 'content-type': 'application/json' }),
    },
    ...(method === 'POST' && { body: '{}' }),
  });

describe('a read whose record cannot be written', () => {
  it('is refused: no case, no evidence ciphertext, no export', async () => {
    failing = true;
    const access = `access-${reportId}`;
    const opened = await asAlice('GET', `/api/reports/${reportId}`);
    const text = await opened.text();
    expect(opened.status).toBeGreaterThanOrEqual(500);
    expect(opened.headers.get('content-type')).toContain('application/problem+json');
    expect(text).not.toContain('wrappedKey');
    expect(text).not.toContain(w.alice.investigatorId);
    const file = await asAlice('GET', `/api/reports/${reportId}/evidence/${evidenceId}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(file.status).toBeGreaterThanOrEqual(500);
    expect(bytes.includes(ciphertext.subarray(0, 64))).toBe(false);
    const exported = await asAlice('POST', `/api/reports/${reportId}/exports`);
    expect(exported.status).toBeGreaterThanOrEqual(500);
    await expect(w.desk.store.readStream(access)).rejects.toThrow(StreamNotFoundError);

    // The same reads, once the record can be written: served, and recorded first.
    failing = false;
    expect((await asAlice('GET', `/api/reports/${reportId}`)).status).toBe(200);
    const served = await asAlice('GET', `/api/reports/${reportId}/evidence/${evidenceId}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(ciphertext)).toBe(true);
    expect((await asAlice('POST', `/api/reports/${reportId}/exports`)).status).toBe(204);
    const types = (await w.desk.store.readStream(access)).map((e) => e.type);
    expect(types).toEqual(['CaseOpened', 'EvidenceDownloaded', 'CaseFileExported']);
  });
});
