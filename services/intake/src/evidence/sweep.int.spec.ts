// The sweep of abandoned uploads, end to end: a real HTTP server, the SQLite event store file and
// the filesystem blob store in a temp data dir, time and timers injected so a day passes at once.
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problems } from '../http/problem.ts';
import {
  expectProblem,
  manualTimers,
  openSession,
  postJson,
  sha256hex,
  signedInWhistleblower,
  testClock,
  type Harness,
  type Receipt,
} from '../test-support/harness.ts';
import { CHUNK, HOUR, startSweepingIntake } from '../test-support/sweeping-intake.ts';

let dir: string;
let store: EventStore;
let clock: ReturnType<typeof testClock>;
let timers: ReturnType<typeof manualTimers>;
let h: Harness;
let wb: Receipt;
let reportId: string;
let token: string;

async function start() {
  h = await startSweepingIntake(dir, store, clock, timers);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intake-sweep-'));
  store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
  clock = testClock();
  timers = manualTimers();
  await start();
  ({ receipt: wb, reportId, token } = await signedInWhistleblower(h.url));
});
afterEach(async () => {
  await h.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${token}` });
/** Time passes: sessions end after 30 idle minutes, so the whistleblower signs in again. */
async function later(ms: number) {
  clock.advance(ms);
  token = await openSession(h.url, wb);
}
const uploadFiles = () => readdirSync(join(dir, 'evidence', 'uploads')).sort();
const blobFiles = () => readdirSync(join(dir, 'evidence', 'blobs'));

async function begin(file: { attachmentId: string; ciphertext: Buffer; header: unknown }) {
  return postJson(
    `${h.url}/api/v1/case/evidence`,
    { evidenceId: file.attachmentId, size: file.ciphertext.length, header: file.header },
    auth(),
  );
}
const put = (id: string, offset: number, bytes: Uint8Array) =>
  fetch(`${h.url}/api/v1/case/evidence/${id}?offset=${offset}`, {
    method: 'PUT',
    headers: { ...auth(), 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
const status = (id: string) => fetch(`${h.url}/api/v1/case/evidence/${id}`, { headers: auth() });
async function sendFrom(file: { attachmentId: string; ciphertext: Buffer }, offset: number) {
  let last: Response | undefined;
  for (let at = offset; at < file.ciphertext.length; at += CHUNK) {
    last = await put(file.attachmentId, at, file.ciphertext.subarray(at, at + CHUNK));
    expect([200, 201]).toContain(last.status);
  }
  return last!;
}
/** A sealed attachment of three chunks or more, begun, with its first chunk sent. */
async function halfUploaded() {
  const file = await wb.attachment(reportId, randomBytes(2 * CHUNK));
  expect((await begin(file)).status).toBe(201);
  expect((await put(file.attachmentId, 0, file.ciphertext.subarray(0, CHUNK))).status).toBe(200);
  return file;
}

describe('sweep of abandoned uploads', () => {
  it('removes an upload untouched for a day, keeps one resumed inside the window, and never a finished blob', async () => {
    // A finished piece of evidence: its blob is referenced by EvidenceAdded.
    const done = await wb.attachment(reportId, randomBytes(CHUNK));
    expect((await begin(done)).status).toBe(201);
    expect((await sendFrom(done, 0)).status).toBe(201);
    const doneBlob = sha256hex(done.ciphertext);
    const resumed = await halfUploaded();
    const abandoned = await halfUploaded();

    // 23 hours later the whistleblower resumes one upload; the sweep leaves both alone.
    await later(23 * HOUR);
    expect(
      (await put(resumed.attachmentId, CHUNK, resumed.ciphertext.subarray(CHUNK, 2 * CHUNK)))
        .status,
    ).toBe(200);
    await timers.fire();
    expect(uploadFiles()).toHaveLength(4);

    // Two more hours: the other one has been silent for 25 hours and goes.
    await later(2 * HOUR);
    await timers.fire();
    expect(uploadFiles()).toEqual(
      [
        `${resumed.attachmentId}.json`,
        `${resumed.attachmentId}.part`,
        `${abandoned.attachmentId}.expired`,
      ].sort(),
    );
    expect(h.logs.join('')).toContain('"removed":1');

    // Its owner is told to start that file again, on status and on the next chunk.
    for (const res of [
      await status(abandoned.attachmentId),
      await put(abandoned.attachmentId, CHUNK, abandoned.ciphertext.subarray(CHUNK, 2 * CHUNK)),
    ]) {
      const p = await expectProblem(res, 410, 'uploadExpired');
      expect(p.body.title).toBe(problems.uploadExpired.title);
    }

    // The resumed upload finishes normally, 20 more hours on.
    await later(20 * HOUR);
    expect((await sendFrom(resumed, 2 * CHUNK)).status).toBe(201);

    // Starting the swept file again begins at offset 0 and completes.
    const again = await begin(abandoned);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { received: number }).received).toBe(0);
    expect((await sendFrom(abandoned, 0)).status).toBe(201);
    expect(uploadFiles()).toEqual([]);

    // Months of sweeps later every finished blob is still there and downloads byte-identical.
    for (let i = 0; i < 3; i++) {
      await later(30 * 24 * HOUR);
      await timers.fire();
    }
    expect(blobFiles().sort()).toEqual(
      [doneBlob, sha256hex(resumed.ciphertext), sha256hex(abandoned.ciphertext)].sort(),
    );
    const blob = await fetch(`${h.url}/api/v1/case/evidence/${done.attachmentId}/blob`, {
      headers: auth(),
    });
    expect(blob.status).toBe(200);
    expect(Buffer.from(await blob.arrayBuffer()).equals(done.ciphertext)).toBe(true);
    const events = (await store.readAll()).filter((e) => e.type === 'EvidenceAdded');
    expect(events).toHaveLength(3);
  });

  it('tells only the owner that an upload expired; anyone else gets the plain 404', async () => {
    const abandoned = await halfUploaded();
    await later(25 * HOUR);
    await timers.fire();
    const { token: otherToken } = await signedInWhistleblower(h.url);
    const res = await fetch(`${h.url}/api/v1/case/evidence/${abandoned.attachmentId}`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    await expectProblem(res, 404, 'uploadNotFound');
  });

  it('forgets the expiry marker a window later: then the upload is simply unknown', async () => {
    const abandoned = await halfUploaded();
    await later(25 * HOUR);
    await timers.fire();
    expect((await status(abandoned.attachmentId)).status).toBe(410);
    await later(25 * HOUR);
    await timers.fire();
    expect(uploadFiles()).toEqual([]);
    await expectProblem(await status(abandoned.attachmentId), 404, 'uploadNotFound');
  });

  it('sweeps at start, before any timer fired, what a previous run left behind', async () => {
    const abandoned = await halfUploaded();
    await h.close();
    clock.advance(25 * HOUR);
    timers = manualTimers();
    await start();
    // close() waits for the sweep in flight, the one started with the app; no timer fired.
    await h.app.intake.close();
    expect(uploadFiles()).toEqual([`${abandoned.attachmentId}.expired`]);
  });

  it('stops its timer on close; a tick after that does nothing', async () => {
    const abandoned = await halfUploaded();
    // The sweep and the hourly request counts.
    expect(timers.scheduled()).toBe(2);
    await h.app.intake.close();
    expect(timers.scheduled()).toBe(0);
    clock.advance(25 * HOUR);
    await timers.fire();
    expect(existsSync(join(dir, 'evidence', 'uploads', `${abandoned.attachmentId}.part`))).toBe(
      true,
    );
  });

  it('with the default timers does not keep the process alive: an app that is never closed lets Node exit', async () => {
    const code = [
      "import { createMemoryEventStore } from '@integrity-desk/eventstore';",
      "import { createIntakeApp, createMemoryBlobStore } from '@integrity-desk/intake';",
      'createIntakeApp({ store: createMemoryEventStore(), blobStore: createMemoryBlobStore(),',
      '  listChannels: async () => [], findReportByLocator: async () => undefined });',
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: join(import.meta.dirname, '..', '..', '..', '..'),
      stdio: 'ignore',
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    clearTimeout(killer);
    expect(exit).toEqual({ code: 0, signal: null });
  }, 60_000);
});
