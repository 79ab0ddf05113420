import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problems } from '../http/problem.ts';
import { solvePow } from '../pow/pow.ts';
import {
  channels,
  expectProblem,
  expectRefused,
  makeEnvelope,
  makeReceipt,
  postJson,
  snapshot,
  solvedPow,
  startIntake,
  submit,
  type Harness,
} from '../test-support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startIntake();
});
afterEach(() => h.close());

/** A new whistleblower's report, sent with this proof of work. */
const submitPaidWith = async (pow: { challenge: string; solution: string }) =>
  submit(h.url, makeEnvelope(await makeReceipt()), pow);
const refused = (res: Response, status: number, kind: string, before: string) =>
  expectRefused(res, status, kind, h.store, before);

describe('POST /api/v1/reports', () => {
  it('appends ReportSubmitted with the ciphertext envelope and an hour-rounded time', async () => {
    const envelope = makeEnvelope(await makeReceipt());
    const res = await submit(h.url, envelope);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ reportId: envelope.reportId });
    const events = await h.store.readStream(`report-${envelope.reportId}`);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('ReportSubmitted');
    expect(events[0]!.data).toMatchObject({
      reportId: envelope.reportId,
      channelId: envelope.channelId,
      receivedAt: '2026-03-10T09:00:00.000Z',
      envelope,
    });
  });

  it('answers a retry with the same body with the same success and stores it once', async () => {
    const envelope = makeEnvelope(await makeReceipt());
    const pow = await solvedPow(h.url);
    expect((await submit(h.url, envelope, pow)).status).toBe(201);
    // Same challenge too: the response was lost and the browser sends the identical request.
    const again = await submit(h.url, envelope, pow);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ reportId: envelope.reportId });
    // And with a fresh challenge.
    expect((await submit(h.url, envelope)).status).toBe(201);
    expect(await h.store.readStream(`report-${envelope.reportId}`)).toHaveLength(1);
  });

  it('refuses a different body under an existing report id with 409 and changes nothing', async () => {
    const receipt = await makeReceipt();
    const first = makeEnvelope(receipt, 'first');
    expect((await submit(h.url, first)).status).toBe(201);
    const before = await snapshot(h.store);
    await refused(
      await submit(h.url, makeEnvelope(receipt, 'second', first.reportId)),
      409,
      'conflict',
      before,
    );
  });

  it('refuses malformed JSON', async () => {
    const before = await snapshot(h.store);
    await refused(
      await postJson(`${h.url}/api/v1/reports`, '{"envelope": {'),
      400,
      'malformedJson',
      before,
    );
  });

  it('refuses wrong types', async () => {
    const before = await snapshot(h.store);
    const envelope = { ...makeEnvelope(await makeReceipt()), recipientListVersion: 'one' };
    await refused(await submit(h.url, envelope), 400, 'invalidRequest', before);
  });

  it('refuses unknown fields', async () => {
    const before = await snapshot(h.store);
    const envelope = { ...makeEnvelope(await makeReceipt()), plaintextName: 'Jane' };
    await refused(await submit(h.url, envelope), 400, 'invalidRequest', before);
  });

  it('refuses an envelope whose signature does not verify', async () => {
    const before = await snapshot(h.store);
    const receipt = await makeReceipt();
    const envelope = makeEnvelope(receipt);
    const other = makeEnvelope(receipt, 'another report');
    const res = await submit(h.url, { ...envelope, signature: other.signature });
    await refused(res, 400, 'invalidSignature', before);
  });

  it('refuses a body that is not JSON by content type', async () => {
    const before = await snapshot(h.store);
    const res = await fetch(`${h.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    await refused(res, 415, 'unsupportedMediaType', before);
  });

  it('refuses an oversize body with 413 from its Content-Length, before reading it', async () => {
    const before = await snapshot(h.store);
    const { request } = await import('node:http');
    const url = new URL(`${h.url}/api/v1/reports`);
    // Declares 50 MiB but sends only a few bytes: the answer must come without the rest.
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(50 * 1024 * 1024),
          },
        },
        (r) => {
          let body = '';
          r.on('data', (d: Buffer) => (body += d.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"envelope":');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({
      status: 413,
      type: 'https://integrity-desk.org/problems/tooLarge',
    });
    expect(await snapshot(h.store)).toBe(before);
  });

  it('refuses an oversize body sent without a length (chunked) with 413', async () => {
    const before = await snapshot(h.store);
    const big = new TextEncoder().encode(`{"envelope":"${'A'.repeat(3 * 1024 * 1024)}"}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 64 * 1024)
          controller.enqueue(big.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${h.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await refused(res, 413, 'tooLarge', before);
  });

  it('refuses a wrong proof-of-work solution', async () => {
    const before = await snapshot(h.store);
    const { challenge, solution } = await solvedPow(h.url);
    const wrong = String(Number(solution) + 1);
    // (the next number may also solve a 4-bit challenge: search for one that does not)
    let bad = wrong;
    for (let i = 1; solvePow(challenge) !== '' && i < 1000; i++) {
      bad = String(Number(solution) + i);
      const { leadingZeroBits, powDigest } = await import('../pow/pow.ts');
      if (leadingZeroBits(powDigest(challenge, bad)) < 4) break;
    }
    await refused(await submitPaidWith({ challenge, solution: bad }), 403, 'powRequired', before);
  });

  it('refuses a forged challenge (MAC does not hold)', async () => {
    const before = await snapshot(h.store);
    const { challenge } = await solvedPow(h.url);
    const parts = challenge.split('.');
    parts[1] = '2'; // ask for less work than was handed out
    const forged = parts.join('.');
    const paid = { challenge: forged, solution: solvePow(forged) };
    await refused(await submitPaidWith(paid), 403, 'powRequired', before);
  });

  it('refuses an expired challenge', async () => {
    const pow = await solvedPow(h.url);
    h.clock.advance(11 * 60_000);
    const before = await snapshot(h.store);
    await refused(await submitPaidWith(pow), 403, 'powRequired', before);
  });

  it('refuses a replayed challenge for another submission', async () => {
    const pow = await solvedPow(h.url);
    expect((await submitPaidWith(pow)).status).toBe(201);
    const before = await snapshot(h.store);
    await refused(await submitPaidWith(pow), 403, 'powReplayed', before);
  });

  it('refuses a missing proof of work', async () => {
    const before = await snapshot(h.store);
    const res = await postJson(`${h.url}/api/v1/reports`, {
      envelope: makeEnvelope(await makeReceipt()),
    });
    await refused(res, 400, 'invalidRequest', before);
  });

  it('refuses an unknown channel', async () => {
    const before = await snapshot(h.store);
    const envelope = { ...makeEnvelope(await makeReceipt()), channelId: randomUUID() };
    await refused(await submit(h.url, envelope), 404, 'unknownChannel', before);
  });
});

