import {
  createSqliteEventStore,
  StreamDeletedError,
  type EventStore,
} from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { allProjections } from '../projections/all.ts';
import { listAuditLog } from '../projections/audit/projection.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { handleReportCommand } from '../report/handle.ts';
import type { ReportCommand } from '../report/commands.ts';
import { createReportPurger } from '../retention/purger.ts';
import type { Actor } from '../shared/command.ts';
import {
  fakeMessageEnvelope,
  fakeReferralAccepted,
  fakeReportLife,
  fakeUuid,
} from '../shared/fixtures.ts';
import { reportStream } from '../report/handle.ts';
import { remindersStream, type DeadlineReminderDue } from './events.ts';
import { startReminderJob } from './job.ts';

const DAY = 86_400_000;
const channelId = fakeUuid('channel');
const alice: Actor = { kind: 'investigator', investigatorId: fakeUuid('alice') };
const dir = mkdtempSync(join(tmpdir(), 'idesk-reminders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A desk process: the event store on a real SQLite file, its read models, its projections. */
interface Desk {
  store: EventStore;
  db: Database.Database;
  runner: ProjectionRunner;
}
const running: Desk[] = [];
afterEach(async () => {
  for (const d of running.splice(0)) await stop(d);
});
async function stop(d: Desk) {
  await d.runner.stop();
  d.db.close();
  await d.store.close();
}
async function desk(file: string): Promise<Desk> {
  const store = createSqliteEventStore({ file });
  const db = new Database(':memory:');
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.start();
  const d = { store, db, runner };
  running.push(d);
  // Two recipients of the channel and an administrator, as the staff directory lists them.
  db.prepare('INSERT INTO staff_channel_recipients VALUES (?, ?, ?)').run(channelId, 'rec-1', 'k');
  db.prepare('INSERT INTO staff_channel_recipients VALUES (?, ?, ?)').run(channelId, 'rec-2', 'k');
  db.prepare(
    `INSERT INTO staff_investigators (investigator_id, handle, role, status) VALUES ('adm', 'adm', 'administrator', 'active')`,
  ).run();
  return d;
}

const clock = { now: new Date('2026-01-10T09:00:00.000Z') };
const received = clock.now;

async function command(d: Desk, c: Pick<ReportCommand, 'type' | 'data'>, actor: Actor = alice) {
  const result = await handleReportCommand(d.store, (c.data as { reportId: string }).reportId, {
    ...c,
    metadata: { now: clock.now, eventId: randomUUID(), actor },
  } as ReportCommand);
  if (result.position !== undefined) await d.runner.waitFor(result.position);
}

const job = (d: Desk) =>
  startReminderJob({
    store: d.store,
    readModels: d.db,
    clock: { now: () => clock.now },
    intervalMs: 3_600_000,
    timers: { every: () => ({ stop: () => undefined }) },
    onError: (e) => {
      throw e;
    },
  });

const reminders = async (d: Desk, reportId: string) =>
  (await d.store.readStream(remindersStream(reportId))).map((e) => e.data as DeadlineReminderDue);

/** The target channel's two recipients, as the staff directory lists them. */
const targetRecipients = (db: Database.Database, target: string) => {
  for (const r of ['tgt-1', 'tgt-2'])
    db.prepare('INSERT INTO staff_channel_recipients VALUES (?, ?, ?)').run(target, r, 'k');
};

/** Events appended to the report's stream as they are (a referral's), the projections caught up. */
async function appendToReport(
  d: Desk,
  reportId: string,
  ...events: { type: string; data: unknown }[]
) {
  const { position } = await d.store.append(
    reportStream(reportId),
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as never })),
    { expectedRevision: 'any' },
  );
  await d.runner.waitFor(position);
}

/** alice's proposal to hand the report over to `target` (7 days, 3 months). */
const handOverProposed = (reportId: string, referralId: string, target: string, at: string) => ({
  type: 'ReferralProposed',
  data: {
    reportId,
    referralId,
    by: alice.investigatorId,
    fromChannelId: channelId,
    toChannelId: target,
    mode: 'inform',
    handOver: true,
    targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
    shares: [],
    reason: fakeMessageEnvelope(reportId, 'referrals'),
    proposedAt: at,
  },
});

