/**
 * SECURITY.md, "Public endpoints", Logging: intake writes its request counts once an hour, dated
 * to the hour, and a stop drops the counts of the hour in progress rather than write them at a
 * finer time (a line at the moment of a stop, right after a submission, would date it). Attacked
 * from outside: requests on intake's real port over a real SQLite file, then the service stops;
 * not one line about them may leave the process, neither when answered nor at the stop.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  makeEnvelope,
  makeReceipt,
  manualTimers,
  startIntake,
  submit,
} from '../../services/intake/src/test-support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'promise-request-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('intake stopping within an hour', () => {
  it('writes no count of that hour: not when answered, not at the stop', async () => {
    const timers = manualTimers();
    const h = await startIntake({
      store: createSqliteEventStore({ file: join(dir, 'events.sqlite') }),
      deps: { timers },
    });
    expect((await submit(h.url, makeEnvelope(await makeReceipt()))).status).toBe(201);
    expect((await fetch(`${h.url}/api/v1/nothing-here`)).status).toBe(404);
    h.app.intake.countFailure(new TypeError('x'));
    await h.close();
    // The hourly timer is gone with the service: firing what is left writes nothing either.
    await timers.fire();
    await new Promise((r) => setTimeout(r, 50));
    const counts = h.logs.filter((line) => /"(route|problem|count)"/.test(line));
    expect(counts).toEqual([]);
    expect(timers.scheduled()).toBe(0);
  });
});
