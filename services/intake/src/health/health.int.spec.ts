// /healthz and /readyz on the public intake: for a supervisor, outside the API's rate limits;
// each answers one word, nothing about why (no version, no count, no check names).
import { afterEach, describe, expect, it } from 'vitest';
import { startIntake, type Harness } from '../test-support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
};

describe('intake health endpoints', () => {
  it('/healthz is alive; /readyz follows readiness and reveals nothing else', async () => {
    let ready = true;
    h = await startIntake({ deps: { readiness: async () => ({ ready }) } });
    expect(await get(`${h.url}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    const yes = await get(`${h.url}/readyz`);
    expect([yes.status, yes.body]).toEqual([200, { status: 'ready' }]);
    expect(yes.headers.get('cache-control')).toBe('no-store');
    ready = false;
    const no = await get(`${h.url}/readyz`);
    expect([no.status, no.body]).toEqual([503, { status: 'not ready' }]);
    expect(Number(no.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get(`${h.url}/healthz`)).status).toBe(200);
    // Nothing that dates or identifies the build: the usual security headers, no version.
    expect(no.headers.get('x-powered-by')).toBeNull();
    expect(no.headers.get('server')).toBeNull();
  });
});
