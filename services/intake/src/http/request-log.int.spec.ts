/**
 * Intake's request log as hourly counters (issue 13, finding 8): a line written at request time
 * is stamped by whatever collects the output (docker's json-file driver: to the nanosecond),
 * which with the order of events in the store dates each submission and return. So nothing is
 * written when a request is answered; once an hour each (method, route, status) and each failure
 * class goes out as one line with its count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeEnvelope,
  makeReceipt,
  manualTimers,
  solvedPow,
  startIntake,
  submit,
  type Harness,
} from '../test-support/harness.ts';

const timers = manualTimers();
let h: Harness;
beforeAll(async () => {
  h = await startIntake({ deps: { timers } });
});
afterAll(() => h.close());

const lines = () => h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
/** Lines about requests: those naming a route or a problem (the sweep writes its own). */
const requestLines = () => lines().filter((l) => 'route' in l || 'problem' in l);

describe('the request log', () => {
  it('writes nothing when a request is answered, and counts per hour', async () => {
    const wb = await makeReceipt();
    for (let i = 0; i < 3; i++)
      expect((await submit(h.url, makeEnvelope(wb, `r${i}`), await solvedPow(h.url))).status).toBe(
        201,
      );
    expect((await fetch(`${h.url}/api/v1/deployment`)).status).toBe(200);
    expect((await fetch(`${h.url}/api/v1/nothing-here`)).status).toBe(404);
    const bad = await fetch(`${h.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    // Answered, and not one line out of the process.
    await new Promise((r) => setTimeout(r, 50));
    expect(requestLines()).toEqual([]);

    await timers.fire();
    const written = requestLines();
    const submitted = written.find(
      (l) => l['route'] === '/api/v1/reports' && l['method'] === 'POST' && l['status'] === 201,
    );
    expect(submitted).toMatchObject({ count: 3, msg: 'requests' });
    expect(written.find((l) => l['route'] === '/api/v1/deployment')).toMatchObject({ count: 1 });
    expect(written.find((l) => l['route'] === 'unmatched')).toMatchObject({
      count: 1,
      status: 404,
    });
    // Every line is dated to the hour, never finer.
    for (const l of written) expect(String(l['time'])).toMatch(/T\d\d:00:00\.000Z$/);

    // The next hour starts from zero: nothing to write for an hour without requests.
    const before = h.logs.length;
    await timers.fire();
    expect(h.logs.slice(before).filter((l) => l.includes('"route"'))).toEqual([]);
  });

  it('counts a failure outside the app (the listener guard) with the rest, written on the hour', async () => {
    const before = h.logs.length;
    h.app.intake.countFailure(new TypeError('report text that must not be logged'));
    h.app.intake.countFailure(new TypeError('again'));
    expect(h.logs.length).toBe(before);
    await timers.fire();
    const failed = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failed).toContainEqual(
      expect.objectContaining({
        msg: 'requests failed',
        problem: 'internal',
        error: 'TypeError',
        count: 2,
      }),
    );
    expect(h.logs.join('')).not.toContain('report text');
  });
});
