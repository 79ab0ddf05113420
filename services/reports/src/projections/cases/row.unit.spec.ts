import type { Json, RecordedEvent } from '@integrity-desk/eventstore';
import { describe, expect, it } from 'vitest';
import { fakeSubmissionEnvelope, fakeUuid } from '../../shared/fixtures.ts';
import { reminderStateOf } from '../../reminders/state.ts';
import { caseListWrites } from './projection.ts';
import { CaseIndex } from './case-index.ts';
import {
  evolveCaseRow,
  isCaseRow,
  nextDeadlineOf,
  inboxSeenBy,
  nextDeadlineSeenBy,
  reminderSeenBy,
  type CaseListState,
  type CaseRow,
} from './row.ts';

const reportId = fakeUuid('report');
const channelId = fakeUuid('channel');
let position = 0n;
const recorded = (type: string, data: Record<string, unknown>, stream = `report-${reportId}`) =>
  ({
    id: fakeUuid(`e${position}`),
    type,
    streamId: stream,
    revision: position,
    position: ++position,
    data: { reportId, ...data } as Json,
    metadata: {},
    created: 0,
  }) satisfies RecordedEvent;

const given = (...events: RecordedEvent[]) =>
  events.reduce<CaseListState | undefined>(evolveCaseRow, undefined);

const submitted = () =>
  recorded('ReportSubmitted', {
    channelId,
    receivedAt: '2026-03-01T10:00:00.000Z',
    acknowledgementDueAt: '2026-03-08T10:00:00.000Z',
    envelope: fakeSubmissionEnvelope(reportId, channelId),
  });
const acknowledged = () =>
  recorded('ReportAcknowledged', {
    by: 'i1',
    acknowledgedAt: '2026-03-02T00:00:00.000Z',
    feedbackDueAt: '2026-06-01T00:00:00.000Z',
  });
/** A referral to `target`, accepted 03-05: its acknowledgement due 03-12, feedback 06-05. */
const referredTo = (target: string, referralId: string, handOver: boolean) => [
  recorded('ReferralProposed', { referralId, toChannelId: target, handOver }),
  recorded('ReferralAccepted', {
    referralId,
    toChannelId: target,
    acceptedAt: '2026-03-05T10:00:00.000Z',
    acknowledgementDueAt: '2026-03-12T10:00:00.000Z',
    feedbackDueAt: '2026-06-05T10:00:00.000Z',
  }),
];
const message = (author: 'whistleblower' | 'investigator', postedAt: string) =>
  recorded('MessagePosted', {
    messageId: fakeUuid(postedAt),
    author,
    ...(author === 'investigator' && { investigatorId: 'i1' }),
    envelope: {},
    postedAt,
  });