describe('deadline reminders as events', () => {
  it('reminds before the deadline, escalates after it, once per deadline and step across a restart', async () => {
    const file = join(dir, 'restart.sqlite');
    let d = await desk(file);
    const reportId = randomUUID();
    const life = fakeReportLife(reportId, channelId, { evidenceId: randomUUID(), blobId: 'b' });
    await command(d, life.submit, { kind: 'whistleblower' });
    const ackDueAt = new Date(received.getTime() + 7 * DAY).toISOString();

    // Four days in: nothing is due.
    clock.now = new Date(received.getTime() + 4 * DAY);
    const first = job(d);
    expect(await first.run()).toBe(0);
    await expect(d.store.readStream(remindersStream(reportId))).rejects.toThrow();

    // Five and a half days in: the reminder, to the channel's recipients (nobody assigned).
    clock.now = new Date(received.getTime() + 5.5 * DAY);
    await first.run();
    await first.run();
    expect(await reminders(d, reportId)).toEqual([
      {
        reportId,
        deadline: 'acknowledgement',
        step: 'reminder',
        dueAt: ackDueAt,
        audience: 'recipients',
        notify: ['rec-1', 'rec-2'],
      },
    ]);

    // Eight days in: the escalation to the administrators, the reminder not again.
    clock.now = new Date(received.getTime() + 8 * DAY);
    await first.run();
    await first.stop();
    expect((await reminders(d, reportId)).map((r) => `${r.step}:${r.notify.join()}`)).toEqual([
      'reminder:rec-1,rec-2',
      'escalation:adm',
    ]);

    // A restart: a new process over the same file, and a second job alongside it.
    await stop(running.splice(0)[0]!);
    d = await desk(file);
    const [again, second] = [job(d), job(d)];
    await Promise.all([again.run(), second.run()]);
    await Promise.all([again.stop(), second.stop()]);
    expect(await reminders(d, reportId)).toHaveLength(2);

    // Acknowledged and assigned: the feedback deadline's reminder goes to the assignee.
    await command(d, life.acknowledge);
    await command(d, { type: 'AssignReport', data: { reportId, investigatorId: 'rec-2' } });
    clock.now = new Date(received.getTime() + 8 * DAY + 89 * DAY);
    const later = job(d);
    await later.run();
    await later.stop();
    const feedback = (await reminders(d, reportId)).filter((r) => r.deadline === 'feedback');
    expect(feedback.map((r) => [r.step, r.audience, r.notify])).toEqual([
      ['reminder', 'assignees', ['rec-2']],
    ]);
  });

  it('goes with the report when it is purged: stream tombstoned, audit entries dropped', async () => {
    const d = await desk(join(dir, 'purge.sqlite'));
    const reportId = randomUUID();
    const life = fakeReportLife(reportId, channelId, { evidenceId: randomUUID(), blobId: 'b' });
    clock.now = received;
    await command(d, life.submit, { kind: 'whistleblower' });
    clock.now = new Date(received.getTime() + 8 * DAY);
    const j = job(d);
    await j.run();
    await j.stop();
    expect(await reminders(d, reportId)).toHaveLength(2);
    await command(d, life.acknowledge);
    await command(d, life.close);
    const purger = createReportPurger({
      store: d.store,
      readModels: d.db,
      blobs: {
        erase: async () => undefined,
        discardUploads: async () => undefined,
        unrecorded: async () => [],
        dropUnrecorded: async () => false,
      },
      clock: { now: () => clock.now },
      ids: { uuid: () => randomUUID() },
      waitForProjections: (p) => d.runner.waitFor(p),
    });
    expect(await purger.purge(reportId, alice)).toBe('erased');
    await expect(d.store.readStream(remindersStream(reportId))).rejects.toThrow(StreamDeletedError);
    expect(listAuditLog(d.db).filter((e) => e.streamId === remindersStream(reportId))).toEqual([]);
    // The job after the purge: nothing to remind of, nothing appended.
    const after = job(d);
    expect(await after.run()).toBe(0);
    await after.stop();
  });
});

