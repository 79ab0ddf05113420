/**
 * SECURITY.md, "Public endpoints": errors are RFC 9457 problems with fixed titles; no error
 * message or input is ever echoed. Every route of intake (read from its router, so a new one
 * must be added here) is sent malformed, foreign and oversized requests carrying a canary in
 * the path, the query, the headers and the body; every refusal must be a problem whose title is
 * one of the fixed ones, and no answer and no log line may hold the canary.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, type Harness } from '../test-support/harness.ts';
import { problemText, safeLocales } from '../safe/i18n/index.ts';
import { problems, type ProblemKind } from './problem.ts';

const CANARY = `canary${randomUUID().replaceAll('-', '')}`;
const titles = new Set<string>(Object.values(problems).map((p) => p.title));
/** The no-JavaScript pages' fixed error texts, one per problem kind, in each of their languages. */
const pageTitles = new Set<string>(
  safeLocales.flatMap((l) =>
    Object.keys(problems).map((kind) => problemText(l, kind as ProblemKind)),
  ),
);

/** Every route, as mounted (`/api/v1` for the API). */
const routes = [
  'GET /api/v1/deployment',
  'GET /api/v1/pow',
  'GET /api/v1/statistics',
  'POST /api/v1/reports',
  'POST /api/v1/session/challenge',
  'POST /api/v1/session',
  'DELETE /api/v1/session',
  'GET /api/v1/case',
  'POST /api/v1/case/messages',
  'GET /api/v1/case/referrals/:referralId/target',
  'POST /api/v1/case/referrals/:referralId/:answer',
  'POST /api/v1/case/evidence',
  'GET /api/v1/case/evidence/:evidenceId',
  'PUT /api/v1/case/evidence/:evidenceId',
  'POST /api/v1/case/evidence/:evidenceId/complete',
  'GET /api/v1/case/evidence/:evidenceId/blob',
  'GET /healthz',
  'GET /readyz',
];

/** The no-JavaScript pages (safe/): their refusals are HTML pages, with fixed texts of their own. */
const pageRoutes = [
  'GET /safe/',
  'GET /safe/report/:channelId',
  'POST /safe/report/:channelId',
  'GET /safe/return',
  'POST /safe/case',
];

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}
function routeCount(stack: RouterLayer[]): number {
  let n = 0;
  for (const layer of stack) {
    if (layer.route) n += Object.keys(layer.route.methods).filter((m) => m !== '_all').length;
    else if (layer.handle?.stack) n += routeCount(layer.handle.stack);
  }
  return n;
}

let h: Harness;
beforeAll(async () => {
  h = await startIntake();
});
afterAll(() => h.close());

describe('problems with fixed titles, never an echo', () => {
  it('the list above is every route intake has', () => {
    const stack = (h.app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
    expect(routeCount(stack)).toBe(routes.length + pageRoutes.length);
  });

  it('every refusal of every route is a problem with a fixed title and no canary', async () => {
    const answers: string[] = [];
    let refusals = 0;
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(':evidenceId', CANARY);
      const attempts: RequestInit[] = [
        { headers: { authorization: `Bearer ${CANARY}`, 'x-forwarded-for': CANARY } },
        {
          headers: { 'content-type': 'application/json', 'user-agent': CANARY },
          body: `{"${CANARY}":`,
        },
        {
          headers: { 'content-type': 'application/json', referer: `https://${CANARY}.example/` },
          body: JSON.stringify({ envelope: { reportId: CANARY }, [CANARY]: CANARY }),
        },
        { headers: { 'content-type': 'text/plain' }, body: CANARY },
        { headers: { 'content-type': 'application/octet-stream' }, body: CANARY.repeat(3) },
      ];
      for (const init of attempts) {
        const noBody = method === 'GET' || method === 'DELETE';
        const res = await fetch(`${h.url}${path}?offset=${CANARY}&q=${CANARY}`, {
          method,
          headers: init.headers as Record<string, string>,
          ...(!noBody && init.body !== undefined && { body: init.body as string }),
        });
        const text = await res.text();
        answers.push(text);
        expect(res.status, `${route}`).toBeLessThan(500);
        if (res.status >= 400) {
          refusals++;
          expect(res.headers.get('content-type'), route).toContain('application/problem+json');
          const body = JSON.parse(text) as { title?: string; status?: number };
          expect(titles.has(body.title ?? ''), `${route}: ${body.title}`).toBe(true);
          expect(body.status, route).toBe(res.status);
        }
      }
    }
    expect(refusals).toBeGreaterThan(40);
    expect(answers.filter((a) => a.includes(CANARY))).toEqual([]);
    expect(h.logs.filter((l) => l.includes(CANARY))).toEqual([]);
  });

  it('every refusal of every page is an HTML page with a fixed title and no canary', async () => {
    const answers: string[] = [];
    let refusals = 0;
    const escaped = (title: string) => title.replaceAll("'", '&#39;').replaceAll('"', '&#34;');
    for (const route of pageRoutes) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(':channelId', CANARY);
      const attempts: RequestInit[] = [
        { headers: { cookie: `safe_form=${CANARY}`, 'x-forwarded-for': CANARY } },
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': CANARY },
          body: `form=${CANARY}&receipt=${CANARY}&q-what=${CANARY}`,
        },
        {
          headers: { 'content-type': 'multipart/form-data; boundary=x', referer: CANARY },
          body: `--x\r\nContent-Disposition: form-data; name="${CANARY}"\r\n\r\n${CANARY}\r\n--x--\r\n`,
        },
        { headers: { 'content-type': 'text/plain' }, body: CANARY },
      ];
      for (const init of attempts) {
        const res = await fetch(`${h.url}${path}?q=${CANARY}`, {
          method,
          headers: init.headers as Record<string, string>,
          ...(method === 'POST' && init.body !== undefined && { body: init.body as string }),
        });
        const text = await res.text();
        answers.push(text);
        expect(res.status, route).toBeLessThan(500);
        if (res.status >= 400) {
          refusals++;
          expect(res.headers.get('content-type'), route).toContain('text/html');
          expect(
            [...pageTitles].some((title) => text.includes(escaped(title))),
            route,
          ).toBe(true);
        }
      }
    }
    expect(refusals).toBeGreaterThan(10);
    expect(answers.filter((a) => a.includes(CANARY))).toEqual([]);
    expect(h.logs.filter((l) => l.includes(CANARY))).toEqual([]);
  });
});
