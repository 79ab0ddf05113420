/**
 * Fuzz of the staff side and both static handlers (issue 13, finding 1: seven GETs on the desk
 * port ended the process, and the 100,000-request fuzz covered intake only). Every route the desk
 * app has (read from its router, so a new route is fuzzed too), behind the desk pages handler and
 * the production listener as `npm start` serves them, signed in and not, with mutated bodies,
 * ids, queries and If-Match values, every method; and intake's whistleblower pages (the platform
 * with ROLE=intake over a front-end build on disk) with bad percent-encoding, long and odd paths.
 * No answer may be a 5xx or missing, the process must not fail (vitest reports any uncaught
 * error), and the heap must not grow with the number of requests. Prints count, time and heap.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport, world, type World } from '../../desk/test/harness.ts';
import { loadConfig } from '../src/config.ts';
import { withDeskPages } from '../src/desk-pages.ts';
import { listen } from '../src/listen.ts';
import { startPlatform, type Platform } from '../src/platform.ts';
import { fakeBuild } from './support/fake-build.ts';
import { prng, runFuzzLoad } from '../../intake/src/test-support/fuzz-load.ts';

const TOTAL = Number(process.env.FUZZ_DESK_TOTAL ?? 10_000);
const WARMUP = Math.min(2_000, Math.floor(TOTAL / 5));
const CONCURRENCY = 16;

/** Seeded (printed) so a failure can be replayed with FUZZ_SEED. */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() >>> 0);
const { int, pick } = prng(seed);

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];
const oddSegments = [
  '%',
  '%E0%A4%A',
  '%ff',
  '%00',
  '%2e%2e',
  '..%2f..%2f',
  '%2F',
  '..',
  '.',
  '',
  '~',
  'a'.repeat(300),
  '%C0%AE%C0%AE',
  '%25',
  '\u00e9',
  'immutable',
  'immutable/',
  'entry/start.js',
  'version.json/x',
];
const jsonPool = fc.sample(fc.jsonValue({ maxDepth: 4 }), 300);
const strings = fc.sample(fc.string({ unit: 'binary', maxLength: 60 }), 300);
const ascii = (s: string) => s.replace(/[^\x21-\x7e]/g, 'x');

let build: string;
let w: World;
let deskUrl: string;
let intake: Platform;
let dataDir: string;
const ids: string[] = [];
let routes: string[];