describe("a referral's acknowledgement reminded to its target channel", () => {
  it('reminds the target before its own deadline, escalates after it, once across a restart, not after it acknowledged', async () => {
    const file = join(dir, 'referral.sqlite');
    let d = await desk(file);
    const target = fakeUuid('target-channel');
    const recipients = (db: Database.Database) => targetRecipients(db, target);
    recipients(d.db);
    const reportId = randomUUID();
    const referralId = randomUUID();
    const life = fakeReportLife(reportId, channelId, { evidenceId: randomUUID(), blobId: 'b' });
    clock.now = received;
    await command(d, life.submit, { kind: 'whistleblower' });
    await command(d, life.acknowledge);
    // Handed over to the target, accepted a day in: the target's own deadline is 7 days later.
    const acceptedAt = new Date(received.getTime() + DAY).toISOString();
    const ackDueAt = new Date(received.getTime() + 8 * DAY).toISOString();
    await appendToReport(
      d,
      reportId,
      handOverProposed(reportId, referralId, target, acceptedAt),
      fakeReferralAccepted(reportId, referralId, target, acceptedAt, {
        acknowledgementDueAt: ackDueAt,
        feedbackDueAt: new Date(received.getTime() + 91 * DAY).toISOString(),
      }),
    );
    const ofReferral = async () =>
      (await reminders(d, reportId)).filter((r) => r.deadline === 'referral_acknowledgement');

    // Six and a half days in: the reminder, to the target's recipients (its own never told).
    clock.now = new Date(received.getTime() + 6.5 * DAY);
    const first = job(d);
    await first.run();
    await first.run();
    expect(await ofReferral()).toEqual([
      {
        reportId,
        deadline: 'referral_acknowledgement',
        step: 'reminder',
        dueAt: ackDueAt,
        audience: 'recipients',
        notify: ['tgt-1', 'tgt-2'],
        referralId,
      },
    ]);

    // Nine days in: the escalation to the administrators, the reminder not again.
    clock.now = new Date(received.getTime() + 9 * DAY);
    await first.run();
    await first.stop();
    expect((await ofReferral()).map((r) => `${r.step}:${r.audience}:${r.notify.join()}`)).toEqual([
      'reminder:recipients:tgt-1,tgt-2',
      'escalation:administrators:adm',
    ]);

    // A restart and a second job: each step still once.
    await stop(running.splice(0)[0]!);
    d = await desk(file);
    recipients(d.db);
    const [again, second] = [job(d), job(d)];
    await Promise.all([again.run(), second.run()]);
    await Promise.all([again.stop(), second.stop()]);
    expect(await ofReferral()).toHaveLength(2);

    // A second referral acknowledged before its deadline: never reminded.
    const acknowledged = randomUUID();
    clock.now = new Date(received.getTime() + 9 * DAY);
    await appendToReport(
      d,
      reportId,
      fakeReferralAccepted(reportId, acknowledged, target, clock.now.toISOString(), {
        acknowledgementDueAt: new Date(received.getTime() + 10 * DAY).toISOString(),
        feedbackDueAt: new Date(received.getTime() + 99 * DAY).toISOString(),
      }),
      {
        type: 'ReferralAcknowledged',
        data: {
          reportId,
          referralId: acknowledged,
          by: 'tgt-1',
          acknowledgedAt: clock.now.toISOString(),
        },
      },
    );
    clock.now = new Date(received.getTime() + 11 * DAY);
    const later = job(d);
    await later.run();
    await later.stop();
    expect((await ofReferral()).map((r) => r.referralId)).toEqual([referralId, referralId]);
  });
});

