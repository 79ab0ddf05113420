import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { RateLimitConfig } from '../config.ts';
import { sendProblem } from './problem.ts';

/**
 * A global count per fixed window, taken only by requests that already paid (their proof of work
 * passed): a request refused before that counts towards nothing, so nobody closes a limit for
 * others without paying for every unit of it. Keyed globally, never per IP (behind Tor an IP says
 * nothing, and keeping one is what this service must not do), nor per locator (anyone who knows a
 * locator could use up its owner's allowance).
 */
export function createWindowCounter(limit: number, windowMs: number, now: () => number) {
  let windowStart = -Infinity;
  let count = 0;
  return {
    /** Counts one; false (and nothing counted) once this window's allowance is used. */
    take(): boolean {
      const at = now();
      if (at - windowStart >= windowMs) {
        windowStart = at;
        count = 0;
      }
      if (count >= limit) return false;
      count++;
      return true;
    },
  };
}

export type WindowCounter = ReturnType<typeof createWindowCounter>;

export function createRateLimits(config: RateLimitConfig, now: () => number) {
  const w = config.windowMs;
  return {
    submit: createWindowCounter(config.submitPerWindow, w, now),
    session: createWindowCounter(config.sessionGlobalPerWindow, w, now),
    /**
     * Needs the session: keyed by the report the session belongs to (whoever holds the receipt).
     * Counters live in express-rate-limit's MemoryStore and hold only report ids.
     */
    perReport: rateLimit({
      windowMs: w,
      limit: config.writesPerReportPerWindow,
      keyGenerator: (req: Request) =>
        `report:${(req as Request & { reportId?: string }).reportId ?? ''}`,
      // No RateLimit headers: they would say how busy a report is.
      standardHeaders: false,
      legacyHeaders: false,
      // The IP validations expect IP keys; this limiter deliberately has none.
      validate: false,
      handler: (_req, res) => sendProblem(res, 'rateLimited'),
    }) as RequestHandler,
  };
}
