/**
 * SECURITY.md: "100 MiB and 100 files per report (unfinished uploads count, at their declared
 * sizes)", attacked with concurrent upload starts: two intake apps (as two processes on one
 * DATA_DIR: one SQLite event log, one evidence folder, each its own stores) take starts of one
 * report at once over loopback HTTP. Together they may never admit more than the quota.
 */
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentCiphertextSize } from '../http-domain/protocol.ts';
import { createFsBlobStore } from '../evidence/fs-blob-store.ts';
import type { IntakeConfigOverrides } from '../config.ts';
import {
  expectProblem,
  locatorIndex,
  makeEnvelope,
  makeReceipt,
  openSession,
  postJson,
  startIntake,
  submit,
  testClock,
  type Harness,
} from '../test-support/harness.ts';

const dirs: string[] = [];
const apps: Harness[] = [];
const opened: EventStore[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  // The stores' checkpoint threads write beside the log until closed: removing the folder
  // before that raced them (ENOTEMPTY on a loaded machine).
  for (const store of opened.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Two intake apps on one folder, the receipt's report submitted, a session on each, and `count`
 * sealed files of `bytes` each. `config` sees the ciphertext size of one file.
 */
async function twoIntakes(
  count: number,
  bytes: number,
  config: (size: number) => IntakeConfigOverrides,
) {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-quota-race-'));
  dirs.push(dir);
  const wb = await makeReceipt();
  const envelope = makeEnvelope(wb);
  const files = await Promise.all(
    Array.from({ length: count }, () => wb.attachment(envelope.reportId, randomBytes(bytes))),
  );
  const size = attachmentCiphertextSize(files[0]!.header);
  const clock = testClock();
  const stores = [0, 1].map(() => createSqliteEventStore({ file: join(dir, 'events.sqlite') }));
  opened.push(...stores);
  for (const store of stores)
    apps.push(
      await startIntake({
        store,
        blobStore: createFsBlobStore({ dir: join(dir, 'evidence') }),
        clock,
        config: config(size),
        // The read model both processes would share (the log's single-stream reads are fresh).
        deps: { findReportByLocator: locatorIndex(stores[0]!) },
      }),
    );
  expect((await submit(apps[0]!.url, envelope)).status).toBe(201);
  const sessions: string[] = [];
  for (const app of apps) sessions.push(await openSession(app.url, wb));
  const begin = (i: number) =>
    postJson(
      `${apps[i % 2]!.url}/api/v1/case/evidence`,
      {
        evidenceId: files[i]!.attachmentId,
        size: files[i]!.ciphertext.length,
        header: files[i]!.header,
      },
      { authorization: `Bearer ${sessions[i % 2]!}` },
    );
  return { reportId: envelope.reportId, size, begin, files, blobs: apps[0]!.blobStore };
}

/** Every answer either admitted the upload or is the quota's problem JSON; returns the admitted. */
async function admitted(answers: Response[]): Promise<number> {
  let ok = 0;
  for (const res of answers) {
    if (res.status === 201) ok += 1;
    else await expectProblem(res, 413, 'quotaExceeded');
  }
  return ok;
}

describe('evidence quotas under concurrent upload starts (two intake apps, one DATA_DIR)', () => {
  it('admits exactly as many bytes as the report may hold, however many starts race', async () => {
    // Room for three such files, not four.
    const { reportId, size, begin, files, blobs } = await twoIntakes(10, 64 * 1024, (size) => ({
      maxEvidenceBytesPerReport: 4 * size - 1,
    }));
    expect(files.every((f) => f.ciphertext.length === size)).toBe(true);
    const answers = await Promise.all(files.map((_, i) => begin(i)));
    expect(await admitted(answers)).toBe(3);
    expect(await blobs.pending(reportId)).toEqual({ uploads: 3, bytes: 3 * size });
  });

  it('admits exactly as many files as the report may hold, however many starts race', async () => {
    const { reportId, begin, files, blobs } = await twoIntakes(12, 100, () => ({
      maxEvidenceFiles: 4,
    }));
    const answers = await Promise.all(files.map((_, i) => begin(i)));
    expect(await admitted(answers)).toBe(4);
    expect((await blobs.pending(reportId)).uploads).toBe(4);
  });

  it('counts an upload that finished without its EvidenceAdded (a crash in between) until it is recorded', async () => {
    const { reportId, begin, files, blobs } = await twoIntakes(3, 100, () => ({
      maxEvidenceFiles: 2,
    }));
    // As a process killed between the blob's rename and the append leaves it: `/complete`
    // records it later, so it is one of the report's files already.
    const crashed = files[0]!;
    await blobs.begin(crashed.attachmentId, {
      size: crashed.ciphertext.length,
      owner: reportId,
      note: JSON.stringify(crashed.header),
    });
    await blobs.write(crashed.attachmentId, 0, crashed.ciphertext);
    await blobs.complete(crashed.attachmentId);
    expect((await begin(1)).status).toBe(201);
    const third = await begin(2);
    expect(third.status).toBe(413);
    await expectProblem(third, 413, 'quotaExceeded');
  });
});
