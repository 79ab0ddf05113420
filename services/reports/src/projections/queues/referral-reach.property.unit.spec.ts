import { createMemoryEventStore, type Json, type RecordedEvent } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelsWithAccess,
  channelsWithAccessOf,
  type ReferralReach,
} from '../../report/access.ts';
import { evolveReport } from '../../report/evolve.ts';
import { initialReportState, type ReportState } from '../../report/state.ts';
import { fakeReferralAccepted, fakeSubmissionEnvelope, fakeUuid } from '../../shared/fixtures.ts';
import { CaseIndex } from '../cases/case-index.ts';
import { readCaseListChanges } from '../cases/changes.ts';
import { caseListProjection } from '../cases/projection.ts';
import { createProjectionRunner } from '../runner.ts';
import { reportQueueProjection } from './projection.ts';
import { referralsProjection } from '../referrals/projection.ts';
import { readModelDirectory } from '../../notifications/notifier.ts';
import { dueReminders } from '../../reminders/decide.ts';
import { readDeadlineRows, readReminderPeople } from '../../reminders/rows.ts';
import { allProjections } from '../all.ts';
import { caseViews } from '../cases/query.ts';
import { listQueue, queueCounts, type QueueName } from './queries.ts';
import { evolveQueueRow, reachOf, type QueueRow } from './row.ts';

// Referral between channels (SECURITY.md, Protocol step 11): which channels may open a report
// after any run of proposals and answers, as the desk's access check (the report decider's
// state) and the read models (queue fold, SQL queues and counts, in-memory case list) see it.

const [own, b, c] = [fakeUuid('own'), fakeUuid('union'), fakeUuid('paper')];
const received = '2026-03-01T10:00:00.000Z';

type Step = {
  target: 0 | 1;
  handOver: boolean;
  answer: 'accept' | 'decline' | 'withdraw' | 'none';
  /** The target acknowledges the referral (once accepted). */
  acknowledged?: boolean;
  /** The report's own channel acknowledges the report after this step (while it may). */
  reportAcknowledged?: boolean;
};
const stepArb = fc.record({
  target: fc.constantFrom(0 as const, 1 as const),
  handOver: fc.boolean(),
  acknowledged: fc.boolean(),
  reportAcknowledged: fc.boolean(),
  answer: fc.constantFrom(
    'accept' as const,
    'decline' as const,
    'withdraw' as const,
    'none' as const,
  ),
});

/** A report's events: submitted, then each step's proposal and its answer (if any). */
function eventsOf(reportId: string, steps: readonly Step[]): { type: string; data: Json }[] {
  const out: { type: string; data: Json }[] = [
    {
      type: 'ReportSubmitted',
      data: {
        reportId,
        channelId: own,
        receivedAt: received,
        acknowledgementDueAt: '2026-03-08T10:00:00.000Z',
        envelope: fakeSubmissionEnvelope(reportId, own) as unknown as Json,
        locator: 'x',
      },
    },
  ];
  steps.forEach((s, i) => {
    const referralId = fakeUuid(`${reportId}-referral-${i}`);
    const toChannelId = s.target === 0 ? b : c;
    out.push({
      type: 'ReferralProposed',
      data: {
        reportId,
        referralId,
        by: 'i1',
        fromChannelId: own,
        toChannelId,
        mode: 'consent',
        handOver: s.handOver,
        targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
        proposedAt: received,
        shares: [],
        reason: { ciphertext: 'x' },
      },
    });
    const at = received;
    if (s.answer === 'accept')
      out.push(
        fakeReferralAccepted(reportId, referralId, toChannelId, at, {
          acknowledgementDueAt: '2026-03-08T10:00:00.000Z',
          feedbackDueAt: '2026-06-08T10:00:00.000Z',
        }) as unknown as { type: string; data: Json },
      );
    if (s.answer === 'accept' && s.acknowledged)
      out.push({
        type: 'ReferralAcknowledged',
        data: { reportId, referralId, by: 'i2', acknowledgedAt: '2026-03-02T10:00:00.000Z' },
      });
    if (s.answer === 'decline')
      out.push({ type: 'ReferralDeclined', data: { reportId, referralId, declinedAt: at } });
    if (s.answer === 'withdraw')
      out.push({ type: 'ReferralWithdrawn', data: { reportId, referralId, withdrawnAt: at } });
    if (s.reportAcknowledged && !out.some((e) => e.type === 'ReportAcknowledged'))
      out.push({
        type: 'ReportAcknowledged',
        data: {
          reportId,
          by: 'i1',
          acknowledgedAt: '2026-03-02T10:00:00.000Z',
          feedbackDueAt: '2026-05-02T10:00:00.000Z',
        },
      });
  });
  return out;
}

