// A finished upload whose EvidenceAdded never became durable, after a real crash (SIGKILL of a
// child intake between the blob's rename and the append): the next start's sweep erases that
// blob once the grace period is over, and never one that an event names; a retry keeps it; a
// purge of the report erases it. The SQLite file and the blob directory are real, the clock and
// the timers injected.
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beginUpload,
  manualTimers,
  openSession,
  postJson,
  sha256hex,
  submittedWhistleblower,
  testClock,
  type Harness,
} from '../../intake/src/test-support/harness.ts';
import { CHUNK, HOUR, startSweepingIntake } from '../../intake/src/test-support/sweeping-intake.ts';
import { startEmbeddedPurger } from '../src/backup/embedded-purger.ts';

let dir: string;
let store: EventStore | undefined;
let h: Harness | undefined;
let clock: ReturnType<typeof testClock>;
let timers: ReturnType<typeof manualTimers>;
/** The child intake, ended here if it never reached its crash point (a broken build). */
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'idesk-unrecorded-'));
});
afterEach(async () => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await h?.close();
  await store?.close();
  h = store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const uploadsDir = () => join(dir, 'evidence', 'uploads');
const blobPath = (blobId: string) => join(dir, 'evidence', 'blobs', blobId);
const evidenceEvents = async () =>
  (await store!.readAll()).filter((e) => e.type === 'EvidenceAdded');

type File = { attachmentId: string; ciphertext: Buffer; header: unknown };
async function upload(url: string, token: string, file: File, bytes = file.ciphertext) {
  const auth = { authorization: `Bearer ${token}` };
  const { put } = await beginUpload(url, auth, { ...file, ciphertext: bytes });
  let last: Response | undefined;
  for (let at = 0; at < bytes.length; at += CHUNK) last = await put(at, at + CHUNK);
  return last!;
}

/**
 * A whistleblower submits and uploads one file to a child intake that is killed at `point` of
 * the last chunk: the client never gets an answer.
 */
async function crashDuringUpload(point: 'append' | 'recorded') {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'evidence-crash-child.ts'), dir, point],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const running = child;
  const exited = new Promise<NodeJS.Signals | null>((r) => running.on('exit', (_c, sig) => r(sig)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    running.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    running.on('exit', () => reject(new Error('child exited before listening')));
  });
  const { receipt: wb, reportId } = await submittedWhistleblower(url);
  const file = await wb.attachment(reportId, randomBytes(2 * CHUNK));
  await expect(upload(url, await openSession(url, wb), file)).rejects.toThrow();
  expect(await exited).toBe('SIGKILL');
  return { wb, reportId, file, blobId: sha256hex(file.ciphertext) };
}

/** The next start: an intake on the same data directory, its start sweep done. */
async function restart() {
  store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
  clock = testClock();
  timers = manualTimers();
  h = await startSweepingIntake(dir, store, clock, timers);
  await timers.fire();
}

async function sweepAfter(ms: number) {
  clock.advance(ms);
  await timers.fire();
}

