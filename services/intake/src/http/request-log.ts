import { observeAnswers, type RequestObserver } from '@integrity-desk/http';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';

/**
 * What the intake logs: method, route template, status and duration. Nothing else, ever: no IP,
 * no user agent, no referrer, no URL with its ids, no body, no error message. Lines are built
 * from those four fields explicitly, and the redaction below is a second fence in case someone
 * logs a request object later.
 */
export const redactedPaths = [
  'req',
  'res',
  'headers',
  'body',
  'ip',
  'ips',
  'url',
  'userAgent',
  'referer',
  'referrer',
  'err.message',
  'err.stack',
  '*.headers',
  '*.body',
  '*.ip',
  '*.url',
];

const HOUR = 3_600_000;
const hourOf = (ms: number) => new Date(ms - (ms % HOUR)).toISOString();

/**
 * `level` is the lowest level written: `info` (the default) writes every request line, which is
 * what production writes and what the canary tests read; a quieter level drops them.
 */
export function createIntakeLogger(
  destination?: pino.DestinationStream,
  level: pino.LevelWithSilent = 'info',
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: null,
    redact: { paths: redactedPaths, remove: true },
    // Log lines are dated to the hour only. Exact times of `POST /reports 201` lines, in the
    // order of the events in the store, would give each report's arrival to the second, which
    // the store itself deliberately does not keep (receivedAt is rounded to the hour).
    timestamp: () => `,"time":"${hourOf(Date.now())}"`,
    messageKey: 'msg',
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Counts of what happened to requests, written once an hour and never when a request is
 * answered. A line written at request time is stamped by whatever collects the output (docker's
 * json-file driver stamps each line to the nanosecond): with the order of the store's events that
 * would date each submission and return exactly. So each (method, route template, status) and
 * each failure (problem, error class) is a counter, written as one line with its count and the
 * longest duration when `flush` runs (hourly, from the app's timers), then reset. A stop drops
 * the counts of the hour in progress rather than write them at a finer time.
 */
export interface RequestCounters {
  /** One more of these `fields` under `msg` (at `level`), written at the next flush. */
  count(
    level: 'info' | 'error',
    msg: string,
    fields: Record<string, string | number>,
    ms?: number,
  ): void;
  /** Writes every counter as one line and starts from zero. */
  flush(): void;
}

/**
 * Distinct counters at most: methods, route templates, statuses and error classes are bounded
 * sets, but a bug must not turn this into a memory leak.
 */
const MAX_COUNTERS = 1_000;

export function createRequestCounters(logger: Logger): RequestCounters {
  const counters = new Map<
    string,
    {
      level: 'info' | 'error';
      msg: string;
      fields: Record<string, string | number>;
      n: number;
      ms: number;
    }
  >();
  return {
    count(level, msg, fields, ms) {
      let key = JSON.stringify([level, msg, fields]);
      if (!counters.has(key) && counters.size >= MAX_COUNTERS) {
        key = JSON.stringify([level, msg, 'other']);
        fields = { other: 'counters full' };
      }
      const c = counters.get(key) ?? { level, msg, fields, n: 0, ms: 0 };
      c.n++;
      if (ms !== undefined) c.ms = Math.max(c.ms, ms);
      counters.set(key, c);
    },
    flush() {
      for (const c of counters.values())
        logger[c.level](
          { ...c.fields, count: c.n, ...(c.msg === 'requests' && { ms: c.ms }) },
          c.msg,
        );
      counters.clear();
    },
  };
}

/** Counts each answered request by method, route template and status (no line at the time). */
export function requestLog(counters: RequestCounters, also?: RequestObserver): RequestHandler {
  return observeAnswers((answered) => {
    const { method, route, status, ms } = answered;
    counters.count('info', 'requests', { method, route, status }, ms);
    also?.(answered);
  });
}