const recorded = (reportId: string, events: { type: string; data: Json }[]) =>
  events.map(
    (e, i) =>
      ({
        id: fakeUuid(`${reportId}-e${i}`),
        type: e.type,
        streamId: `report-${reportId}`,
        revision: BigInt(i),
        position: BigInt(i + 1),
        data: e.data,
        metadata: {},
        created: 0,
      }) satisfies RecordedEvent,
  );

/** The rule as the issue states it, written out plainly. */
function expected(steps: readonly Step[]): string[] {
  const accepted = steps.filter((s) => s.answer === 'accept');
  const targets = accepted.map((s) => (s.target === 0 ? b : c));
  const set = new Set([...(accepted.some((s) => s.handOver) ? [] : [own]), ...targets]);
  return [...set].sort();
}

/**
 * What a caller owes, as the issue states it (SECURITY.md, Protocol step 11): through the
 * report's own channel, the report's acknowledgement and feedback; through referrals only,
 * their acknowledgement and then (once acknowledged) their feedback, due 06-08, and after a
 * hand-over the report's acknowledgement if never given.
 */
function owed(steps: readonly Step[], channelIds: readonly string[]) {
  const reach = expected(steps);
  if (!reach.some((x) => channelIds.includes(x))) return null;
  const acked = steps.some((s) => s.reportAcknowledged);
  if (reach.includes(own) && channelIds.includes(own))
    return { inbox: !acked, feedbackDue: acked ? '2026-05-02T10:00:00.000Z' : null };
  const theirs = steps.filter(
    (s) => s.answer === 'accept' && channelIds.includes(s.target === 0 ? b : c),
  );
  // Handed over: the report's acknowledgement, if never given, is the target's too.
  const handedOver = !reach.includes(own);
  return {
    inbox: theirs.some((s) => !s.acknowledged) || (handedOver && !acked),
    feedbackDue: theirs.some((s) => s.acknowledged) ? '2026-06-08T10:00:00.000Z' : null,
  };
}