beforeAll(async () => {
  build = fakeBuild();
  w = await world({
    serve: async (app) =>
      (await listen(withDeskPages(build, app, { demo: false }), '127.0.0.1', 0)).server,
  });
  deskUrl = w.desk.base;
  ids.push(
    await submitReport(w),
    await submitReport(w),
    w.channelId,
    w.alice.investigatorId,
    w.admin.investigatorId,
    randomUUID(),
  );
  routes = w.desk.routes();
  dataDir = mkdtempSync(join(tmpdir(), 'idesk-fuzz-'));
  intake = await startPlatform(
    loadConfig(
      {
        DATA_DIR: dataDir,
        STATIC_DIR: build,
        ROLE: 'intake',
        INTAKE_PORT: '0',
        LOG_LEVEL: 'silent',
      },
      [],
    ),
    () => undefined,
  );
}, 120_000);
afterAll(async () => {
  await w?.desk.close();
  await intake?.stop();
  rmSync(build, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface Req {
  base: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function mutate(value: unknown, depth = 0): unknown {
  const roll = int(10);
  if (depth > 3 || roll === 0) return pick(jsonPool);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length ? pick(keys) : 'x';
    if (roll === 1) delete copy[key];
    else if (roll === 2) copy[pick(strings)] = pick(jsonPool);
    else if (roll === 3) copy.__proto__ = { polluted: true } as unknown;
    else copy[key] = mutate(copy[key], depth + 1);
    return copy;
  }
  if (typeof value === 'string')
    return pick([
      value.slice(0, int(value.length + 1)),
      value + pick(strings),
      'A'.repeat(int(4000)),
    ]);
  return pick([...jsonPool.slice(0, 5), -1, 0, 1e308, 2 ** 53, pick(ids)]);
}

/** Plausible fields of desk bodies, to get past the first schema check now and then. */
const template = () => ({
  handle: pick(['alice', 'admin', pick(strings)]),
  investigatorId: pick(ids),
  noteId: randomUUID(),
  messageId: randomUUID(),
  role: pick(['administrator', 'investigator', 'x']),
  name: pick(strings),
  to: pick(['investigating', 'closed', 'x']),
  outcome: pick(['unsubstantiated', 'x']),
  priority: pick(['urgent', 'high', 'x']),
  sector: 'procurement',
  region: null,
  version: int(4),
  questionnaire: { q: [pick(strings)] },
  referral: { ciphertext: 'AAAA' },
  loginSecret: 'A'.repeat(43),
  totp: '123456',
});

function body(): Buffer {
  const roll = int(20);
  if (roll === 0) return Buffer.from('['.repeat(5_000) + ']'.repeat(5_000));
  if (roll === 1) return Buffer.from('{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000));
  if (roll === 2) return Buffer.from(pick(strings));
  const text = JSON.stringify(mutate(roll < 6 ? {} : template())) ?? 'null';
  if (roll === 3) return Buffer.from(text.slice(0, int(text.length)));
  return Buffer.from(text);
}

const cookies = () =>
  pick([
    w.alice.cookie,
    w.alice.cookie,
    w.admin.cookie,
    w.admin.cookie,
    w.mallory.cookie,
    '',
    `__Host-desk_session=${ascii(pick(strings))}`,
  ]);

function deskApi(): Req {
  const route = pick(routes);
  const [routeMethod, template] = route.split(' ') as [string, string];
  const path = template.replace(/:[A-Za-z]+/g, () =>
    pick([
      ...ids,
      ...ids,
      encodeURIComponent(pick(strings)),
      pick(oddSegments),
      'x'.repeat(int(2000)),
    ]),
  );
  const query = pick([
    '',
    '',
    `?before=${pick(['99999999999999999999999999999', '-1', '1', 'x', '%', ''])}`,
    `?limit=${pick(['0', '500', '501', '1e9', 'x'])}&offset=${pick(['-1', '1000001', 'x'])}`,
    `?priority=${pick(['urgent', 'x'])}&sector=${pick(['procurement', '%'])}`,
    `?${encodeURIComponent(pick(strings))}=${pick(oddSegments)}&actor=${pick(ids)}`,
  ]);
  const method = int(8) === 0 ? pick(methods) : routeMethod;
  // Signing out is the one request that may not carry a real session: it would end it. A route
  // drawn with another method can come out as DELETE /api/session too (query or not).
  const cookie = method === 'DELETE' && path === '/api/session' ? '' : cookies();
  const headers: Record<string, string> = {
    'content-type':
      int(12) === 0 ? pick(['text/plain', 'application/xml', '']) : 'application/json',
    ...(int(10) !== 0 && { 'x-integrity-desk': '1' }),
    ...(cookie && { cookie }),
    ...(int(3) !== 0 && {
      'if-match': pick(['"0"', '"1"', '"2"', 'W/"3"', '"99999999999999999999"', 'x', '']),
    }),
    ...(int(20) === 0 && { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
  };
  const withBody = method !== 'GET' && method !== 'HEAD' && int(6) !== 0;
  return { base: deskUrl, method, path: path + query, headers, ...(withBody && { body: body() }) };
}

function oddPath(prefixes: readonly string[]): string {
  const parts = Array.from({ length: 1 + int(4) }, () =>
    pick([...oddSegments, encodeURIComponent(pick(strings)), ascii(pick(strings))]),
  );
  const path = `${pick(prefixes)}${parts.join('/')}${pick(['', '/', '?a=%', '?x=1#y'])}`;
  return int(30) === 0 ? path + '/x'.repeat(1 + int(3_000)) : path;
}

function staticRequest(base: string, prefixes: readonly string[]): Req {
  const method = int(3) === 0 ? pick(methods) : pick(['GET', 'HEAD']);
  return { base, method, path: oddPath(prefixes), headers: {} };
}

function generate(): Req {
  const roll = int(10);
  if (roll < 6) return deskApi();
  if (roll < 8)
    return staticRequest(deskUrl, ['/_app/', '/_app/immutable/', '/desk/', '/', '/api/', '/%']);
  return staticRequest(intake.urls.intake!, [
    '/_app/',
    '/_app/immutable/',
    '/report/',
    '/',
    '/desk',
    '/api/v1/',
    '/%',
  ]);
}

describe('fuzz of the desk and both static handlers', () => {
  it(`answers ${TOTAL.toLocaleString('en')} requests on every desk route and both static handlers without a 5xx, a crash or a leak`, async () => {
    const seenRoutes = new Set<string>();
    const { sent, statuses, failures, seconds, heapAtWarmup, heapAtEnd, summary } =
      await runFuzzLoad({
        total: TOTAL,
        warmup: WARMUP,
        concurrency: CONCURRENCY,
        generate,
        onRequest: (req) => {
          if (
            req.base === deskUrl &&
            !req.path.startsWith('/_app') &&
            !req.path.startsWith('/desk')
          )
            seenRoutes.add(req.path.split('/').slice(0, 3).join('/'));
        },
        keepFailures: 8,
        describeFailure: (status, req) =>
          `${status} ${req.method} ${req.base === deskUrl ? 'desk' : 'intake'} ${req.path.slice(0, 200)}`,
      });
    console.log(
      `desk fuzz: ${sent} requests over ${routes.length} desk routes and both static handlers in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s), seed ${seed}; statuses ${summary}; heap ${heapAtWarmup.toFixed(1)} MiB after ${WARMUP} -> ${heapAtEnd.toFixed(1)} MiB at end`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    // Requests got past the guards: some succeeded, many were refused as bad input.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(TOTAL / 100);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(TOTAL / 100);
    // Memory stable: what is left at the end is about what was there after the warm-up.
    expect(heapAtEnd - heapAtWarmup).toBeLessThan(40);
    // Both still answer, and the desk still knows its users.
    expect((await w.desk.call('GET', '/api/session', { cookie: w.admin.cookie })).status).toBe(200);
    expect((await fetch(`${intake.urls.intake!}/api/v1/deployment`)).status).toBe(200);
    expect((await fetch(`${deskUrl}/_app/immutable/entry/start.js`)).status).toBe(200);
  }, 900_000);
});
