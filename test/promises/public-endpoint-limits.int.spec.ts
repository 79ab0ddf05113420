/**
 * SECURITY.md, "Public endpoints", the limits column, attacked from outside: intake on a real
 * loopback port over a real SQLite file and the filesystem blob store, with the default limits
 * (`defaultIntakeConfig`; only the proof of work is made cheap). Each limit is pushed one past
 * its bound and the refusal must change nothing: the store, the upload's bytes.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { createMemoryStore, createSharedState } from '@integrity-desk/shared-state';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../../services/intake/src/evidence/fs-blob-store.ts';
import {
  expectProblem,
  expectRefused,
  manualTimers,
  postJson,
  signedInWhistleblower,
  snapshot,
  solvedPow,
  startIntake,
  submittedWhistleblower,
  testClock,
  type Harness,
} from '../../services/intake/src/test-support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'promise-limits-'));
let h: Harness;
beforeAll(async () => {
  h = await startIntake({
    store: createSqliteEventStore({ file: join(dir, 'events.sqlite') }),
    blobStore: createFsBlobStore({ dir: join(dir, 'evidence') }),
    deps: { timers: manualTimers() },
  });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One raw HTTP/1.1 exchange: sends `head` (and `body`, if any) and reads until the server closes. */
function raw(head: string, body?: Buffer): Promise<string> {
  const { port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const parts: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(`no answer: ${Buffer.concat(parts).toString('latin1')}`);
    }, 5_000);
    socket.on('data', (part) => parts.push(part));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(parts).toString('latin1'));
    });
    socket.write(head);
    if (body) socket.end(body);
  });
}

