import { describe, expect, it } from 'vitest';
import {
  dueReferralReminders,
  dueReminders,
  type DeadlineRow,
  type ReferralDeadlineRow,
} from './decide.ts';
import { reminderEventId } from './events.ts';

const DAY = 86_400_000;
const row = (over: Partial<DeadlineRow> = {}): DeadlineRow => ({
  reportId: 'r1',
  channelIds: ['c1'],
  ackDueAt: '2026-01-08T09:00:00.000Z',
  acknowledgedAt: null,
  feedbackDueAt: null,
  feedbackGivenAt: null,
  assignees: [],
  ...over,
});
const people = { recipientsOf: (c: string) => [`${c}-bob`, `${c}-ann`], administrators: ['adm'] };
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs);
const steps = (rows: DeadlineRow[], now: Date, lead?: number) =>
  dueReminders(rows, people, now, lead).map((r) => `${r.deadline}/${r.step}/${r.audience}`);

describe('deadline reminders, decided', () => {
  it('says nothing until the lead time before a deadline', () => {
    expect(steps([row()], at(row().ackDueAt, -2 * DAY - 1))).toEqual([]);
  });

  it("reminds the channel's recipients when nobody is assigned, from two days before", () => {
    const due = dueReminders([row()], people, at(row().ackDueAt, -2 * DAY));
    expect(due).toEqual([
      {
        reportId: 'r1',
        deadline: 'acknowledgement',
        step: 'reminder',
        dueAt: row().ackDueAt,
        audience: 'recipients',
        notify: ['c1-ann', 'c1-bob'],
      },
    ]);
  });

  it('reminds the assignees when there are some, with a lead the channel configures', () => {
    const due = dueReminders(
      [row({ assignees: ['c1-bob', 'c1-ann'] })],
      people,
      at(row().ackDueAt, -DAY),
      DAY,
    );
    expect(due.map((r) => [r.audience, r.notify])).toEqual([['assignees', ['c1-ann', 'c1-bob']]]);
    expect(steps([row()], at(row().ackDueAt, -DAY - 1), DAY)).toEqual([]);
  });

  it('escalates to the administrators once the deadline has passed (the reminder still due)', () => {
    expect(steps([row()], at(row().ackDueAt))).toEqual([
      'acknowledgement/reminder/recipients',
      'acknowledgement/escalation/administrators',
    ]);
  });

  it('forgets a deadline once met: acknowledged, then feedback given', () => {
    const acked = row({
      acknowledgedAt: '2026-01-02T00:00:00.000Z',
      feedbackDueAt: '2026-04-02T00:00:00.000Z',
    });
    expect(steps([acked], at('2026-03-31T00:00:00.000Z'))).toEqual([
      'feedback/reminder/recipients',
    ]);
    expect(steps([acked], at('2026-04-02T00:00:00.000Z'))).toEqual([
      'feedback/reminder/recipients',
      'feedback/escalation/administrators',
    ]);
    const answered = { ...acked, feedbackGivenAt: '2026-03-01T00:00:00.000Z' };
    expect(steps([answered], at('2026-05-01T00:00:00.000Z'))).toEqual([]);
  });

  it("after a hand-over reminds the target of the report's acknowledgement still owed, never of the source's feedback deadline", () => {
    // The target works the case with its own feedback deadline, its referral's (Protocol step 11).
    const handed = row({ channelIds: ['c2'], handedOver: true });
    expect(dueReminders([handed], people, at(handed.ackDueAt))[0]?.notify).toEqual([
      'c2-ann',
      'c2-bob',
    ]);
    const acked = row({
      channelIds: ['c2'],
      handedOver: true,
      acknowledgedAt: '2026-01-02T00:00:00.000Z',
      feedbackDueAt: '2026-04-02T00:00:00.000Z',
    });
    expect(steps([acked], at('2026-04-02T00:00:00.000Z'))).toEqual([]);
  });

  it('derives one event id per report, deadline and step', () => {
    const ids = new Set([
      reminderEventId('r1', 'acknowledgement', 'reminder'),
      reminderEventId('r1', 'acknowledgement', 'escalation'),
      reminderEventId('r1', 'feedback', 'reminder'),
      reminderEventId('r2', 'acknowledgement', 'reminder'),
    ]);
    expect(ids.size).toBe(4);
    expect(reminderEventId('r1', 'feedback', 'reminder')).toBe(
      reminderEventId('r1', 'feedback', 'reminder'),
    );
    expect(reminderEventId('r1', 'feedback', 'reminder')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});

describe("a referral's acknowledgement by its target channel, decided", () => {
  const referral = (over: Partial<ReferralDeadlineRow> = {}): ReferralDeadlineRow => ({
    reportId: 'r1',
    referralId: 'f1',
    toChannelId: 'c2',
    ackDueAt: '2026-01-08T09:00:00.000Z',
    assignees: [],
    ...over,
  });
  const due = (rows: ReferralDeadlineRow[], now: Date) =>
    dueReferralReminders(rows, people, now).map(
      (r) => `${r.deadline}/${r.referralId}/${r.step}/${r.audience}:${r.notify.join()}`,
    );

  it("reminds the target channel's recipients, then escalates to the administrators", () => {
    expect(due([referral()], at(referral().ackDueAt, -2 * DAY - 1))).toEqual([]);
    expect(due([referral()], at(referral().ackDueAt, -2 * DAY))).toEqual([
      'referral_acknowledgement/f1/reminder/recipients:c2-ann,c2-bob',
    ]);
    expect(due([referral()], at(referral().ackDueAt))).toEqual([
      'referral_acknowledgement/f1/reminder/recipients:c2-ann,c2-bob',
      'referral_acknowledgement/f1/escalation/administrators:adm',
    ]);
  });

  it("tells the target's assignees, never a source investigator who can no longer open it", () => {
    const row = referral({ assignees: ['c1-bob', 'c2-bob'] });
    expect(due([row], at(row.ackDueAt, -DAY))).toEqual([
      'referral_acknowledgement/f1/reminder/assignees:c2-bob',
    ]);
    const sourceOnly = referral({ assignees: ['c1-bob'] });
    expect(due([sourceOnly], at(row.ackDueAt, -DAY))).toEqual([
      'referral_acknowledgement/f1/reminder/recipients:c2-ann,c2-bob',
    ]);
  });

  it('reminds the target of its own feedback deadline, escalates once missed, stops once given', () => {
    // Kept access or handed over alike: the target owns its referral's feedback deadline.
    const acked = referral({
      acknowledgedAt: '2026-01-03T00:00:00.000Z',
      feedbackDueAt: '2026-04-05T09:00:00.000Z',
      feedbackGivenAt: null,
    });
    expect(due([acked], at(acked.feedbackDueAt!, -2 * DAY - 1))).toEqual([]);
    expect(due([acked], at(acked.feedbackDueAt!, -2 * DAY))).toEqual([
      'referral_feedback/f1/reminder/recipients:c2-ann,c2-bob',
    ]);
    expect(due([acked], at(acked.feedbackDueAt!))).toEqual([
      'referral_feedback/f1/reminder/recipients:c2-ann,c2-bob',
      'referral_feedback/f1/escalation/administrators:adm',
    ]);
    const assigned = { ...acked, assignees: ['c1-bob', 'c2-ann'] };
    expect(due([assigned], at(acked.feedbackDueAt!, -DAY))).toEqual([
      'referral_feedback/f1/reminder/assignees:c2-ann',
    ]);
    const given = { ...acked, feedbackGivenAt: '2026-02-01T00:00:00.000Z' };
    expect(due([given], at('2026-06-01T00:00:00.000Z'))).toEqual([]);
    // Never acknowledged by then: both of the target's deadlines are missed.
    const never = referral({ feedbackDueAt: '2026-04-05T09:00:00.000Z' });
    expect(due([never], at('2026-04-06T00:00:00.000Z')).map((d) => d.split('/')[0])).toEqual([
      'referral_acknowledgement',
      'referral_acknowledgement',
      'referral_feedback',
      'referral_feedback',
    ]);
    expect(reminderEventId('r1', 'referral_feedback', 'reminder', 'f1')).not.toBe(
      reminderEventId('r1', 'referral_acknowledgement', 'reminder', 'f1'),
    );
  });

  it('derives one event id per referral and step, the report’s own ids unchanged', () => {
    const own = reminderEventId('r1', 'acknowledgement', 'reminder');
    expect(reminderEventId('r1', 'acknowledgement', 'reminder', undefined)).toBe(own);
    const ids = new Set([
      own,
      reminderEventId('r1', 'referral_acknowledgement', 'reminder', 'f1'),
      reminderEventId('r1', 'referral_acknowledgement', 'escalation', 'f1'),
      reminderEventId('r1', 'referral_acknowledgement', 'reminder', 'f2'),
    ]);
    expect(ids.size).toBe(4);
  });
});