describe("POST /api/v1/reports against the channel's current recipient list", () => {
  // The administrator publishes version 2 (say, a recipient removed) while a browser still
  // holds version 1.
  let listVersion = 2;
  let current: Harness;
  beforeEach(async () => {
    listVersion = 2;
    current = await startIntake({
      deps: {
        listChannels: async () => [
          { ...channels[0]!, recipients: { version: listVersion, signed: 'x' } },
        ],
      },
    });
  });
  afterEach(() => current.close());

  it('refuses a report sealed to an older or a newer list with 409 and appends nothing', async () => {
    const receipt = await makeReceipt();
    for (const version of [1, 3]) {
      const envelope = receipt.seal('sealed to the wrong list', randomUUID(), version);
      const before = await snapshot(current.store);
      const pow = await solvedPow(current.url);
      const res = await submit(current.url, envelope, pow);
      const p = await expectProblem(res, 409, 'recipientListOutdated');
      expect(p.body.title).toBe(problems.recipientListOutdated.title);
      expect(await snapshot(current.store)).toBe(before);
    }
  });

  it('accepts the same report re-sealed to the current list under the same id', async () => {
    const receipt = await makeReceipt();
    const reportId = randomUUID();
    const stale = await submit(current.url, receipt.seal('report', reportId, 1));
    expect(stale.status).toBe(409);
    const fresh = receipt.seal('report', reportId, 2);
    expect((await submit(current.url, fresh)).status).toBe(201);
    const events = await current.store.readStream(`report-${reportId}`);
    expect(
      events.map(
        (e) =>
          (e.data as { envelope: { recipientListVersion: number } }).envelope.recipientListVersion,
      ),
    ).toEqual([2]);
    // The list moves on after the report was accepted: the retry of the identical request (its
    // answer was lost) is still the same success, stored once; a re-sealed body is a conflict.
    listVersion = 3;
    const retry = await submit(current.url, fresh);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual({ reportId });
    expect(await current.store.readStream(`report-${reportId}`)).toHaveLength(1);
    const before = await snapshot(current.store);
    const resealed = await submit(current.url, receipt.seal('report', reportId, 3));
    await expectProblem(resealed, 409, 'conflict');
    expect(await snapshot(current.store)).toBe(before);
  });
});

describe('GET /api/v1/deployment', () => {
  it('shows the channels, the Argon2id parameters and the proof-of-work difficulty', async () => {
    const res = await fetch(`${h.url}/api/v1/deployment`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      channels: [{ id: expect.any(String), name: 'Anti-Corruption Coalition' }],
      argon2: { memoryKiB: 65536, iterations: 3, parallelism: 1 },
      pow: { algorithm: 'sha256-leading-zero-bits/v1', bits: 4 },
    });
  });
});
