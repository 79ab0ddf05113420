/**
 * SECURITY.md, "Public endpoints" and "Staff side": every answer of both services (every page
 * of the real front-end build, every asset, every API answer, errors and the health endpoints
 * included) carries the security headers; the API is never cached; no page names a third-party
 * resource. Black box: the composition root (`startPlatform`, ROLE=all, real SQLite file under a
 * temporary DATA_DIR) on loopback ports, read over HTTP only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, ensureFrontendBuild, type CspManifest } from '../e2e/support/frontend-build.ts';
import { startTestPlatform, type TestPlatform } from '../e2e/support/platform.ts';

let t: TestPlatform;
let manifest: CspManifest;
beforeAll(async () => {
  manifest = ensureFrontendBuild();
  t = await startTestPlatform('headers');
}, 240_000);
afterAll(() => t?.stop());

interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const assets = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`/${relative(buildDir, full).split('\\').join('/')}`);
    }
  };
  walk(join(buildDir, '_app'));
  return out;
};

const pagesOf = (group: 'whistleblower' | 'desk') =>
  Object.entries(manifest.pages)
    .filter(([, page]) => page.group === group)
    .map(([path]) => path);

/** The API answers of each service that need no account: successes, refusals and errors. */
const intakeApi: Probe[] = [
  { method: 'GET', path: '/api/v1/deployment' },
  { method: 'GET', path: '/api/v1/pow' },
  { method: 'GET', path: '/api/v1/case' },
  { method: 'GET', path: '/api/v1/case/evidence/x' },
  { method: 'GET', path: '/api/v1/nothing-here' },
  { method: 'DELETE', path: '/api/v1/session' },
  {
    method: 'POST',
    path: '/api/v1/reports',
    headers: { 'content-type': 'application/json' },
    body: '{',
  },
  {
    method: 'POST',
    path: '/api/v1/session/challenge',
    headers: { 'content-type': 'text/plain' },
    body: 'x',
  },
  { method: 'OPTIONS', path: '/api/v1/reports' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
];
const deskApi: Probe[] = [
  { method: 'GET', path: '/api/v1/deployment' },
  { method: 'GET', path: '/api/setup' },
  { method: 'GET', path: '/api/session' },
  { method: 'GET', path: '/api/queues' },
  { method: 'GET', path: '/api/reports/00000000-0000-4000-8000-000000000000' },
  { method: 'GET', path: '/api/nowhere' },
  { method: 'POST', path: '/api/session', headers: { 'content-type': 'application/json' } },
  {
    method: 'POST',
    path: '/api/session',
    headers: { 'content-type': 'application/json', 'x-integrity-desk': '1' },
    body: '{',
  },
  { method: 'OPTIONS', path: '/api/session' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
];

function expectSecurityHeaders(res: Response, what: string): void {
  const h = (name: string) => res.headers.get(name);
  const csp = h('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP relaxations`).not.toMatch(/'unsafe-(inline|eval)'/);
  // No host or scheme source anywhere: only 'self', hashes, nonces and keywords.
  // Quoted tokens ('self', hashes, whose base64 may hold "//") are not sources of an origin.
  expect(csp.replace(/'[^']*'/g, ''), `${what}: CSP names no other origin`).not.toMatch(
    /(https?:|wss?:|\*|\/\/)/,
  );
  expect(h('referrer-policy'), `${what}: Referrer-Policy`).toBe('no-referrer');
  expect(h('strict-transport-security'), `${what}: HSTS`).toMatch(
    /^max-age=\d{7,}; includeSubDomains/,
  );
  expect(h('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  expect(h('x-frame-options'), `${what}: X-Frame-Options`).toBe('DENY');
  expect(h('cross-origin-opener-policy'), `${what}: COOP`).toBe('same-origin');
  expect(h('cross-origin-resource-policy'), `${what}: CORP`).toBe('same-origin');
  expect(h('permissions-policy'), `${what}: Permissions-Policy`).toMatch(
    /^camera=\(\), microphone=\(\), geolocation=\(\)/,
  );
  expect(h('x-powered-by'), `${what}: X-Powered-By`).toBeNull();
  expect(h('set-cookie'), `${what}: Set-Cookie`).toBeNull();
  for (const cors of ['access-control-allow-origin', 'access-control-allow-methods'])
    expect(h(cors), `${what}: ${cors}`).toBeNull();
}

/** The served policy is the page's own, or its group's (the union of its pages' hashes). */
function expectPolicyCovers(served: string, own: string): void {
  const parse = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, new Set(values)]),
    );
  const got = parse(served);
  for (const [name, values] of parse(own)) {
    expect(got.has(name), `directive ${name}`).toBe(true);
    // Hashes may be more (the group's); anything else must be exactly the page's.
    const extra = [...got.get(name)!].filter((v) => !values.has(v) && !v.startsWith("'sha256-"));
    expect(extra, `directive ${name}`).toEqual([]);
    for (const v of values) expect(got.get(name)!.has(v), `${name} ${v}`).toBe(true);
  }
  expect([...got.keys()].sort()).toEqual([...parse(own).keys()].sort());
}

/** What belongs to one answer rather than to a policy: left out when two answers are compared. */
const perAnswer = new Set([
  'cache-control',
  'connection',
  'content-length',
  'content-security-policy',
  'content-type',
  'date',
  'etag',
  'keep-alive',
  'last-modified',
  'accept-ranges',
  'vary',
  'transfer-encoding',
]);
const policyHeaders = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => !perAnswer.has(name)).sort());

