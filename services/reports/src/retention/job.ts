import type Database from 'better-sqlite3';
import { listClosedBefore, listPendingPurges } from '../projections/retention/projection.ts';
import { ReportDomainError } from '../report/errors.ts';
import { WrongExpectedVersionError } from '@integrity-desk/eventstore';
import type { ReportPurger } from './purger.ts';
import { startPeriodic, systemTimers, type Timers } from '../shared/timers.ts';

const DAY = 24 * 60 * 60_000;

/** The retention rule, pure: reports closed before this instant are due for purging. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY).toISOString();
}

export interface RetentionRun {
  /** Purges that a crash (or an I/O failure) had left half done, finished now. */
  readonly finished: number;
  /** Closed reports past the retention period, purged now. */
  readonly purged: number;
}

export interface RetentionJob {
  /** One run now (or joins the one running). Never throws: failures go to `onError`. */
  run(): Promise<RetentionRun>;
  stop(): Promise<void>;
}

/**
 * The retention job (EU Directive 2019/1937 Art. 18): at start and every `intervalMs`, first
 * finishes every purge left pending, then, when `retentionDays` is set, purges each report closed
 * longer ago than that, acting as 'system'. The cutoff is checked again by the decider on the
 * report stream (`closedBefore`), so a report reopened since the queue row was read is kept.
 * A report that fails is logged by error class and tried again at the next run.
 */
export function startRetentionJob(options: {
  readonly purger: ReportPurger;
  readonly readModels: Database.Database;
  readonly clock: { now(): Date };
  /** Days after closing; undefined: no automatic purge (pending purges are still finished). */
  readonly retentionDays: number | undefined;
  readonly intervalMs: number;
  readonly timers?: Timers;
  /** Reports per run, so one run never holds the process for long. */
  readonly batchLimit?: number;
  readonly onRun?: (run: RetentionRun) => void;
  readonly onError: (error: unknown) => void;
}): RetentionJob {
  const limit = options.batchLimit ?? 500;

  async function once(stopping: () => boolean): Promise<RetentionRun> {
    let finished = 0;
    for (const pending of listPendingPurges(options.readModels, limit)) {
      try {
        await options.purger.finish(pending);
        finished += 1;
      } catch (error) {
        options.onError(error);
      }
    }
    let purged = 0;
    if (options.retentionDays !== undefined && !stopping()) {
      const closedBefore = retentionCutoff(options.clock.now(), options.retentionDays);
      for (const reportId of listClosedBefore(options.readModels, closedBefore, limit)) {
        if (stopping()) break;
        try {
          const outcome = await options.purger.purge(
            reportId,
            { kind: 'system' },
            { closedBefore, onError: options.onError },
          );
          if (outcome === 'erased') purged += 1;
        } catch (error) {
          // Reopened, closed again, purged by someone else meanwhile: expected, not a fault.
          if (!(error instanceof ReportDomainError || error instanceof WrongExpectedVersionError))
            options.onError(error);
        }
      }
    }
    return { finished, purged };
  }

  const none: RetentionRun = { finished: 0, purged: 0 };
  return startPeriodic(
    (stopping) =>
      once(stopping).then(
        (result) => {
          if (result.finished > 0 || result.purged > 0) options.onRun?.(result);
          return result;
        },
        (error: unknown) => {
          options.onError(error);
          return none;
        },
      ),
    { intervalMs: options.intervalMs, timers: options.timers ?? systemTimers, idle: none },
  );
}