describe('case list rows (given events, then the row)', () => {
  it('a submission is a row with one whistleblower write, due for acknowledgement', () => {
    const row = given(submitted());
    expect(row).toMatchObject({
      reportId,
      channelId,
      status: 'submitted',
      whistleblowerWrites: 1,
      lastWhistleblowerAt: '2026-03-01T10:00:00.000Z',
      labels: [],
      position: Number(position),
    });
    expect(isCaseRow(row) && nextDeadlineOf(row)).toBe('2026-03-08T10:00:00.000Z');
  });

  it('counts whistleblower messages only, and the next deadline moves to feedback, then none', () => {
    const row = given(
      submitted(),
      acknowledged(),
      message('whistleblower', '2026-03-03T00:00:00.000Z'),
      message('investigator', '2026-03-04T00:00:00.000Z'),
    );
    expect(row).toMatchObject({
      whistleblowerWrites: 2,
      lastWhistleblowerAt: '2026-03-03T00:00:00.000Z',
      feedbackGivenAt: '2026-03-04T00:00:00.000Z',
    });
    expect(isCaseRow(row) && nextDeadlineOf(row)).toBeNull();
    const unanswered = given(submitted(), acknowledged());
    expect(isCaseRow(unanswered) && nextDeadlineOf(unanswered)).toBe('2026-06-01T00:00:00.000Z');
  });

  it("folds the reminders recorded for it; the badge is the open deadline's, gone once met", () => {
    const remind = (deadline: string, step: string, dueAt: string) =>
      recorded(
        'DeadlineReminderDue',
        { deadline, step, dueAt, audience: 'recipients', notify: ['i1'] },
        `reminders-${reportId}`,
      );
    const ackDue = '2026-03-08T10:00:00.000Z';
    const submission = submitted();
    const reminded = given(submission, remind('acknowledgement', 'reminder', ackDue));
    expect(reminded).toMatchObject({
      reminders: [{ deadline: 'acknowledgement', step: 'reminder', dueAt: ackDue }],
      // The report's revision (an ETag) does not move with another stream's event.
      revision: Number(submission.revision),
      position: Number(position),
    });
    expect(isCaseRow(reminded) && reminderStateOf(reminded)).toBe('due');
    const escalated = given(
      submitted(),
      remind('acknowledgement', 'reminder', ackDue),
      remind('acknowledgement', 'escalation', ackDue),
      remind('acknowledgement', 'escalation', ackDue),
    );
    expect(isCaseRow(escalated) && escalated.reminders).toHaveLength(2);
    expect(given(submitted())).not.toHaveProperty('reminders');
    expect(isCaseRow(escalated) && reminderStateOf(escalated)).toBe('overdue');
    // Met: acknowledged. A reminder for another due date than the open one shows nothing.
    const met = given(
      submitted(),
      remind('acknowledgement', 'escalation', ackDue),
      acknowledged(),
      remind('feedback', 'reminder', '2026-05-01T00:00:00.000Z'),
    );
    expect(isCaseRow(met) && reminderStateOf(met)).toBeNull();
    // Before the report: no row.
    expect(given(remind('acknowledgement', 'reminder', ackDue))).toBeUndefined();
  });

  it("shows a referral's target the reminder of its own acknowledgement, until it acknowledges", () => {
    const [target, referralId] = [fakeUuid('target'), fakeUuid('referral')];
    const ackDueAt = '2026-03-12T10:00:00.000Z';
    const remind = (step: string, extra: Record<string, unknown> = { referralId }) =>
      recorded(
        'DeadlineReminderDue',
        {
          deadline: 'referral_acknowledgement',
          step,
          dueAt: ackDueAt,
          audience: 'recipients',
          notify: ['t1'],
          ...extra,
        },
        `reminders-${reportId}`,
      );
    const referred = [
      submitted(),
      acknowledged(),
      recorded('ReferralProposed', { referralId, toChannelId: target, handOver: false }),
      recorded('ReferralAccepted', {
        referralId,
        toChannelId: target,
        acceptedAt: '2026-03-05T10:00:00.000Z',
        acknowledgementDueAt: ackDueAt,
        feedbackDueAt: '2026-06-05T10:00:00.000Z',
      }),
    ];
    const reminded = given(...referred, remind('reminder'));
    if (!isCaseRow(reminded)) throw new Error('no row');
    expect(reminded.referralDeadlines).toEqual([
      {
        referralId,
        toChannelId: target,
        ackDueAt,
        feedbackDueAt: '2026-06-05T10:00:00.000Z',
        acknowledgedAt: null,
      },
    ]);
    // The target sees its referral's badge; the source (it kept the case) its own: none.
    expect(reminderSeenBy(reminded, [target])).toBe('due');
    expect(reminderSeenBy(reminded, [channelId])).toBeNull();
    expect(reminderStateOf(reminded)).toBeNull();
    const escalated = given(...referred, remind('reminder'), remind('escalation')) as CaseRow;
    expect(reminderSeenBy(escalated, [target])).toBe('overdue');
    // Another referral's reminder is not this one's.
    const other = given(...referred, remind('escalation', { referralId: fakeUuid('x') }));
    expect(reminderSeenBy(other as CaseRow, [target])).toBeNull();

    // The list, its reminder filter and the work counts ask as the caller sees it.
    const index = new CaseIndex();
    index.apply([escalated]);
    const ctx = (channelIds: string[]) => ({ channelIds, investigatorId: 'i1', now: new Date() });
    const sort = { key: 'received', direction: 'asc' } as const;
    const page = (channelIds: string[], reminder?: 'due' | 'overdue') =>
      index.query(
        { filter: { ...(reminder && { reminder }) }, sort, limit: 10, offset: 0 },
        ctx(channelIds),
      );
    expect(page([target]).items.map((i) => [i.referredFrom, i.reminder])).toEqual([
      [channelId, 'overdue'],
    ]);
    expect(page([target], 'overdue').total).toBe(1);
    expect(page([channelId], 'overdue').total).toBe(0);
    expect(index.work(ctx([target])).overdue).toBe(1);
    expect(index.work(ctx([channelId])).overdue).toBe(0);

    // Acknowledged by the target: the badge goes.
    const done = given(
      ...referred,
      remind('reminder'),
      remind('escalation'),
      recorded('ReferralAcknowledged', {
        referralId,
        by: 't1',
        acknowledgedAt: '2026-03-13T00:00:00.000Z',
      }),
    ) as CaseRow;
    expect(done.referralDeadlines?.[0]?.acknowledgedAt).toBe('2026-03-13T00:00:00.000Z');
    expect(reminderSeenBy(done, [target])).toBeNull();
  });

  it("after a hand-over the target sees the report's acknowledgement still owed: its reminder, its inbox, its next deadline", () => {
    const [target, referralId] = [fakeUuid('target'), fakeUuid('handed')];
    const handed = [
      submitted(),
      ...referredTo(target, referralId, true),
      recorded('ReferralAcknowledged', {
        referralId,
        by: 't1',
        acknowledgedAt: '2026-03-06T00:00:00.000Z',
      }),
    ];
    const reportReminder = recorded(
      'DeadlineReminderDue',
      {
        deadline: 'acknowledgement',
        step: 'escalation',
        dueAt: '2026-03-08T10:00:00.000Z',
        audience: 'administrators',
        notify: ['adm'],
      },
      `reminders-${reportId}`,
    );
    const row = given(...handed, reportReminder) as CaseRow;
    expect(reminderSeenBy(row, [target])).toBe('overdue');
    expect(inboxSeenBy(row, [target])).toBe(true);
    expect(nextDeadlineSeenBy(row, [target])).toBe('2026-03-08T10:00:00.000Z');
    // Once the target acknowledged the report too, only its referral's feedback is left.
    const done = given(...handed, reportReminder, acknowledged()) as CaseRow;
    expect(reminderSeenBy(done, [target])).toBeNull();
    expect(inboxSeenBy(done, [target])).toBe(false);
    expect(nextDeadlineSeenBy(done, [target])).toBe('2026-06-05T10:00:00.000Z');
  });

  it("gives the target its referral's deadlines in the list, sorted by them among its own cases", () => {
    const [target, referralId] = [fakeUuid('target'), fakeUuid('referral-2')];
    const ownId = fakeUuid('targets-own');
    // The target's own report: acknowledgement due 03-10.
    const own = given(
      recorded(
        'ReportSubmitted',
        {
          reportId: ownId,
          channelId: target,
          receivedAt: '2026-03-03T10:00:00.000Z',
          acknowledgementDueAt: '2026-03-10T10:00:00.000Z',
          envelope: fakeSubmissionEnvelope(ownId, target),
        },
        `report-${ownId}`,
      ),
    ) as CaseRow;
    // Referred to it, kept by the source: the report's own acknowledgement is due 03-08, the
    // target's 03-12.
    const referral = [submitted(), ...referredTo(target, referralId, false)];
    const referred = given(...referral) as CaseRow;
    expect(nextDeadlineSeenBy(referred, [target])).toBe('2026-03-12T10:00:00.000Z');
    expect(nextDeadlineSeenBy(referred, [channelId])).toBe('2026-03-08T10:00:00.000Z');
    expect(nextDeadlineSeenBy(referred, [channelId, target])).toBe('2026-03-08T10:00:00.000Z');

    const index = new CaseIndex();
    index.apply([own, referred]);
    const ctx = (channelIds: string[]) => ({ channelIds, investigatorId: 'i1', now: new Date() });
    const listed = (channelIds: string[], direction: 'asc' | 'desc', offset = 0, limit = 10) =>
      index
        .query(
          { filter: {}, sort: { key: 'nextDeadline', direction }, limit, offset },
          ctx(channelIds),
        )
        .items.map((i) => [i.reportId, i.nextDeadline]);
    expect(listed([target], 'asc')).toEqual([
      [ownId, '2026-03-10T10:00:00.000Z'],
      [reportId, '2026-03-12T10:00:00.000Z'],
    ]);
    expect(listed([target], 'desc')).toEqual([
      [reportId, '2026-03-12T10:00:00.000Z'],
      [ownId, '2026-03-10T10:00:00.000Z'],
    ]);
    expect(listed([target], 'asc', 1, 1)).toEqual([[reportId, '2026-03-12T10:00:00.000Z']]);
    expect(listed([channelId], 'asc')).toEqual([[reportId, '2026-03-08T10:00:00.000Z']]);

    // Acknowledged by the target: its feedback deadline; met by a reply: none, sorted last.
    const acked = recorded('ReferralAcknowledged', {
      referralId,
      by: 't1',
      acknowledgedAt: '2026-03-06T00:00:00.000Z',
    });
    const replied = message('investigator', '2026-03-07T00:00:00.000Z');
    index.apply([given(...referral, acked) as CaseRow]);
    expect(listed([target], 'asc')).toEqual([
      [ownId, '2026-03-10T10:00:00.000Z'],
      [reportId, '2026-06-05T10:00:00.000Z'],
    ]);
    index.apply([given(...referral, acked, replied) as CaseRow]);
    expect(listed([target], 'desc')).toEqual([
      [reportId, null],
      [ownId, '2026-03-10T10:00:00.000Z'],
    ]);
  });

  it('a purge leaves a marker without data at its position, and nothing brings the row back', () => {
    const purged = given(
      submitted(),
      recorded('ReportPurged', { by: 'i1', purgedAt: '2026-04-01T00:00:00.000Z' }),
    );
    const at = Number(position);
    expect(purged).toEqual({ reportId, purged: true, position: at });
    expect(evolveCaseRow(purged, acknowledged())).toBe(purged);
    const [write] = caseListWrites([{ key: reportId, before: undefined, after: purged }]);
    expect(write?.params).toEqual([reportId, null, at, null]);
  });

  it('events before a submission make no row', () => {
    expect(given(acknowledged())).toBeUndefined();
  });
});