describe("a referral's feedback reminded to its target channel", () => {
  it('reminds a handed-over target of its own feedback deadline, escalates once across a restart, stops once feedback is given', async () => {
    const file = join(dir, 'referral-feedback.sqlite');
    let d = await desk(file);
    const target = fakeUuid('feedback-target');
    const recipients = (db: Database.Database) => targetRecipients(db, target);
    recipients(d.db);
    const reportId = randomUUID();
    const [referralId, later] = [randomUUID(), randomUUID()];
    const life = fakeReportLife(reportId, channelId, { evidenceId: randomUUID(), blobId: 'b' });
    clock.now = received;
    await command(d, life.submit, { kind: 'whistleblower' });
    await command(d, life.acknowledge);
    const iso = (days: number) => new Date(received.getTime() + days * DAY).toISOString();
    const feedbackDueAt = iso(91);
    const append = (...events: { type: string; data: unknown }[]) =>
      appendToReport(d, reportId, ...events);
    const acknowledgedBy = (id: string, at: string) => ({
      type: 'ReferralAcknowledged',
      data: { reportId, referralId: id, by: 'tgt-1', acknowledgedAt: at },
    });
    // Handed over a day in and acknowledged by the target; a second referral of the same
    // target later, its feedback due after the first's.
    await append(
      handOverProposed(reportId, referralId, target, iso(1)),
      fakeReferralAccepted(reportId, referralId, target, iso(1), {
        acknowledgementDueAt: iso(8),
        feedbackDueAt,
      }),
      acknowledgedBy(referralId, iso(2)),
      fakeReferralAccepted(reportId, later, target, iso(3), {
        acknowledgementDueAt: iso(10),
        feedbackDueAt: iso(99),
      }),
      acknowledgedBy(later, iso(4)),
    );
    const ofFeedback = async () =>
      (await reminders(d, reportId).catch(() => [])).filter(
        (r) => r.deadline === 'referral_feedback',
      );

    // Two and a half days before: nothing; a day and a half before: the reminder, to the
    // target's recipients (the source's feedback deadline is not reminded after a hand-over).
    clock.now = new Date(Date.parse(feedbackDueAt) - 2.5 * DAY);
    const first = job(d);
    await first.run();
    expect(await ofFeedback()).toEqual([]);
    clock.now = new Date(Date.parse(feedbackDueAt) - 1.5 * DAY);
    await first.run();
    await first.run();
    await first.stop();
    expect(await ofFeedback()).toEqual([
      {
        reportId,
        deadline: 'referral_feedback',
        step: 'reminder',
        dueAt: feedbackDueAt,
        audience: 'recipients',
        notify: ['tgt-1', 'tgt-2'],
        referralId,
      },
    ]);
    expect((await reminders(d, reportId)).map((r) => r.deadline)).not.toContain('feedback');

    // A restart, two jobs, the deadline missed: the escalation, each step still once.
    await stop(running.splice(0)[0]!);
    d = await desk(file);
    recipients(d.db);
    clock.now = new Date(Date.parse(feedbackDueAt) + DAY);
    const [again, second] = [job(d), job(d)];
    await Promise.all([again.run(), second.run()]);
    await Promise.all([again.stop(), second.stop()]);
    expect((await ofFeedback()).map((r) => `${r.step}:${r.audience}:${r.notify.join()}`)).toEqual([
      'reminder:recipients:tgt-1,tgt-2',
      'escalation:administrators:adm',
    ]);

    // The target writes to the whistleblower: feedback given, the later referral's deadline
    // (two days on) is never reminded.
    const messageId = randomUUID();
    await append({
      type: 'MessagePosted',
      data: {
        reportId,
        messageId,
        author: 'investigator',
        investigatorId: 'tgt-1',
        envelope: fakeMessageEnvelope(reportId, messageId, 'investigator'),
        postedAt: clock.now.toISOString(),
      },
    });
    clock.now = new Date(received.getTime() + 100 * DAY);
    const after = job(d);
    await after.run();
    await after.stop();
    expect((await ofFeedback()).map((r) => r.referralId)).toEqual([referralId, referralId]);
  });
});
