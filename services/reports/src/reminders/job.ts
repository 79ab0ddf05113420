import { StreamDeletedError, type EventStore } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import { startPeriodic, systemTimers, type Timers } from '../shared/timers.ts';
import { DEFAULT_REMINDER_LEAD_MS, dueReferralReminders, dueReminders } from './decide.ts';
import { reminderEventId, reminderEventSchema, remindersStream } from './events.ts';
import { readDeadlineRows, readReferralDeadlineRows, readReminderPeople } from './rows.ts';

export interface ReminderJob {
  /** One run now (or joins the one running): how many reminders were due. Never throws. */
  run(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The deadline reminder job: at start and every `intervalMs`, reads the open deadlines off the
 * queue projection (and the referrals still to acknowledge off the referrals projection), decides which reminders and escalations are due (./decide.ts) and appends
 * each as `DeadlineReminderDue` with its derived id. Appending one that is there already is a
 * no-op, so any number of desk processes and restarts record each reminder once. A report purged
 * meanwhile (its reminder stream tombstoned) is skipped; other failures go to `onError` (and the
 * next run tries again).
 */
export function startReminderJob(options: {
  readonly store: EventStore;
  readonly readModels: Database.Database;
  readonly clock: { now(): Date };
  readonly intervalMs: number;
  /** How long before a deadline its reminder is due (default two days). */
  readonly leadMs?: number;
  readonly timers?: Timers;
  readonly onError: (error: unknown) => void;
}): ReminderJob {
  const leadMs = options.leadMs ?? DEFAULT_REMINDER_LEAD_MS;

  async function once(stopping: () => boolean): Promise<number> {
    const now = options.clock.now();
    const horizon = new Date(now.getTime() + leadMs).toISOString();
    const people = readReminderPeople(options.readModels);
    const due = [
      ...dueReminders(readDeadlineRows(options.readModels, horizon), people, now, leadMs),
      ...dueReferralReminders(
        readReferralDeadlineRows(options.readModels, horizon),
        people,
        now,
        leadMs,
      ),
    ];
    for (const reminder of due) {
      if (stopping()) break;
      const event = { type: 'DeadlineReminderDue' as const, data: reminder };
      reminderEventSchema.parse(event); // validated on write, as every event
      const { reportId, deadline, step, referralId } = reminder;
      const id = reminderEventId(reportId, deadline, step, referralId);
      try {
        await options.store.append(
          remindersStream(reminder.reportId),
          [{ id, type: event.type, data: event.data }],
          { expectedRevision: 'any' },
        );
      } catch (error) {
        if (!(error instanceof StreamDeletedError)) options.onError(error);
      }
    }
    return due.length;
  }

  return startPeriodic(
    (stopping) =>
      once(stopping).catch((error: unknown) => {
        options.onError(error);
        return 0;
      }),
    { intervalMs: options.intervalMs, timers: options.timers ?? systemTimers, idle: 0 },
  );
}

/**
 * One run of the job at `now`, then stopped, any failure thrown: for tests and one-off tools
 * that step a clock of their own over a desk's log and read models.
 */
export async function runRemindersOnce(options: {
  readonly store: EventStore;
  readonly readModels: Database.Database;
  readonly now: Date;
  readonly leadMs?: number;
}): Promise<number> {
  let failure: unknown;
  const job = startReminderJob({
    store: options.store,
    readModels: options.readModels,
    clock: { now: () => options.now },
    intervalMs: 3_600_000,
    ...(options.leadMs !== undefined && { leadMs: options.leadMs }),
    timers: { every: () => ({ stop: () => undefined }) },
    onError: (error) => (failure ??= error),
  });
  const due = await job.run();
  await job.stop();
  if (failure !== undefined) throw failure;
  return due;
}