describe('who may open a referred report', () => {
  it('hand-over moves a case to the target; keeping access lists it in both; anything else changes nothing', () => {
    const ref = (status: ReferralReach['status'], handOver: boolean, to = b): ReferralReach => ({
      referralId: `${status}-${handOver}`,
      toChannelId: to,
      handOver,
      status,
    });
    expect(channelsWithAccessOf(own, [])).toEqual([own]);
    expect(channelsWithAccessOf(own, [ref('accepted', true)])).toEqual([b]);
    expect(channelsWithAccessOf(own, [ref('accepted', false)])).toEqual([own, b]);
    for (const status of ['proposed', 'declined', 'withdrawn'] as const)
      expect(channelsWithAccessOf(own, [ref(status, true), ref(status, false, c)])).toEqual([own]);
    expect(channelsWithAccessOf(own, [ref('accepted', false), ref('accepted', true, c)])).toEqual([
      b,
      c,
    ]);
  });

  it('the queue fold remembers a proposal’s hand-over and agrees with the decider’s state (the desk’s check)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 6 }), (steps) => {
        const reportId = fakeUuid('fold');
        const events = recorded(reportId, eventsOf(reportId, steps));
        const row = events.reduce<QueueRow | undefined>(evolveQueueRow, undefined) as QueueRow;
        const state = events.reduce<ReportState>(
          (s, e) => evolveReport(s, { type: e.type, data: e.data } as never),
          initialReportState,
        );
        expect([...reachOf(row)].sort()).toEqual(expected(steps));
        expect(reachOf(row)).toEqual(channelsWithAccess(state));
      }),
    );
  });

  it('queues, counts and the case list show each report to exactly the channels that may open it, counted once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(stepArb, { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (reports) => {
          const store = createMemoryEventStore();
          const db = new Database(':memory:');
          const projections = [reportQueueProjection, referralsProjection, caseListProjection];
          const runner = createProjectionRunner({ store, db, projections, batchSize: 3 });
          await runner.start();
          let last = 0n;
          const ids = reports.map((_, i) => fakeUuid(`report-${i}`));
          for (const [i, steps] of reports.entries()) {
            const reportId = ids[i] as string;
            const events = eventsOf(reportId, steps).map((e, n) => ({
              id: fakeUuid(`${reportId}-${n}`),
              ...e,
            }));
            const r = await store.append(`report-${reportId}`, events, {
              expectedRevision: 'any',
            });
            last = r.position;
          }
          await runner.waitFor(last);
          await runner.stop();
          const index = new CaseIndex();
          index.apply(readCaseListChanges(db, 0).states);
          const now = new Date(received);
          for (const channelIds of [[own], [b], [c], [own, b], [b, c], [own, b, c]]) {
            const ctx = { channelIds, investigatorId: 'i1', now };
            const want = ids.filter((_, i) =>
              expected(reports[i] as Step[]).some((x) => channelIds.includes(x)),
            );
            // The inbox is the acknowledgements the caller owes: the report's through its own
            // channel, else their referral's; the queue, its count, the view and the work agree.
            const inbox = want.filter(
              (id) => owed(reports[ids.indexOf(id)] as Step[], channelIds)?.inbox,
            );
            expect(
              listQueue(db, 'inbox', ctx)
                .map((q) => q.reportId)
                .sort(),
            ).toEqual([...inbox].sort());
            expect(queueCounts(db, ctx).queues.inbox).toBe(inbox.length);
            const view = (name: QueueName, at: Date) => {
              const x = { ...ctx, now: at };
              const listed = index.query({ ...caseViews(x)[name], limit: 200, offset: 0 }, x);
              expect(listed.total).toBe(index.viewCounts(x)[name]);
              expect(queueCounts(db, x).queues[name]).toBe(listed.total);
              const queued = listQueue(db, name, x).map((q) => q.reportId);
              expect(listed.items.map((i) => i.reportId)).toEqual(queued);
              return [...queued].sort();
            };
            expect(view('inbox', now)).toEqual([...inbox].sort());
            // Feedback: the report's due 05-02 once acknowledged, a referral's 06-08.
            for (const [at, name, dueBefore] of [
              ['2026-04-25T00:00:00.000Z', 'feedback_due_soon', '2026-05-09T00:00:00.000Z'],
              ['2026-06-01T00:00:00.000Z', 'feedback_due_soon', '2026-06-15T00:00:00.000Z'],
              ['2026-06-01T00:00:00.000Z', 'feedback_overdue', '2026-06-01T00:00:00.000Z'],
              ['2026-07-01T00:00:00.000Z', 'feedback_overdue', '2026-07-01T00:00:00.000Z'],
            ] as const) {
              const feedback = want.filter((id) => {
                const due = owed(reports[ids.indexOf(id)] as Step[], channelIds)?.feedbackDue;
                if (!due || due >= dueBefore) return false;
                return name === 'feedback_overdue' || due >= at;
              });
              expect(view(name, new Date(at)), `${name} at ${at}`).toEqual([...feedback].sort());
            }
            const page = index.query(
              { filter: {}, sort: { key: 'received', direction: 'asc' }, limit: 200, offset: 0 },
              ctx,
            );
            expect(page.items.map((x) => x.reportId).sort()).toEqual([...want].sort());
            expect(index.viewCounts(ctx).inbox).toBe(inbox.length);
            expect(index.work(ctx).newReports).toBe(inbox.length);
            for (const item of page.items) {
              const reach = expected(reports[ids.indexOf(item.reportId)] as Step[]);
              const own_ = reach.includes(own) && channelIds.includes(own);
              expect(item.referredFrom).toBe(own_ ? null : own);
            }
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tells of a reply or a deadline only those who may open the case: the target after a hand-over', async () => {
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    await runner.start();
    const recipients = [
      [own, 'alice'],
      [own, 'bob'],
      [b, 'carol'],
    ];
    for (const [channel, who] of recipients)
      db.prepare('INSERT INTO staff_channel_recipients VALUES (?, ?, ?)').run(channel, who, 'k');
    const cases = {
      handed: [{ target: 0, handOver: true, answer: 'accept' }],
      kept: [{ target: 0, handOver: false, answer: 'accept' }],
      declined: [{ target: 0, handOver: true, answer: 'decline' }],
      proposed: [{ target: 0, handOver: true, answer: 'none' }],
    } satisfies Record<string, Step[]>;
    let last = 0n;
    for (const [name, steps] of Object.entries(cases)) {
      const reportId = fakeUuid(name);
      const events = [
        ...eventsOf(reportId, steps),
        { type: 'ReportAssigned', data: { reportId, investigatorId: 'alice', by: 'bob' } },
      ];
      last = (
        await store.append(
          `report-${reportId}`,
          events.map((e, n) => ({ id: fakeUuid(`${name}-${n}`), ...e })),
          { expectedRevision: 'any' },
        )
      ).position;
    }
    await runner.waitFor(last);
    await runner.stop();
    const directory = readModelDirectory(db);
    const told = Object.fromEntries(
      Object.keys(cases).map((name) => [name, directory.caretakersOf(fakeUuid(name))]),
    );
    // Alice, assigned in the source channel, no longer hears of the case handed over: carol,
    // the target's recipient, does until someone there is assigned.
    expect(told).toEqual({
      handed: ['carol'],
      kept: ['alice'],
      declined: ['alice'],
      proposed: ['alice'],
    });
    const rows = readDeadlineRows(db, '2027-01-01T00:00:00.000Z');
    const reminders = dueReminders(rows, readReminderPeople(db), new Date('2026-03-07T00:00:00Z'));
    expect(Object.fromEntries(reminders.map((r) => [r.reportId, [r.audience, r.notify]]))).toEqual({
      [fakeUuid('handed')]: ['recipients', ['carol']],
      [fakeUuid('kept')]: ['assignees', ['alice']],
      [fakeUuid('declined')]: ['assignees', ['alice']],
      [fakeUuid('proposed')]: ['assignees', ['alice']],
    });
    db.close();
  });
});
