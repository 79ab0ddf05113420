import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualTimers, startIntake, type Harness } from '../test-support/harness.ts';

let h: Harness;
const timers = manualTimers();
beforeAll(async () => {
  h = await startIntake({ deps: { timers } });
});
afterAll(() => h.close());

const requests: [string, RequestInit, number][] = [
  ['/api/v1/deployment', {}, 200],
  ['/api/v1/pow', {}, 200],
  ['/api/v1/nothing-here', {}, 404],
  ['/anything', {}, 404],
  ['/api/v1/case', {}, 401],
  [
    '/api/v1/reports',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
    400,
  ],
  [
    '/api/v1/reports',
    {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    },
    405,
  ],
];

describe('security headers on every response', () => {
  for (const [path, init, status] of requests) {
    it(`${init.method ?? 'GET'} ${path} -> ${status}`, async () => {
      const res = await fetch(`${h.url}${path}`, {
        ...init,
        headers: { origin: 'https://evil.example', ...(init.headers as Record<string, string>) },
      });
      expect(res.status).toBe(status);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/'unsafe-(inline|eval)'/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(
        /max-age=\d+; includeSubDomains/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    });
  }
});

describe('what responses do not tell', () => {
  it('sends no rate-limit counters (they would reveal the global submission rate)', async () => {
    const res = await fetch(`${h.url}/api/v1/pow`);
    const names = [...res.headers.keys()];
    expect(names.filter((n) => n.toLowerCase().includes('ratelimit'))).toEqual([]);
  });

  it('dates log lines to the hour only', async () => {
    await fetch(`${h.url}/api/v1/pow`);
    await timers.fire(); // request lines are hourly counts
    const line = JSON.parse(h.logs.at(-1)!) as { time: string };
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/);
  });
});
