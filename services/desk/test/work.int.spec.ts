/**
 * The desk's work indicator and reminder badges (issue 14): GET /api/cases/work counts the
 * caller's new reports, reminders and escalations recorded, and lists the cases whose
 * whistleblower wrote last (for the browser's unread markers), of the caller's channels only;
 * the case list filters by reminder state, and the queues and the case carry the badge. The
 * reminders are DeadlineReminderDue events as the reminder job appends them.
 */
import {
  reminderEventId,
  remindersStream,
  type DeadlineKind,
  type ReminderStep,
} from '@integrity-desk/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, submitReport, whistleblowerReply, world, type World } from './harness.ts';

let w: World;
beforeAll(async () => {
  w = await world();
}, 60_000);
afterAll(() => w?.desk.close());

const get = (path: string, cookie = w.alice.cookie) => w.desk.call('GET', path, { cookie });

/** What the reminder job appends for this report's deadline and step. */
async function remind(reportId: string, deadline: DeadlineKind, step: ReminderStep) {
  const file = await get(`/api/reports/${reportId}`);
  const dueAt = (
    deadline === 'acknowledgement' ? file.body['acknowledgementDueAt'] : file.body['feedbackDueAt']
  ) as string;
  await w.desk.store.append(
    remindersStream(reportId),
    [
      {
        id: reminderEventId(reportId, deadline, step),
        type: 'DeadlineReminderDue',
        data: {
          reportId,
          deadline,
          step,
          dueAt,
          audience: step === 'reminder' ? 'recipients' : 'administrators',
          notify: [w.alice.investigatorId],
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  await w.desk.settle();
}

describe('work indicator and reminder badges', () => {
  it('counts new reports, reminders and escalations, and lists replies, for recipients only', async () => {
    const [quiet, near, missed] = [
      await submitReport(w),
      await submitReport(w),
      await submitReport(w),
    ];
    await remind(near, 'acknowledgement', 'reminder');
    await remind(missed, 'acknowledgement', 'reminder');
    await remind(missed, 'acknowledgement', 'escalation');
    await whistleblowerReply(w, quiet);

    const work = await get('/api/cases/work');
    expect(work.status).toBe(200);
    expect(work.body).toMatchObject({
      newReports: 3,
      due: 1,
      overdue: 1,
      replies: [{ reportId: quiet, whistleblowerWrites: 2 }],
    });
    // Mallory receives no channel: nothing at all.
    expect((await get('/api/cases/work', w.mallory.cookie)).body).toMatchObject({
      newReports: 0,
      due: 0,
      overdue: 0,
      replies: [],
    });

    // The badge in the list (and its filter), the queue and the case.
    const listed = async (query: string) =>
      (
        (await get(`/api/cases?${query}`)).body['items'] as { reportId: string; reminder: string }[]
      ).map((i) => [i.reportId, i.reminder]);
    expect(await listed('reminder=overdue')).toEqual([[missed, 'overdue']]);
    expect(await listed('reminder=due')).toEqual([[near, 'due']]);
    const inbox = (await get('/api/queues/inbox')).body['items'] as {
      reportId: string;
      reminder: string | null;
    }[];
    expect(Object.fromEntries(inbox.map((i) => [i.reportId, i.reminder]))).toEqual({
      [quiet]: null,
      [near]: 'due',
      [missed]: 'overdue',
    });
    expect((await get(`/api/reports/${missed}`)).body['reminder']).toBe('overdue');

    // Acknowledged: that deadline is met, its badge goes; the feedback deadline has none yet.
    const etag = (await get(`/api/reports/${missed}`)).headers.get('etag')!;
    const ack = await w.desk.call('POST', `/api/reports/${missed}/acknowledge`, {
      cookie: w.alice.cookie,
      ifMatch: etag,
      body: {},
    });
    expect(ack.status).toBe(200);
    await w.desk.settle();
    expect((await get(`/api/reports/${missed}`)).body['reminder']).toBeUndefined();
    expect((await get('/api/cases/work')).body).toMatchObject({
      newReports: 2,
      due: 1,
      overdue: 0,
    });
    await remind(missed, 'feedback', 'reminder');
    expect((await get(`/api/reports/${missed}`)).body['reminder']).toBe('due');
  });

  it('refuses bad input with a problem and answers nobody signed out', async () => {
    expectProblem(await get('/api/cases/work?extra=1'), 400);
    expectProblem(await get('/api/cases?reminder=soon'), 400);
    expectProblem(await w.desk.call('GET', '/api/cases/work'), 401);
  });
});