describe('POST /session/challenge and POST /session: 4 KiB body', () => {
  for (const path of ['/api/v1/session/challenge', '/api/v1/session']) {
    it(`${path}: 413 from a Content-Length over 4 KiB, answered before a byte of body is sent`, async () => {
      const before = await snapshot(h.store);
      const answer = await raw(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: 4097\r\n\r\n`,
      );
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      expect(answer).toContain('/problems/tooLarge');
      expect(await snapshot(h.store)).toBe(before);
    });

    it(`${path}: 413 for a chunked body that passes 4 KiB`, async () => {
      const before = await snapshot(h.store);
      const json = Buffer.from(JSON.stringify({ locator: 'A'.repeat(5_000) }));
      const answer = await raw(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
        Buffer.concat([
          Buffer.from(`${json.length.toString(16)}\r\n`),
          json,
          Buffer.from('\r\n0\r\n\r\n'),
        ]),
      );
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      expect(await snapshot(h.store)).toBe(before);
    });
  }
});

/** Seals `size` random bytes as evidence of the whistleblower's report and begins its upload. */
async function begin(wb: Awaited<ReturnType<typeof signedInWhistleblower>>, size = 1) {
  const file = await wb.receipt.attachment(wb.reportId, randomBytes(size));
  const res = await postJson(
    `${h.url}/api/v1/case/evidence`,
    { evidenceId: file.attachmentId, size: file.ciphertext.length, header: file.header },
    wb.auth,
  );
  return { ...file, res };
}

const put = (
  wb: { auth: Record<string, string> },
  evidenceId: string,
  offset: number,
  chunk: Uint8Array,
) =>
  fetch(`${h.url}/api/v1/case/evidence/${evidenceId}?offset=${offset}`, {
    method: 'PUT',
    headers: { ...wb.auth, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(chunk),
  });

describe('evidence: 100 files per report', () => {
  it('counts uploads begun and not finished, so begun-then-finished files never pass 100', async () => {
    const wb = await signedInWhistleblower(h.url);
    const begun = [];
    for (let i = 0; i < 100; i++) {
      const upload = await begin(wb);
      expect(upload.res.status, `upload ${i}`).toBe(201);
      begun.push(upload);
    }
    const before = await snapshot(h.store);
    const extra = await begin(wb);
    await expectRefused(extra.res, 413, 'quotaExceeded', h.store, before);
    expect(await h.blobStore.status(extra.attachmentId)).toBeUndefined();
    // Every upload begun finishes: the report holds exactly 100 files, never more.
    for (const upload of begun.slice(0, 3))
      expect((await put(wb, upload.attachmentId, 0, upload.ciphertext)).status).toBe(201);
    const again = await begin(wb);
    expect(again.res.status).toBe(413);
  }, 120_000);
});

describe('evidence: 600 writes a minute per report', () => {
  it('refuses the 601st write of one report with 429, changing nothing, while another report writes', async () => {
    const wb = await signedInWhistleblower(h.url);
    const other = await signedInWhistleblower(h.url);
    const upload = await begin(wb, 2_000); // write 1
    expect(upload.res.status).toBe(201);
    for (let offset = 0; offset < 599; offset++) {
      const res = await put(
        wb,
        upload.attachmentId,
        offset,
        upload.ciphertext.subarray(offset, offset + 1),
      );
      expect(res.status, `write ${offset + 2}`).toBe(200);
    }
    const before = await snapshot(h.store);
    const refused = await put(wb, upload.attachmentId, 599, upload.ciphertext.subarray(599, 600));
    await expectRefused(refused, 429, 'rateLimited', h.store, before);
    expect((await h.blobStore.status(upload.attachmentId))?.received).toBe(599);
    const message = await postJson(
      `${h.url}/api/v1/case/messages`,
      (() => {
        const messageId = randomUUID();
        return { messageId, envelope: wb.receipt.message(wb.reportId, 'more', messageId) };
      })(),
      wb.auth,
    );
    expect(message.status).toBe(429);
    // A referral's answer counts in the same limit (SECURITY.md, Public endpoints).
    await expectRefused(
      await postJson(`${h.url}/api/v1/case/referrals/${randomUUID()}/decline`, {}, wb.auth),
      429,
      'rateLimited',
      h.store,
      before,
    );
    // Per report, never global: another whistleblower is not held up by this one.
    expect((await begin(other)).res.status).toBe(201);
    // A window later the same chunk goes through.
    h.clock.advance(61_000);
    expect(
      (await put(wb, upload.attachmentId, 599, upload.ciphertext.subarray(599, 600))).status,
    ).toBe(200);
  }, 120_000);
});

describe('GET /case: a full in-memory state', () => {
  it('refuses a new session with 503 rather than pushing out a session that exists', async () => {
    const clock = testClock();
    const memory = createMemoryStore({ now: () => clock.now().getTime(), maxEntries: 100 });
    const full = await startIntake({
      clock,
      store: createSqliteEventStore({ file: join(dir, 'full-state.sqlite') }),
      // This process's memory, bounded small so that an outsider's few requests fill it.
      deps: {
        timers: manualTimers(),
        sharedState: createSharedState(memory, randomBytes(32)),
      },
    });
    try {
      const open: { token: string }[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 60 && !refused; i++) {
        const wb = await submittedWhistleblower(full.url).catch(() => undefined);
        if (!wb) break;
        const c = await postJson(`${full.url}/api/v1/session/challenge`, {
          locator: wb.receipt.locator,
        });
        const { challenge } = (await c.json()) as { challenge: string };
        const res = await postJson(`${full.url}/api/v1/session`, {
          locator: wb.receipt.locator,
          challenge,
          signature: wb.receipt.sign(challenge),
          pow: await solvedPow(full.url),
        });
        if (res.status === 201) open.push((await res.json()) as { token: string });
        else refused = res;
      }
      expect(open.length).toBeGreaterThan(2);
      expect(refused, 'a new session was refused once the state was full').toBeDefined();
      await expectProblem(refused!, 503, 'unavailable');
      for (const { token } of open) {
        const res = await fetch(`${full.url}/api/v1/case`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await full.close();
    }
  }, 120_000);
});