async function probe(base: string, p: Probe): Promise<Response> {
  const res = await fetch(base + p.path, {
    method: p.method,
    headers: { origin: 'https://evil.example', ...p.headers },
    ...(p.body !== undefined && { body: p.body }),
  });
  await res.arrayBuffer();
  return res;
}

describe('security headers on every answer of the real platform', () => {
  for (const service of ['intake', 'desk'] as const) {
    it(`${service}: every page of the build, with its own CSP, never cached by a shared cache`, async () => {
      const base = service === 'intake' ? t.intake : t.desk;
      const pages = pagesOf(service === 'intake' ? 'whistleblower' : 'desk');
      expect(pages.length).toBeGreaterThan(1);
      for (const path of pages) {
        const res = await probe(base, { method: 'GET', path });
        expect(res.status, `${service} GET ${path}`).toBe(200);
        expectSecurityHeaders(res, `${service} page ${path}`);
        expectPolicyCovers(
          res.headers.get('content-security-policy') ?? '',
          manifest.pages[path]!.header,
        );
        expect(res.headers.get('cache-control'), `${service} page ${path}`).toMatch(
          /^(no-store|no-cache)$/,
        );
      }
    });

    it(`${service}: every asset of the build`, async () => {
      const base = service === 'intake' ? t.intake : t.desk;
      const files = [...assets(), '/favicon.svg'];
      expect(files.length).toBeGreaterThan(5);
      for (const path of files) {
        const res = await probe(base, { method: 'GET', path });
        expect(res.status, `${service} GET ${path}`).toBe(200);
        expectSecurityHeaders(res, `${service} asset ${path}`);
      }
    });

    it(`${service}: every API and health answer, refusals and errors included, is no-store`, async () => {
      const base = service === 'intake' ? t.intake : t.desk;
      for (const p of service === 'intake' ? intakeApi : deskApi) {
        const res = await probe(base, p);
        expect(res.status, `${service} ${p.method} ${p.path}`).toBeLessThan(500);
        expectSecurityHeaders(res, `${service} ${p.method} ${p.path} (${res.status})`);
        expect(res.headers.get('cache-control'), `${service} ${p.method} ${p.path}`).toBe(
          'no-store',
        );
      }
    });
  }

  it('desk pages carry the same security headers as intake’s pages, but for their own CSP', async () => {
    const wb = await probe(t.intake, { method: 'GET', path: pagesOf('whistleblower')[0]! });
    const desk = await probe(t.desk, { method: 'GET', path: pagesOf('desk')[0]! });
    expect(policyHeaders(desk)).toEqual(policyHeaders(wb));
    expect(Object.keys(policyHeaders(desk))).toContain('permissions-policy');
  });

  it('the desk’s deployment answer is data: a CSP that loads nothing, nosniff, no referrer', async () => {
    const res = await probe(t.desk, { method: 'GET', path: '/api/v1/deployment' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('OPTIONS is refused on both services, without any CORS grant', async () => {
    for (const base of [t.intake, t.desk]) {
      const res = await probe(base, {
        method: 'OPTIONS',
        path: '/api/v1/reports',
        headers: { 'access-control-request-method': 'POST' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('no third-party resource in any page of the build', () => {
  it('every src, href, action and CSS url() names this origin only', () => {
    const offenders: string[] = [];
    for (const [path, page] of Object.entries(manifest.pages)) {
      const html = readFileSync(join(buildDir, page.file), 'utf8');
      for (const m of html.matchAll(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?([^"'\s>]+)/gi))
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(m[1]!) && !/^(data|blob):/i.test(m[1]!))
          offenders.push(`${path}: ${m[1]}`);
    }
    for (const file of assets().filter((f) => /\.(css|js|html)$/.test(f))) {
      const text = readFileSync(join(buildDir, file), 'utf8');
      for (const m of text.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')]+)/gi))
        offenders.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/@import\s+["']((?:https?:)?\/\/[^"']+)/gi))
        offenders.push(`${file}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
