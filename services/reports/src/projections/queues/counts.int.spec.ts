/**
 * Counts beyond the cap (issue 13, finding 9): the desk showed "Inbox (1000)" when 3,000 waited.
 * Counts kept by counters are exact at any size; the two counted from the index stop at
 * COUNT_CAP and say so, so the desk shows "1000+".
 */
import { createMemoryEventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReportCommand } from '../../report/commands.ts';
import { handleReportCommand } from '../../report/handle.ts';
import { fakeSubmissionEnvelope, fakeUuid } from '../../shared/fixtures.ts';
import { createProjectionRunner } from '../runner.ts';
import { reportQueueProjection } from './projection.ts';
import { referralsProjection } from '../referrals/projection.ts';
import { COUNT_CAP, queueCounts } from './queries.ts';

describe('queue counts beyond the cap', () => {
  it('counts 3,000 waiting reports exactly and marks a clock-counted queue past the cap', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const runner = createProjectionRunner({
      store,
      db,
      projections: [reportQueueProjection, referralsProjection],
    });
    await runner.start();
    const channelId = fakeUuid('channel');
    const now = new Date('2026-01-05T10:00:00Z');
    const overdue = COUNT_CAP + 200;
    let n = 0;
    const run = (reportId: string, command: Pick<ReportCommand, 'type' | 'data'>) =>
      handleReportCommand(store, reportId, {
        ...command,
        metadata: {
          now,
          eventId: `e-${++n}`,
          actor:
            command.type === 'SubmitReport'
              ? { kind: 'whistleblower' }
              : { kind: 'investigator', investigatorId: 'i1' },
        },
      } as ReportCommand);
    let last;
    for (let i = 0; i < 3_000 + overdue; i++) {
      const reportId = fakeUuid(`r${i}`);
      last = await run(reportId, {
        type: 'SubmitReport',
        data: { reportId, channelId, envelope: fakeSubmissionEnvelope(reportId, channelId) },
      });
      // The first `overdue` are acknowledged (out of the inbox, feedback due in three months).
      if (i < overdue)
        last = await run(reportId, {
          type: 'AcknowledgeReport',
          data: { reportId, feedbackWithinMonths: 3 },
        });
    }
    await runner.waitFor(last!.position!);
    const counts = queueCounts(db, { channelIds: [channelId], investigatorId: 'i1', now });
    expect(counts.queues.inbox).toBe(3_000);
    expect(counts.queues.needs_triage).toBe(3_000 + overdue);
    expect(counts.capped).toEqual([]);
    // A year later every acknowledged report is overdue: counted from the index up to the cap.
    const later = queueCounts(db, {
      channelIds: [channelId],
      investigatorId: 'i1',
      now: new Date('2027-01-05T10:00:00Z'),
    });
    expect(later.queues.feedback_overdue).toBe(COUNT_CAP);
    expect(later.capped).toEqual(['feedback_overdue']);
    await runner.stop();
    db.close();
  }, 120_000);
});
