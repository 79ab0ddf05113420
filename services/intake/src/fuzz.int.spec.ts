/**
 * Fuzz: at least 100,000 generated and mutated requests across every endpoint, over a real
 * loopback server with keep-alive and bounded concurrency. No response may be a 5xx, the
 * process must not crash, the server must still answer afterwards, and the heap must not grow
 * with the number of requests. Prints the count, the time and the heap figures.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createIntakeLogger } from './http/request-log.ts';
import { solvePow } from './pow/pow.ts';
import { prng, runFuzzLoad } from './test-support/fuzz-load.ts';
import {
  makeEnvelope,
  postJson,
  signedInWhistleblower,
  solvedPow,
  startIntake,
  type Harness,
} from './test-support/harness.ts';

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 100_000);
// The heap is first read after a warm-up (JIT, caches, pools filled), a tenth of the run at most.
const WARMUP = Math.min(10_000, Math.floor(TOTAL / 10));
const CONCURRENCY = 24;

let h: Harness;
const seed = Date.now() >>> 0;
const r = prng(seed);
type Req = { method: string; path: string; headers: Record<string, string>; body?: Buffer };

// Material to mutate: valid requests of every kind.
const valid: { [k: string]: unknown } = {};
let token = '';
let reportId = '';
let evidenceId = '';
const jsonPool = fc.sample(fc.jsonValue({ maxDepth: 3 }), 200);
const strings = fc.sample(fc.string({ unit: 'binary', maxLength: 80 }), 200);

beforeAll(async () => {
  h = await startIntake({
    // The request log goes nowhere: 100k retained lines would blur the heap measurement.
    deps: { logger: createIntakeLogger(new Writable({ write: (_c, _e, done) => done() })) },
    config: {
      rateLimits: {
        submitPerWindow: 10_000_000,
        sessionGlobalPerWindow: 10_000_000,
        writesPerReportPerWindow: 10_000_000,
      },
    },
  });
  const { receipt: wb, ...signedIn } = await signedInWhistleblower(h.url);
  ({ reportId, token } = signedIn);
  const file = await wb.attachment(reportId, Buffer.alloc(5000, 1));
  evidenceId = file.attachmentId;
  const begun = await postJson(
    `${h.url}/api/v1/case/evidence`,
    { evidenceId, size: file.ciphertext.length, header: file.header },
    { authorization: `Bearer ${token}` },
  );
  expect(begun.status).toBe(201);
  const c = (await (
    await postJson(`${h.url}/api/v1/session/challenge`, { locator: wb.locator })
  ).json()) as { challenge: string };
  valid.submit = { envelope: makeEnvelope(wb, 'fuzz'), pow: await solvedPow(h.url) };
  valid.challenge = { locator: wb.locator };
  valid.session = {
    locator: wb.locator,
    challenge: c.challenge,
    signature: wb.sign(c.challenge),
    pow: await solvedPow(h.url),
  };
  valid.message = { messageId: randomUUID(), envelope: wb.message(reportId, 'fuzz message') };
  valid.evidence = { evidenceId: randomUUID(), size: file.ciphertext.length, header: file.header };
});
afterAll(() => h.close());

function mutate(value: unknown, depth = 0): unknown {
  const roll = r.int(12);
  if (depth > 3 || roll === 0) return r.pick(jsonPool);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length ? r.pick(keys) : 'x';
    if (roll === 1) delete copy[key];
    else if (roll === 2) copy[r.pick(strings)] = r.pick(jsonPool);
    else if (roll === 3) copy[key] = r.pick(jsonPool);
    else if (roll === 4) copy[key] = r.pick(strings);
    else if (roll === 5) copy.__proto__ = { polluted: true } as unknown;
    else copy[key] = mutate(copy[key], depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return roll < 4 ? [] : value.map((v) => mutate(v, depth + 1));
  if (typeof value === 'string') {
    if (roll < 3) return value.slice(0, r.int(value.length + 1));
    if (roll < 5) return value + r.pick(strings);
    if (roll < 6) return 'A'.repeat(r.int(5000));
    return value.split('').reverse().join('');
  }
  if (typeof value === 'number') return r.pick([-1, 0, 1e308, -0, 2 ** 53, 0.5, value + 1]);
  return r.pick(jsonPool);
}

function bodyOf(value: unknown): Buffer {
  const text = JSON.stringify(value) ?? 'null';
  const roll = r.int(20);
  if (roll === 0) return Buffer.from(text.slice(0, r.int(text.length)));
  if (roll === 1) return Buffer.from(r.pick(strings));
  if (roll === 2) return Buffer.from('['.repeat(5000));
  return Buffer.from(text);
}

function generate(): Req {
  // Header values must be printable ASCII, or the client refuses to send them.
  const auth =
    r.int(5) === 0 ? `Bearer ${r.pick(strings).replace(/[^\x20-\x7e]/g, '')}` : `Bearer ${token}`;
  const json =
    r.int(15) === 0
      ? r.pick(['text/plain', 'application/xml', '', 'application/json; charset=latin1'])
      : 'application/json';
  const kind = r.int(11);
  const withBody = (path: string, template: unknown, extra: Record<string, string> = {}): Req => ({
    method: r.int(25) === 0 ? r.pick(['GET', 'PUT', 'PATCH', 'DELETE']) : 'POST',
    path,
    headers: { 'content-type': json, ...extra },
    body: bodyOf(r.int(10) === 0 ? template : mutate(template)),
  });
  switch (kind) {
    case 0:
      return { method: 'GET', path: r.pick(['/api/v1/deployment', '/api/v1/pow']), headers: {} };
    case 1:
    case 2: {
      const sub = valid.submit as { envelope: unknown; pow: { challenge: string } };
      // Sometimes a freshly solved (cheap) challenge, so mutated envelopes reach the signature check.
      const fresh =
        r.int(4) === 0
          ? { challenge: sub.pow.challenge, solution: solvePow(sub.pow.challenge) }
          : sub.pow;
      return withBody('/api/v1/reports', { ...sub, pow: fresh });
    }
    case 3:
      return withBody('/api/v1/session/challenge', valid.challenge);
    case 4:
      return withBody('/api/v1/session', valid.session);
    case 5:
      return withBody('/api/v1/case/messages', valid.message, { authorization: auth });
    case 6: {
      if (r.int(3))
        return withBody('/api/v1/case/evidence', valid.evidence, { authorization: auth });
      const id = r.int(3) === 0 ? encodeURIComponent(r.pick(strings)) : evidenceId;
      return withBody(`/api/v1/case/evidence/${id}/complete`, {}, { authorization: auth });
    }
    case 7: {
      const id = r.int(3) === 0 ? encodeURIComponent(r.pick(strings)) : evidenceId;
      const offset = r.pick(['0', '1', '-1', '99999999999999999999', 'x', '', String(r.int(6000))]);
      return {
        method: 'PUT',
        path: `/api/v1/case/evidence/${id}?offset=${offset}`,
        headers: {
          authorization: auth,
          'content-type': r.int(8) ? 'application/octet-stream' : json,
        },
        body: Buffer.alloc(r.int(3000), r.int(256)),
      };
    }
    case 8:
      return {
        method: 'GET',
        path: r.pick([
          '/api/v1/case',
          `/api/v1/case/evidence/${evidenceId}`,
          `/api/v1/case/evidence/${evidenceId}/blob`,
          `/api/v1/case/evidence/${encodeURIComponent(r.pick(strings))}`,
        ]),
        headers: { authorization: auth },
      };
    case 9:
      return {
        method: r.pick(['GET', 'POST', 'DELETE', 'OPTIONS', 'HEAD']),
        path: `/${r.pick(['api/v1/', 'api/', '', '_app/'])}${encodeURIComponent(r.pick(strings))}?${encodeURIComponent(r.pick(strings))}=1`,
        headers: { 'x-forwarded-for': '10.0.0.1', referer: 'http://x' },
      };
    default:
      return {
        method: 'DELETE',
        path: '/api/v1/session',
        headers: { authorization: `Bearer ${r.pick(strings).replace(/[^A-Za-z0-9_-]/g, 'a')}` },
      };
  }
}

describe('fuzz', () => {
  it(`answers ${TOTAL.toLocaleString('en')} generated and mutated requests without a 5xx, a crash or a leak`, async () => {
    const { sent, statuses, failures, seconds, heapAtWarmup, heapAtEnd, summary } =
      await runFuzzLoad({
        total: TOTAL,
        warmup: WARMUP,
        concurrency: CONCURRENCY,
        generate: () => ({ base: h.url, ...generate() }),
        keepFailures: 5,
        describeFailure: (status, req) => `${status} ${req.method} ${req.path}`,
      });
    console.log(
      `fuzz: ${sent} requests in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s), seed ${seed}; statuses ${summary}; heap ${heapAtWarmup.toFixed(1)} MiB after ${WARMUP} -> ${heapAtEnd.toFixed(1)} MiB at end`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    // Every endpoint answered with more than one kind of refusal, and some requests passed.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(TOTAL / 100);
    // Memory stable: what is left after 100k requests is about what was there after 10k.
    expect(heapAtEnd - heapAtWarmup).toBeLessThan(40);
    const alive = await fetch(`${h.url}/api/v1/deployment`);
    expect(alive.status).toBe(200);
  }, 900_000);
});
