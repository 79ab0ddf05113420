// /healthz and /readyz on the desk: for a supervisor, without a session or the CSRF header;
// readiness names the failing checks and nothing else (no version, no count).
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type Desk } from './harness.ts';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

describe('desk health endpoints', () => {
  it('/healthz is alive; /readyz follows readiness, naming the failing checks', async () => {
    let state: { ready: boolean; failing: string[] } = { ready: true, failing: [] };
    desk = await startDesk({ readiness: async () => state });
    const alive = await desk.call('GET', '/healthz', { csrf: false });
    expect([alive.status, alive.body]).toEqual([200, { status: 'ok' }]);
    const ready = await desk.call('GET', '/readyz', { csrf: false });
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready' }]);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    state = { ready: false, failing: ['storage', 'projections'] };
    const notReady = await desk.call('GET', '/readyz', { csrf: false });
    expect([notReady.status, notReady.body]).toEqual([
      503,
      { status: 'not ready', failing: ['storage', 'projections'] },
    ]);
    expect(Number(notReady.headers.get('retry-after'))).toBeGreaterThan(0);
    // Still alive: a supervisor waits, it does not restart a desk that is only not ready.
    expect((await desk.call('GET', '/healthz', { csrf: false })).status).toBe(200);
  });
});
