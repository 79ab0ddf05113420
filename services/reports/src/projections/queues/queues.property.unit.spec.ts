import { createMemoryEventStore, type EventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/command.ts';
import type { ReportCommand } from '../../report/commands.ts';
import { ReportDomainError } from '../../report/errors.ts';
import {
  fakeAttachmentHeader,
  fakeB64,
  fakeLocator,
  fakeMessageEnvelope,
  fakeSignKey,
  fakeSubmissionEnvelope,
  fakeUuid,
} from '../../shared/fixtures.ts';
import {
  priorities,
  sectors,
  type Priority,
  type ReportEvent,
  type Sector,
} from '../../report/events.ts';
import { handleReportCommand } from '../../report/handle.ts';
import { whistleblowerLocatorsProjection, findReportByLocator } from '../locators/projection.ts';
import { createProjectionRunner } from '../runner.ts';
import { CaseIndex } from '../cases/case-index.ts';
import { readCaseListChanges } from '../cases/changes.ts';
import { caseListProjection } from '../cases/projection.ts';
import { caseViews } from '../cases/query.ts';
import { evolveCaseRow, type CaseListState } from '../cases/row.ts';
import { reportQueueProjection } from './projection.ts';
import { referralsProjection } from '../referrals/projection.ts';
import {
  listByTriage,
  listQueue,
  queueCounts,
  queueNames,
  type QueueContext,
  type QueueItem,
  type QueueName,
} from './queries.ts';

const channels = [fakeUuid('c1'), fakeUuid('c2'), fakeUuid('c3')];
const investigators = ['i1', 'i2', 'i3'];
const base = Date.parse('2026-01-01T00:00:00Z');
const sealed = { ciphertext: 'x' };

type Step = { report: number; kind: number; pick: number; minutes: number };

/** Each author's next message sequence per report, from the messages appended so far. */
const sequences = new Map<string, number>();

function commandFor(step: Step, reportId: string, now: Date, n: number): ReportCommand {
  const staff: Actor = {
    kind: 'investigator',
    investigatorId: investigators[step.pick % 3] ?? 'i1',
  };
  const meta = (actor: Actor = staff) => ({ now, eventId: `e-${n}`, actor });
  const pick = <T>(xs: readonly T[]) => xs[step.pick % xs.length] as T;
  switch (step.kind) {
    case 0:
      return {
        type: 'SubmitReport',
        data: {
          reportId,
          channelId: pick(channels),
          envelope: fakeSubmissionEnvelope(reportId, pick(channels)),
          acknowledgeWithinDays: 1 + (step.pick % 10),
        },
        metadata: meta({ kind: 'whistleblower' }),
      };
    case 1:
      return {
        type: 'AcknowledgeReport',
        data: { reportId, feedbackWithinMonths: 1 + (step.pick % 3) },
        metadata: meta(),
      };
    case 2:
      return {
        type: 'TriageReport',
        data: {
          reportId,
          priority: pick(['low', 'normal', 'high', 'urgent'] as const),
          sector: pick(['police', 'health', 'land'] as const),
          region: null,
        },
        metadata: meta(),
      };
    case 3:
      return {
        type: 'AssignReport',
        data: { reportId, investigatorId: pick(investigators) },
        metadata: meta(),
      };
    case 4:
      return {
        type: 'UnassignReport',
        data: { reportId, investigatorId: pick(investigators) },
        metadata: meta(),
      };
    case 5:
      return {
        type: 'ChangeReportStatus',
        data: { reportId, to: pick(['in_review', 'investigating'] as const) },
        metadata: meta(),
      };
    case 6:
      return {
        type: 'PostMessage',
        data: (() => {
          // Signed with the caller's key, next in turn: what the decider takes.
          const byWhistleblower = step.pick % 2 === 0;
          const authorKey = byWhistleblower
            ? fakeSignKey(reportId)
            : fakeB64(32, `sign:${staff.investigatorId}`);
          const messageId = fakeUuid(`m-${n}`);
          return {
            reportId,
            messageId,
            authorKey,
            envelope: fakeMessageEnvelope(
              reportId,
              messageId,
              byWhistleblower ? 'whistleblower' : 'investigator',
              { authorKey, sequence: sequences.get(`${reportId}:${authorKey}`) ?? 0 },
            ),
          };
        })(),
        metadata: meta(step.pick % 2 === 0 ? { kind: 'whistleblower' } : staff),
      };
    case 7:
      return {
        type: 'CloseReport',
        data: { reportId, outcome: 'substantiated' },
        metadata: meta(),
      };
    case 8:
      return { type: 'ReferReport', data: { reportId, referral: sealed }, metadata: meta() };
    case 9:
      return { type: 'ReopenReport', data: { reportId }, metadata: meta() };
    case 10:
      return { type: 'PurgeReport', data: { reportId }, metadata: meta() };
    default:
      return {
        type: 'AddEvidence',
        data: {
          reportId,
          evidenceId: `ev-${n}`,
          blobId: 'f'.repeat(64),
          paddedSize: 4096,
          header: fakeAttachmentHeader(reportId, fakeUuid(`ev-${n}`)),
        },
        metadata: meta({ kind: 'whistleblower' }),
      };
  }
}

/** The queues written the obvious way, straight from the events. */
interface ModelRow {
  reportId: string;
  channelId: string;
  status: string;
  outcome: string | null;
  receivedAt: string;
  ackDueAt: string;
  feedbackDueAt: string | null;
  feedbackGivenAt: string | null;
  priority: string | null;
  sector: string | null;
  awaiting: string | null;
  lastActivityAt: string;
  closedAt: string | null;
  assignees: Set<string>;
}

function model(events: readonly ReportEvent[]): Map<string, ModelRow> {
  const rows = new Map<string, ModelRow>();
  for (const e of events) {
    if (e.type === 'ReportSubmitted') {
      rows.set(e.data.reportId, {
        reportId: e.data.reportId,
        channelId: e.data.channelId,
        status: 'submitted',
        outcome: null,
        receivedAt: e.data.receivedAt,
        ackDueAt: e.data.acknowledgementDueAt,
        feedbackDueAt: null,
        feedbackGivenAt: null,
        priority: null,
        sector: null,
        awaiting: null,
        lastActivityAt: e.data.receivedAt,
        closedAt: null,
        assignees: new Set(),
      });
      continue;
    }
    const r = rows.get(e.data.reportId);
    if (!r) continue;
    if (e.type === 'ReportAcknowledged') {
      r.status = 'acknowledged';
      r.feedbackDueAt = e.data.feedbackDueAt;
    } else if (e.type === 'ReportTriaged') {
      r.priority = e.data.priority;
      r.sector = e.data.sector;
    } else if (e.type === 'ReportAssigned') r.assignees.add(e.data.investigatorId);
    else if (e.type === 'ReportUnassigned') r.assignees.delete(e.data.investigatorId);
    else if (e.type === 'ReportStatusChanged') r.status = e.data.to;
    else if (e.type === 'MessagePosted') {
      r.lastActivityAt = e.data.postedAt;
      r.awaiting = e.data.author === 'whistleblower' ? 'investigator' : 'whistleblower';
      if (e.data.author === 'investigator' && r.status !== 'submitted' && !r.feedbackGivenAt)
        r.feedbackGivenAt = e.data.postedAt;
    } else if (e.type === 'EvidenceAdded') r.lastActivityAt = e.data.addedAt;
    else if (e.type === 'ReportClosed' || e.type === 'ReportReferred') {
      r.status = 'closed';
      r.outcome = e.type === 'ReportClosed' ? e.data.outcome : 'referred_elsewhere';
      r.closedAt = e.type === 'ReportClosed' ? e.data.closedAt : e.data.referredAt;
    } else if (e.type === 'ReportReopened') {
      r.status = 'in_review';
      r.outcome = null;
      r.closedAt = null;
    } else if (e.type === 'ReportPurged') rows.delete(e.data.reportId);
  }
  return rows;
}

function byKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function modelQueue(rows: Map<string, ModelRow>, name: QueueName, ctx: QueueContext): string[] {
  const now = ctx.now.toISOString();
  const soon = new Date(ctx.now.getTime() + 14 * 86_400_000).toISOString();
  const open = (r: ModelRow) => r.status !== 'closed';
  const mine = [...rows.values()].filter((r) => ctx.channelIds.includes(r.channelId));
  const sorted = (xs: ModelRow[], key: (r: ModelRow) => (string | null)[]) =>
    xs
      .sort((a, b) => byKeys([...key(a), a.reportId], [...key(b), b.reportId]))
      .map((r) => r.reportId);
  switch (name) {
    case 'inbox':
      return sorted(
        mine.filter((r) => r.status === 'submitted'),
        (r) => [r.ackDueAt],
      );
    case 'needs_triage':
      return sorted(
        mine.filter((r) => open(r) && r.priority === null),
        (r) => [r.receivedAt],
      );
    case 'mine':
      return sorted(
        mine.filter((r) => open(r) && r.assignees.has(ctx.investigatorId)),
        (r) => [r.feedbackDueAt === null ? '1' : '0', r.feedbackDueAt, r.ackDueAt],
      );
    case 'awaiting_whistleblower':
      return sorted(
        mine.filter((r) => open(r) && r.awaiting === 'whistleblower'),
        (r) => [r.lastActivityAt],
      );
    case 'feedback_due_soon':
      return sorted(
        mine.filter(
          (r) =>
            open(r) &&
            !r.feedbackGivenAt &&
            r.feedbackDueAt !== null &&
            r.feedbackDueAt >= now &&
            r.feedbackDueAt < soon,
        ),
        (r) => [r.feedbackDueAt],
      );
    case 'feedback_overdue':
      return sorted(
        mine.filter(
          (r) => open(r) && !r.feedbackGivenAt && r.feedbackDueAt !== null && r.feedbackDueAt < now,
        ),
        (r) => [r.feedbackDueAt],
      );
    case 'closed':
      return mine
        .filter((r) => r.status === 'closed')
        .sort((a, b) => byKeys([b.closedAt], [a.closedAt]) || byKeys([a.reportId], [b.reportId]))
        .map((r) => r.reportId);
  }
}

/** Every count the desk shows, from the model: queue lengths, open reports per priority and sector. */
function modelCounts(rows: Map<string, ModelRow>, ctx: QueueContext) {
  const open = [...rows.values()].filter(
    (r) => ctx.channelIds.includes(r.channelId) && r.status !== 'closed',
  );
  return {
    queues: Object.fromEntries(queueNames.map((n) => [n, modelQueue(rows, n, ctx).length])),
    byPriority: Object.fromEntries(
      priorities.map((p) => [p, open.filter((r) => r.priority === p).length]),
    ),
    bySector: Object.fromEntries(
      sectors.map((x) => [x, open.filter((r) => r.sector === x).length]),
    ),
    capped: [],
  };
}

function snapshot(db: Database.Database, ctx: QueueContext) {
  const ids = (xs: QueueItem[]) => xs.map((x) => x.reportId);
  return {
    queues: Object.fromEntries(queueNames.map((n) => [n, listQueue(db, n, ctx, { limit: 200 })])),
    counts: queueCounts(db, ctx),
    urgent: ids(listByTriage(db, { priority: 'urgent' }, ctx, { limit: 200 })),
    tables: db.prepare('SELECT * FROM report_queue ORDER BY report_id').all(),
    assignees: db
      .prepare('SELECT * FROM report_assignees ORDER BY report_id, investigator_id')
      .all(),
    locators: db.prepare('SELECT * FROM whistleblower_locators ORDER BY locator').all(),
    // A counter that went up and down again may be a stored zero on one side only.
    counters: db
      .prepare('SELECT * FROM report_queue_counts WHERE n <> 0 ORDER BY channel_id, counter')
      .all(),
  };
}

// The queues read the referrals' own deadlines (report_referrals).
const projections = [
  reportQueueProjection,
  referralsProjection,
  whistleblowerLocatorsProjection,
  caseListProjection,
];

/**
 * The case list's saved views against the queue model: the same cases, in the same order (the
 * closed view breaks ties of one closing time the other way; mine sorts by the next deadline),
 * and counts without a cap. `whole` was given every row at once (orders built afresh), `patched`
 * one change at a time after its orders were built (orders patched in place).
 */
function expectViewsAsQueues(index: CaseIndex, rows: Map<string, ModelRow>, ctx: QueueContext) {
  const views = caseViews(ctx);
  const counts = index.viewCounts(ctx);
  for (const n of queueNames) {
    const page = index.query({ ...views[n], limit: 1000, offset: 0 }, ctx);
    const ids = page.items.map((x) => x.reportId);
    const expected = modelQueue(rows, n, ctx);
    expect(page.total, n).toBe(expected.length);
    expect(counts[n], n).toBe(expected.length);
    if (n === 'mine') expect([...ids].sort(), n).toEqual([...expected].sort());
    else if (n === 'closed') {
      expect([...ids].sort(), n).toEqual([...expected].sort());
      const closedAt = (id: string) => rows.get(id)?.closedAt;
      expect(ids.map(closedAt), n).toEqual(expected.map(closedAt));
    } else expect(ids, n).toEqual(expected);
  }
}

async function play(store: EventStore, steps: Step[]) {
  const events: ReportEvent[] = [];
  sequences.clear();
  const status = new Map<number, string>();
  let t = base;
  let lastPosition = 0n;
  for (const [n, step] of steps.entries()) {
    t += step.minutes * 60_000;
    const reportId = `00000000-0000-4000-8000-00000000000${step.report}`;
    // Mostly valid sequences: a report is submitted first, purges are rare; what is still
    // illegal is refused by the decider and leaves no event, as in production.
    const current = status.get(step.report) ?? 'none';
    const kind = current === 'none' ? 0 : step.kind === 10 && step.pick % 2 !== 0 ? 11 : step.kind;
    try {
      const r = await handleReportCommand(
        store,
        reportId,
        commandFor({ ...step, kind }, reportId, new Date(t), n),
      );
      events.push(...r.events);
      for (const e of r.events)
        if (e.type === 'MessagePosted') {
          const key = `${reportId}:${e.data.envelope.authorKey}`;
          sequences.set(key, (sequences.get(key) ?? 0) + 1);
        }
      status.set(step.report, r.state.status);
      if (r.position !== undefined) lastPosition = r.position;
    } catch (error) {
      if (!(error instanceof ReportDomainError)) throw error;
    }
  }
  return { events, lastPosition, end: t };
}

describe('queue projections (property)', () => {
  const stats = { events: 0, closedUntriaged: 0, reopened: 0, unassigned: 0, purged: 0 };
  it('live read models == rebuilt from scratch == an in-memory model of the queues', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            report: fc.integer({ min: 0, max: 7 }),
            kind: fc.integer({ min: 0, max: 11 }),
            pick: fc.nat(),
            minutes: fc.integer({ min: 0, max: 60 * 24 * 20 }),
          }),
          { minLength: 20, maxLength: 120, size: 'max' },
        ),
        fc.integer({ min: 0, max: 200 }),
        async (steps, lookDays) => {
          const store = createMemoryEventStore();
          const live = new Database(':memory:');
          const runner = createProjectionRunner({ store, db: live, projections, batchSize: 7 });
          await runner.start();
          const { events, lastPosition, end } = await play(store, steps);
          await runner.waitFor(lastPosition);

          const rebuilt = new Database(':memory:');
          await createProjectionRunner({ store, db: rebuilt, projections }).rebuild();

          const rows = model(events);
          const whole = new CaseIndex();
          whole.apply(readCaseListChanges(live, 0).states);
          // Every intermediate state of every row, one at a time, into orders already built.
          const patched = new CaseIndex();
          const folded = new Map<string, CaseListState>();
          for (const e of await store.readAll({ after: 0n, maxCount: 100_000 })) {
            if (!caseListProjection.canHandle(e)) continue;
            const key = caseListProjection.key(e);
            const state = evolveCaseRow(folded.get(key), e);
            if (!state) continue;
            folded.set(key, state);
            patched.apply([state]);
            for (const sort of ['received', 'nextDeadline', 'closed', 'lastActivity'] as const)
              patched.query(
                { filter: {}, sort: { key: sort, direction: 'asc' }, limit: 1, offset: 0 },
                { channelIds: channels, investigatorId: 'i1', now: new Date(end) },
              );
          }
          for (const channelIds of [channels, channels.slice(0, 1), channels.slice(1)]) {
            for (const investigatorId of investigators) {
              const ctx = {
                channelIds,
                investigatorId,
                now: new Date(end - 30 * 86_400_000 + lookDays * 86_400_000),
              };
              const a = snapshot(live, ctx);
              expect(snapshot(rebuilt, ctx)).toEqual(a);
              for (const n of queueNames)
                expect(
                  a.queues[n]?.map((x) => x.reportId),
                  n,
                ).toEqual(modelQueue(rows, n, ctx));
              expect(a.counts).toEqual(modelCounts(rows, ctx));
              expectViewsAsQueues(whole, rows, ctx);
              expectViewsAsQueues(patched, rows, ctx);
            }
          }
          const table = live
            .prepare(
              'SELECT report_id, status, outcome, feedback_given_at, priority, sector, awaiting, closed_at FROM report_queue ORDER BY report_id',
            )
            .all();
          expect(table).toEqual(
            [...rows.values()]
              .sort((a, b) => byKeys([a.reportId], [b.reportId]))
              .map((r) => ({
                report_id: r.reportId,
                status: r.status,
                outcome: r.outcome,
                feedback_given_at: r.feedbackGivenAt,
                priority: r.priority,
                sector: r.sector,
                awaiting: r.awaiting,
                closed_at: r.closedAt,
              })),
          );
          stats.events += events.length;
          for (const e of events) {
            if (e.type === 'ReportReopened') stats.reopened++;
            if (e.type === 'ReportUnassigned') stats.unassigned++;
            if (e.type === 'ReportPurged') stats.purged++;
          }
          stats.closedUntriaged += [...rows.values()].filter(
            (r) => r.status === 'closed' && !r.priority,
          ).length;
          for (const r of rows.values())
            expect(findReportByLocator(live, fakeLocator(r.reportId))?.reportId).toBe(r.reportId);
          await runner.stop();
          live.close();
          rebuilt.close();
        },
      ),
      { numRuns: 50 },
    );
    // The generator must reach the interesting states, or the property proves little.
    expect(stats.events).toBeGreaterThan(50 * 20);
    expect(stats.closedUntriaged).toBeGreaterThan(10);
    // About 15, 15 and 8 of these per run of the property.
    expect(stats.reopened).toBeGreaterThan(3);
    expect(stats.unassigned).toBeGreaterThan(3);
    expect(stats.purged).toBeGreaterThan(0);
  }, 180_000);

  it('counts stay right through reassignment, closing, reopening and purge, live and rebuilt', async () => {
    const store = createMemoryEventStore();
    const live = new Database(':memory:');
    const runner = createProjectionRunner({ store, db: live, projections });
    await runner.start();
    const [a, b] = [fakeUuid('counted-a'), fakeUuid('counted-b')];
    const channelId = channels[0] as string;
    let n = 0;
    let t = base;
    const run = async (reportId: string, make: (meta: object) => object) => {
      t += 3_600_000;
      const actor: Actor = { kind: 'investigator', investigatorId: 'i1' };
      const metadata = { now: new Date(t), eventId: `counted-${++n}`, actor };
      const r = await handleReportCommand(store, reportId, make(metadata) as ReportCommand);
      if (r.position !== undefined) await runner.waitFor(r.position);
    };
    const zero = <K extends string>(keys: readonly K[]) =>
      Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    /** Non-zero counts for i1 and i2; every other count must be zero. */
    const expectCounts = async (
      step: string,
      i1: Partial<Record<QueueName | Priority | Sector, number>>,
      i2: { mine?: number } = {},
    ) => {
      const rebuilt = new Database(':memory:');
      await createProjectionRunner({ store, db: rebuilt, projections }).rebuild();
      for (const [investigatorId, own] of [
        ['i1', i1],
        ['i2', { ...i1, mine: i2.mine ?? 0 }],
      ] as const) {
        const ctx = { channelIds: [channelId], investigatorId, now: new Date(t) };
        const pick = <K extends string>(keys: readonly K[]) => ({
          ...zero(keys),
          ...Object.fromEntries(
            Object.entries(own).filter(([k]) => (keys as readonly string[]).includes(k)),
          ),
        });
        const want = {
          queues: pick(queueNames),
          byPriority: pick(priorities),
          bySector: pick(sectors),
          capped: [],
        };
        expect(queueCounts(live, ctx), `${step}, live, ${investigatorId}`).toEqual(want);
        expect(queueCounts(rebuilt, ctx), `${step}, rebuilt, ${investigatorId}`).toEqual(want);
        // Nobody sees counts of a channel they are not a recipient of.
        const other = { ...ctx, channelIds: [channels[1] as string] };
        expect(queueCounts(live, other)).toEqual({
          queues: zero(queueNames),
          byPriority: zero(priorities),
          bySector: zero(sectors),
          capped: [],
        });
      }
      rebuilt.close();
    };

    for (const reportId of [a, b])
      await run(reportId, (metadata) => ({
        type: 'SubmitReport',
        data: { reportId, channelId, envelope: fakeSubmissionEnvelope(reportId, channelId) },
        metadata: { ...(metadata as object), actor: { kind: 'whistleblower' } },
      }));
    await expectCounts('submitted', { inbox: 2, needs_triage: 2 });
    await run(a, (metadata) => ({ type: 'AcknowledgeReport', data: { reportId: a }, metadata }));
    await run(a, (metadata) => ({
      type: 'TriageReport',
      data: { reportId: a, priority: 'urgent', sector: 'police', region: null },
      metadata,
    }));
    await expectCounts('triaged', { inbox: 1, needs_triage: 1, urgent: 1, police: 1 });
    await run(a, (metadata) => ({
      type: 'AssignReport',
      data: { reportId: a, investigatorId: 'i1' },
      metadata,
    }));
    await expectCounts('assigned', { inbox: 1, needs_triage: 1, urgent: 1, police: 1, mine: 1 });
    await run(a, (metadata) => ({
      type: 'UnassignReport',
      data: { reportId: a, investigatorId: 'i1' },
      metadata,
    }));
    await run(a, (metadata) => ({
      type: 'AssignReport',
      data: { reportId: a, investigatorId: 'i2' },
      metadata,
    }));
    await run(a, (metadata) => ({
      type: 'PostMessage',
      data: {
        reportId: a,
        messageId: fakeUuid('cm'),
        authorKey: fakeB64(32, 'sign:i1'),
        envelope: fakeMessageEnvelope(a, fakeUuid('cm'), 'investigator', {
          authorKey: fakeB64(32, 'sign:i1'),
        }),
      },
      metadata,
    }));
    const working = { inbox: 1, needs_triage: 1, urgent: 1, police: 1, awaiting_whistleblower: 1 };
    await expectCounts('reassigned', working, { mine: 1 });
    await run(a, (metadata) => ({
      type: 'CloseReport',
      data: { reportId: a, outcome: 'substantiated' },
      metadata,
    }));
    await expectCounts('closed', { inbox: 1, needs_triage: 1, closed: 1 });
    await run(a, (metadata) => ({ type: 'ReopenReport', data: { reportId: a }, metadata }));
    await expectCounts('reopened', working, { mine: 1 });
    await run(a, (metadata) => ({
      type: 'ReferReport',
      data: { reportId: a, referral: sealed },
      metadata,
    }));
    await run(a, (metadata) => ({ type: 'PurgeReport', data: { reportId: a }, metadata }));
    await expectCounts('purged', { inbox: 1, needs_triage: 1 });
    await runner.stop();
    live.close();
  });
});
