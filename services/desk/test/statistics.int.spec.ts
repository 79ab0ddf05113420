/**
 * Statistics (issue 14): staff see indicators live; the public sees only what an administrator
 * published, through intake, on the real parts (SQLite store and read models on disk, desk and
 * intake on loopback ports). Reports arrive in 2026-Q3 and in the quarter still running on the desk's clock (2026-Q4), whose counts
 * must never be published.
 */
import { handleReportCommand } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { snapshot } from '../../intake/src/test-support/harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentOnDisk, type DeploymentOnDisk } from './deployment-on-disk.ts';
import { submitReport, type World } from './harness.ts';

let deployment: DeploymentOnDisk;
let w: World;
let intakeUrl: string;

/** Seeding at another time, through the commands intake and the desk run (no session moves). */
async function at<T>(iso: string, act: () => Promise<T>): Promise<T> {
  const now = w.desk.clock.now;
  w.desk.clock.now = new Date(iso);
  try {
    return await act();
  } finally {
    w.desk.clock.now = now;
  }
}
const acknowledge = (reportId: string, iso: string) =>
  handleReportCommand(w.desk.store, reportId, {
    type: 'AcknowledgeReport',
    data: { reportId },
    metadata: {
      now: new Date(iso),
      eventId: randomUUID(),
      actor: { kind: 'investigator', investigatorId: w.alice.investigatorId },
    },
  });

beforeAll(async () => {
  deployment = await deploymentOnDisk('desk-stats-', {
    startAt: new Date('2026-12-05T10:00:00.000Z'),
  });
  ({ w } = deployment);
  intakeUrl = deployment.intake.url;
  const q3: string[] = [];
  for (let i = 0; i < 7; i++) q3.push(await at('2026-08-03T10:00:00.000Z', () => submitReport(w)));
  // Five acknowledged the next day (in time), two never.
  for (const id of q3.slice(0, 5)) await acknowledge(id, '2026-08-04T10:00:00.000Z');
  // Three in the quarter still running on the desk's clock: live, never published.
  for (let i = 0; i < 3; i++) await submitReport(w);
  await w.desk.settle();
}, 120_000);

afterAll(() => deployment?.close());

describe('statistics', () => {
  it('shows staff the indicators live, for the channels they receive', async () => {
    const r = await w.desk.call('GET', '/api/statistics', { cookie: w.alice.cookie });
    expect(r.status).toBe(200);
    const overall = r.body['overall'] as Record<string, number>;
    expect(overall['received']).toBe(10);
    expect(overall['acknowledgedInTime']).toBe(5);
    expect(overall['acknowledgementOverdue']).toBe(2);
    expect(overall['medianDaysToAcknowledge']).toBe(1);
    expect(r.body['channelNames']).toEqual({ [w.channelId]: 'Procurement watch' });
    // Mallory receives no channel: nothing.
    const m = await w.desk.call('GET', '/api/statistics', { cookie: w.mallory.cookie });
    expect((m.body['overall'] as Record<string, number>)['received']).toBe(0);
    expect((await w.desk.call('GET', '/api/statistics', {})).status).toBe(401);
  });

  it('publishes nothing until an administrator does; refuses anyone else and bad input, writing nothing', async () => {
    const none = await fetch(`${intakeUrl}/api/v1/statistics`);
    expect(await none.json()).toEqual({ snapshot: null });
    const before = await snapshot(deployment.store);
    const refused = [
      [{ cookie: w.alice.cookie, body: {} }, 403],
      [{ body: {} }, 401],
      [{ cookie: w.admin.cookie, body: {}, csrf: false }, 403],
      [{ cookie: w.admin.cookie, body: { threshold: 1 } }, 400],
      [{ cookie: w.admin.cookie, body: { threshold: 5, channels: 'all' } }, 400],
    ] as const;
    for (const [options, status] of refused) {
      const r = await w.desk.call('POST', '/api/statistics/published', options);
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await snapshot(deployment.store)).toBe(before);
  });

  it('publishes ended quarters only, small cells suppressed, and intake serves it without who published', async () => {
    const draft = await w.desk.call('GET', '/api/statistics/draft?threshold=5', {
      cookie: w.admin.cookie,
    });
    expect(draft.status).toBe(200);
    const published = await w.desk.call('POST', '/api/statistics/published', {
      cookie: w.admin.cookie,
      body: { threshold: 5 },
    });
    expect(published.status).toBe(201);
    expect(published.body['quarters']).toEqual(['2026-Q3']);
    expect(published.body['cells']).toEqual(draft.body['cells']);

    const r = await fetch(`${intakeUrl}/api/v1/statistics`);
    const body = (await r.json()) as {
      snapshot: {
        quarters: string[];
        threshold: number;
        cells: { channelId: string; sector: string; counts: Record<string, number | null> }[];
      };
    };
    expect(Object.keys(body.snapshot).sort()).toEqual([
      'cells',
      'publishedAt',
      'quarters',
      'threshold',
    ]);
    expect(JSON.stringify(body)).not.toContain(w.admin.investigatorId);
    expect(body.snapshot.quarters).toEqual(['2026-Q3']);
    const total = body.snapshot.cells.find((c) => c.channelId === '*');
    expect(total?.counts['received']).toBe(7);
    expect(total?.counts['acknowledgedInTime']).toBe(5);
    // Seven reports, none with a sector: nothing below 5 shown anywhere.
    for (const c of body.snapshot.cells)
      for (const v of Object.values(c.counts)) expect(v === null || v === 0 || v >= 5).toBe(true);
    // The audit log names who published.
    const audit = await w.desk.call('GET', '/api/audit?limit=500', { cookie: w.admin.cookie });
    const entries = audit.body['items'] as { type: string; actor: string }[];
    expect(entries).toContainEqual(
      expect.objectContaining({ type: 'StatisticsPublished', actor: w.admin.investigatorId }),
    );
  });
});
