/**
 * Canary test: unique strings sent in a report, in the X-Forwarded-For, User-Agent and Referer
 * headers, in URLs and in bodies must appear nowhere the server keeps or says anything: not in
 * the data directory (SQLite store, WAL, blobs, uploads), not in the logs, not in an error
 * response. Runs on the real embedded store and the filesystem blob store.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from './evidence/fs-blob-store.ts';
import {
  formClient,
  receiptOf,
  safeChannelId,
  startSafeIntake,
} from './test-support/safe-harness.ts';
import {
  makeEnvelope,
  makeReceipt,
  manualTimers,
  solvedPow,
  startIntake,
} from './test-support/harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'intake-canary-'));
const safeDataDir = mkdtempSync(join(tmpdir(), 'intake-canary-safe-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(safeDataDir, { recursive: true, force: true });
});

const canary = (where: string) => `CANARY${where}${randomBytes(6).toString('hex')}`;
const canaries = {
  report: canary('REPORT'),
  forwardedFor: `203.0.113.${Math.floor(Math.random() * 200)}`,
  userAgent: canary('UA'),
  referer: canary('REF'),
  body: canary('BODY'),
  url: canary('URL'),
  message: canary('MSG'),
  evidence: canary('EVI'),
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('canaries', () => {
  it('leave no trace in the data directory, the logs or error responses', async () => {
    const store = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    const blobStore = createFsBlobStore({ dir: join(dataDir, 'blobs') });
    const timers = manualTimers();
    const h = await startIntake({ store, blobStore, deps: { timers } });
    const responses: string[] = [];
    const headers = {
      'x-forwarded-for': canaries.forwardedFor,
      'user-agent': canaries.userAgent,
      referer: `https://${canaries.referer}.example/`,
    };
    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${h.url}${path}`, {
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string>) },
      });
      const text = await res.text();
      responses.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
      return { status: res.status, text };
    };
    const json = (body: unknown, extra: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

    try {
      const receipt = await makeReceipt();
      const envelope = makeEnvelope(receipt, `The accused is ${canaries.report}`);
      const ok = await call('/api/v1/reports', json({ envelope, pow: await solvedPow(h.url) }));
      expect(ok.status).toBe(201);

      // Bad input carrying canaries: every one must be refused without an echo.
      const submission = async (body: unknown) =>
        (await call('/api/v1/reports', json(body))).status;
      expect(await submission(`{"envelope": "${canaries.body}`)).toBe(400);
      expect(
        await submission({ envelope, [canaries.body]: canaries.body, pow: await solvedPow(h.url) }),
      ).toBe(400);
      expect(
        await submission({
          envelope: { ...envelope, channelId: canaries.body },
          pow: await solvedPow(h.url),
        }),
      ).toBe(400);
      expect(
        await submission({
          envelope: { ...makeEnvelope(receipt), reportId: randomUUID() },
          pow: { challenge: canaries.body, solution: '1' },
        }),
      ).toBe(403);
      expect((await call(`/api/v1/${canaries.url}?q=${canaries.url}`)).status).toBe(404);
      expect(
        (
          await call(`/api/v1/case/evidence/${canaries.url}`, {
            headers: { authorization: `Bearer ${canaries.url}` },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await call(
            '/api/v1/session',
            json({
              locator: receipt.locator,
              challenge: canaries.body,
              signature: canaries.body,
              pow: await solvedPow(h.url),
            }),
          )
        ).status,
      ).toBe(401);
      expect(
        (
          await call(
            '/api/v1/session/challenge',
            json({ locator: canaries.body.toLowerCase() + '!' }),
          )
        ).status,
      ).toBe(400);

      // A session, a message and evidence, all with the canary headers.
      const c = JSON.parse(
        (await call('/api/v1/session/challenge', json({ locator: receipt.locator }))).text,
      ) as { challenge: string };
      const s = await call(
        '/api/v1/session',
        json({
          locator: receipt.locator,
          challenge: c.challenge,
          signature: receipt.sign(c.challenge),
          pow: await solvedPow(h.url),
        }),
      );
      expect(s.status).toBe(201);
      const auth = { authorization: `Bearer ${(JSON.parse(s.text) as { token: string }).token}` };
      const messageId = randomUUID();
      const message = {
        messageId,
        envelope: receipt.message(envelope.reportId, canaries.message, messageId),
      };
      expect((await call('/api/v1/case/messages', json(message, auth))).status).toBe(201);
      const file = await receipt.attachment(
        envelope.reportId,
        Buffer.from(canaries.evidence.repeat(100)),
      );
      const evidenceId = file.attachmentId;
      const sealedChunk = file.ciphertext;
      const begin = await call(
        '/api/v1/case/evidence',
        json({ evidenceId, size: sealedChunk.length, header: file.header }, auth),
      );
      expect(begin.status).toBe(201);
      const wrongOffset = await call(`/api/v1/case/evidence/${evidenceId}?offset=7`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(Buffer.from(canaries.body)),
      });
      expect(wrongOffset.status).toBe(409);
      const put = await call(`/api/v1/case/evidence/${evidenceId}?offset=0`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(sealedChunk),
      });
      expect(put.status).toBe(201);
      expect((await call('/api/v1/case', { headers: auth })).status).toBe(200);
      // The hour turns: the request counters are written (and the sweep runs).
      await timers.fire();
    } finally {
      await h.close();
      await store.close();
    }

    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('events.sqlite'))).toBe(true);
    expect(files.some((f) => f.includes(`${join('blobs', 'blobs')}`))).toBe(true);
    const logText = h.logs.join('');
    expect(logText).toContain('"route":"/api/v1/reports"');
    const errorResponses = responses.filter((r) => !/^2/.test(r)).join('\n');
    expect(errorResponses).toContain('problem');
    for (const [where, value] of Object.entries(canaries)) {
      const needle = Buffer.from(value);
      for (const file of files) {
        expect({ where, file, found: readFileSync(file).includes(needle) }).toEqual({
          where,
          file,
          found: false,
        });
      }
      expect({ where, inLogs: logText.includes(value) }).toEqual({ where, inLogs: false });
      expect({ where, inErrors: errorResponses.includes(value) }).toEqual({
        where,
        inErrors: false,
      });
    }
    // The log lines hold exactly the allowed fields (plus pino's level, time and msg): hourly
    // counts of requests and failures, and the sweep's two counts.
    for (const line of h.logs) {
      const keys = Object.keys(JSON.parse(line) as object).sort();
      expect([
        ['count', 'level', 'method', 'ms', 'msg', 'route', 'status', 'time'],
        ['count', 'error', 'level', 'msg', 'problem', 'time'],
        ['erased', 'level', 'msg', 'removed', 'time'],
      ]).toContainEqual(keys);
    }
  });

  it('leave no trace through the no-JavaScript forms either, where the server sees the plaintext', async () => {
    const store = createSqliteEventStore({ file: join(safeDataDir, 'events.sqlite') });
    const blobStore = createFsBlobStore({ dir: join(safeDataDir, 'blobs') });
    const timers = manualTimers();
    const safe = await startSafeIntake({ store, blobStore, deps: { timers } });
    const h = safe.h;
    const secret = {
      answer: canary('SAFEANSWER'),
      where: canary('SAFEWHERE'),
      file: canary('SAFEFILE'),
      fileName: canary('SAFENAME'),
      reply: canary('SAFEREPLY'),
      refused: canary('SAFEREFUSED'),
    };
    const c = formClient(h);
    const headers = {
      'x-forwarded-for': canaries.forwardedFor,
      'user-agent': canaries.userAgent,
      referer: `https://${canaries.referer}.example/`,
    };
    const errors: string[] = [];
    const post = async (path: string, body: FormData | URLSearchParams) => {
      const answer = await c.post(path, body, headers);
      if (answer.res.status >= 400) errors.push(answer.text);
      return answer;
    };
    const reportPath = `/safe/report/${safeChannelId}`;
    let receipt: string | undefined;
    try {
      const { token } = await c.get(reportPath);
      const form = (what: string, where: string) => {
        const f = new FormData();
        f.set('form', token!);
        f.set('q-what', what);
        f.set('q-where', where);
        return f;
      };
      // Refused forms carrying canaries: a missing answer, a bad choice, no token, too large.
      expect((await post(reportPath, form(secret.refused, ''))).res.status).toBe(400);
      const badChoice = form(secret.refused, secret.refused);
      badChoice.set('q-ongoing', secret.refused);
      expect((await post(reportPath, badChoice)).res.status).toBe(400);
      const noToken = form(secret.refused, secret.refused);
      noToken.set('form', secret.refused);
      expect((await post(reportPath, noToken)).res.status).toBe(403);

      const sent = form(secret.answer, secret.where);
      sent.append('files', new File([secret.file.repeat(50)], `${secret.fileName}.txt`));
      const ok = await post(reportPath, sent);
      expect(ok.res.status).toBe(201);
      receipt = receiptOf(ok.text);
      expect(receipt).toBeDefined();

      const back = await c.get('/safe/return');
      const wrong = new URLSearchParams({ form: back.token!, receipt: secret.refused });
      expect((await post('/safe/case', wrong)).res.status).toBe(401);
      const reply = new URLSearchParams({
        form: back.token!,
        receipt: receipt!,
        reply: secret.reply,
      });
      const replied = await post('/safe/case', reply);
      expect(replied.res.status).toBe(200);
      expect(replied.text).toContain(secret.reply);
      await timers.fire();
    } finally {
      await h.close();
      await store.close();
    }

    const [report] = await (async () => {
      const reopened = createSqliteEventStore({ file: join(safeDataDir, 'events.sqlite') });
      try {
        const events = await reopened.readAll();
        return [events.find((e) => e.type === 'ReportSubmitted')];
      } finally {
        await reopened.close();
      }
    })();
    expect((report?.data as { sealedBy?: string }).sealedBy).toBe('server');
    const files = filesUnder(safeDataDir);
    expect(files.some((f) => f.includes(`${join('blobs', 'blobs')}`))).toBe(true);
    const logText = h.logs.join('');
    expect(logText).toContain('"route":"/safe/report/:channelId"');
    expect(errors.length).toBe(4);
    const needles = { ...secret, receipt: receipt!, receiptBare: receipt!.replaceAll('-', '') };
    for (const [where, value] of Object.entries(needles)) {
      for (const file of files)
        expect({ where, file, found: readFileSync(file).includes(Buffer.from(value)) }).toEqual({
          where,
          file,
          found: false,
        });
      expect({ where, inLogs: logText.includes(value) }).toEqual({ where, inLogs: false });
      expect({ where, inErrors: errors.join('\n').includes(value) }).toEqual({
        where,
        inErrors: false,
      });
    }
  });
});
