import { handleReportCommand } from '@integrity-desk/reports';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../../intake/src/evidence/memory-blob-store.ts';
import { fakeAttachmentHeader } from '../../reports/src/shared/fixtures.ts';
import { submitReport, world, type World } from './harness.ts';

const blobStore = createMemoryBlobStore();
let w: World;
let reportId: string;
let evidenceId: string;
let missingBlobEvidenceId: string;
const ciphertext = new Uint8Array(randomBytes(3 * 65_536 + 17));

/** What intake does with an upload: the ciphertext into the blob store, then an EvidenceAdded. */
async function addEvidence(blobId: string, paddedSize: number): Promise<string> {
  const id = randomUUID();
  await handleReportCommand(w.desk.store, reportId, {
    type: 'AddEvidence',
    data: {
      reportId,
      evidenceId: id,
      blobId,
      paddedSize,
      header: fakeAttachmentHeader(reportId, id),
    },
    metadata: { now: w.desk.clock.now, eventId: randomUUID(), actor: { kind: 'whistleblower' } },
  });
  return id;
}

beforeAll(async () => {
  w = await world({ blobStore });
  reportId = await submitReport(w);
  await blobStore.begin('upload-1', { size: ciphertext.length, owner: reportId, note: 'h' });
  await blobStore.write('upload-1', 0, ciphertext);
  const { blobId } = await blobStore.complete('upload-1');
  evidenceId = await addEvidence(blobId, ciphertext.length);
  missingBlobEvidenceId = await addEvidence('0'.repeat(64), 65_536);
  await w.desk.settle();
});
afterAll(() => w.desk.close());

const get = (path: string, cookie?: string) =>
  fetch(w.desk.base + path, { headers: cookie ? { cookie } : {} });
const expectProblem = async (r: Response, status: number) => {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(((await r.json()) as { status: number }).status).toBe(status);
};
const path = (report: string, evidence: string) => `/api/reports/${report}/evidence/${evidence}`;

describe('GET /api/reports/:reportId/evidence/:evidenceId', () => {
  it('requires authentication', async () => {
    await expectProblem(await get(path(reportId, evidenceId)), 401);
    await expectProblem(await get(path(reportId, evidenceId), '__Host-desk_session=nope'), 401);
  });

  it('is forbidden to a non-recipient of the channel, administrators included', async () => {
    await expectProblem(await get(path(reportId, evidenceId), w.mallory.cookie), 403);
    await expectProblem(await get(path(reportId, evidenceId), w.admin.cookie), 403);
    // Nor does a non-recipient learn whether some evidence exists.
    await expectProblem(await get(path(reportId, randomUUID()), w.mallory.cookie), 403);
  });

  it('gives a recipient the ciphertext bytes, never cached', async () => {
    for (const who of [w.alice, w.bob]) {
      const r = await get(path(reportId, evidenceId), who.cookie);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/octet-stream');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await r.arrayBuffer()).equals(Buffer.from(ciphertext))).toBe(true);
    }
  });

  it('answers 404 for unknown evidence, an unknown report or a missing blob', async () => {
    await expectProblem(await get(path(reportId, randomUUID()), w.alice.cookie), 404);
    await expectProblem(await get(path(randomUUID(), evidenceId), w.alice.cookie), 404);
    await expectProblem(await get(path(reportId, missingBlobEvidenceId), w.alice.cookie), 404);
    // Evidence of one report is not reachable through another.
    const other = await submitReport(w);
    await expectProblem(await get(path(other, evidenceId), w.alice.cookie), 404);
  });

  it('refuses malformed ids with a problem', async () => {
    await expectProblem(await get(path(reportId, 'not-a-uuid'), w.alice.cookie), 400);
    await expectProblem(await get(path('x', evidenceId), w.alice.cookie), 400);
  });

  it('answers 404 on a desk without a blob store', async () => {
    const bare = await world();
    try {
      const report = await submitReport(bare);
      const id = randomUUID();
      await handleReportCommand(bare.desk.store, report, {
        type: 'AddEvidence',
        data: {
          reportId: report,
          evidenceId: id,
          blobId: '1'.repeat(64),
          paddedSize: 65_536,
          header: fakeAttachmentHeader(report, id),
        },
        metadata: {
          now: bare.desk.clock.now,
          eventId: randomUUID(),
          actor: { kind: 'whistleblower' },
        },
      });
      const r = await fetch(bare.desk.base + path(report, id), {
        headers: { cookie: bare.alice.cookie },
      });
      await expectProblem(r, 404);
    } finally {
      await bare.desk.close();
    }
  });
});