describe('evidence whose EvidenceAdded a crash prevented', () => {
  it('is kept through the grace period, then erased by the sweep (zeros, then unlink) with its marker', async () => {
    const { file, blobId } = await crashDuringUpload('append');
    expect(existsSync(blobPath(blobId))).toBe(true);
    await restart();
    expect(await evidenceEvents()).toEqual([]);
    expect(readdirSync(uploadsDir())).toHaveLength(1);
    // A second name for the blob's inode shows what the erase leaves in it.
    const watch = join(dir, 'watch');
    linkSync(blobPath(blobId), watch);
    await sweepAfter(23 * HOUR);
    expect(existsSync(blobPath(blobId))).toBe(true);
    expect(h!.logs.join('')).not.toContain('"erased"');
    await sweepAfter(2 * HOUR);
    expect(existsSync(blobPath(blobId))).toBe(false);
    expect(readdirSync(uploadsDir())).toEqual([]);
    const left = readFileSync(watch);
    expect(left.length).toBe(file.ciphertext.length);
    expect(left.every((b) => b === 0)).toBe(true);
    expect(h!.logs.join('')).toContain('"removed":0,"erased":1');
  }, 60_000);

  it("is the whistleblower's again when their browser comes back: it finishes the upload, which is recorded and kept", async () => {
    const { wb, file, blobId } = await crashDuringUpload('append');
    await restart();
    const token = await openSession(h!.url, wb);
    const auth = { authorization: `Bearer ${token}` };
    // Resuming, the browser learns every byte is there but nothing recorded it...
    const begun = await postJson(
      `${h!.url}/api/v1/case/evidence`,
      { evidenceId: file.attachmentId, size: file.ciphertext.length, header: file.header },
      auth,
    );
    const size = file.ciphertext.length;
    const pending = { evidenceId: file.attachmentId, size, received: size, complete: false };
    expect([begun.status, await begun.json()]).toEqual([200, pending]);
    // ...and asks the server to finish it: once, then the same answer again.
    const finish = () =>
      postJson(`${h!.url}/api/v1/case/evidence/${file.attachmentId}/complete`, {}, auth);
    const done = { ...pending, complete: true, blobId };
    const first = await finish();
    expect([first.status, await first.json()]).toEqual([201, done]);
    const again = await finish();
    expect([again.status, await again.json()]).toEqual([200, done]);
    expect((await evidenceEvents()).map((e) => (e.data as { blobId: string }).blobId)).toEqual([
      blobId,
    ]);
    expect(readdirSync(uploadsDir())).toEqual([]);
    for (let i = 0; i < 3; i++) await sweepAfter(30 * 24 * HOUR);
    const download = await fetch(`${h!.url}/api/v1/case/evidence/${file.attachmentId}/blob`, {
      headers: { authorization: `Bearer ${await openSession(h!.url, wb)}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(file.ciphertext)).toBe(true);
  }, 60_000);

  it('is never erased once an event names it: its own, durable before the crash, or another report holding the same bytes', async () => {
    const own = await crashDuringUpload('recorded');
    await restart();
    expect(await evidenceEvents()).toHaveLength(1);
    await h!.close();
    await store!.close();
    h = store = undefined;
    const orphan = await crashDuringUpload('append');
    await restart();
    // Another report receives the very same ciphertext (under its own header) before the
    // grace period ends; its blob is the orphan's, completed no later than the orphan's.
    const { receipt: other, reportId } = await submittedWhistleblower(h!.url);
    const theirs = await other.attachment(reportId, randomBytes(2 * CHUNK));
    const res = await upload(h!.url, await openSession(h!.url, other), {
      ...theirs,
      ciphertext: orphan.file.ciphertext,
    });
    expect(res.status).toBe(201);
    expect(readdirSync(uploadsDir())).toHaveLength(2);
    await sweepAfter(25 * HOUR);
    expect(readdirSync(uploadsDir())).toEqual([]);
    expect(existsSync(blobPath(own.blobId))).toBe(true);
    expect(existsSync(blobPath(orphan.blobId))).toBe(true);
    expect(h!.logs.join('')).not.toContain('"erased"');
  }, 90_000);

  it('is erased with its report by a purge, inside the grace period', async () => {
    const { reportId, blobId } = await crashDuringUpload('append');
    store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
    const staff = { kind: 'investigator', investigatorId: randomUUID() } as const;
    for (const c of [
      { type: 'AcknowledgeReport', data: { reportId } },
      { type: 'CloseReport', data: { reportId, outcome: 'unsubstantiated' } },
    ])
      await handleReportCommand(store, reportId, {
        ...c,
        metadata: { now: new Date(), eventId: randomUUID(), actor: staff },
      } as ReportCommand);
    const { purger, stop } = await startEmbeddedPurger(store, {
      readModelsFile: join(dir, 'read-models.sqlite'),
      blobDir: join(dir, 'evidence'),
    });
    try {
      expect(existsSync(blobPath(blobId))).toBe(true);
      expect(await purger.purge(reportId, staff)).toBe('erased');
    } finally {
      await stop();
    }
    expect(existsSync(blobPath(blobId))).toBe(false);
    expect(readdirSync(uploadsDir())).toEqual([]);
  }, 60_000);
});
