import type { EphemeralStore } from '@integrity-desk/shared-state';
import type { Request, RequestHandler } from 'express';
import { rateLimit, type Options, type Store } from 'express-rate-limit';
import type { RateLimitConfig } from '../config.ts';
import { sendProblem } from './problem.ts';

/**
 * A global count per window, taken only by requests that already paid (their proof of work
 * passed): a request refused before that counts towards nothing, so nobody closes a limit for
 * others without paying for every unit of it. Keyed globally, never per IP (behind Tor an IP says
 * nothing, and keeping one is what this service must not do), nor per locator (anyone who knows a
 * locator could use up its owner's allowance). Counted in the shared state: every intake process
 * behind one address takes from the same allowance. The window starts with its first count.
 */
export function createWindowCounter(
  limit: number,
  windowMs: number,
  store: EphemeralStore,
  name: string,
) {
  return {
    /** Counts one; false (and nothing counted) once this window's allowance is used. */
    async take(): Promise<boolean> {
      if ((await store.incr(name, windowMs)) <= limit) return true;
      await store.incr(name, windowMs, -1);
      return false;
    },
  };
}

export type WindowCounter = ReturnType<typeof createWindowCounter>;

/**
 * express-rate-limit's counters in the shared state (what rate-limit-redis does for Redis alone):
 * one store for memory and Redis, with hashed keys, so no report id reaches Redis in clear.
 */
export function sharedRateLimitStore(store: EphemeralStore): Store {
  let windowMs = 60_000;
  return {
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(key) {
      return { totalHits: await store.incr(key, windowMs), resetTime: undefined };
    },
    async decrement(key) {
      await store.incr(key, windowMs, -1);
    },
    async resetKey(key) {
      await store.delete(key);
    },
    localKeys: false,
  };
}

export function createRateLimits(config: RateLimitConfig, store: EphemeralStore) {
  const w = config.windowMs;
  return {
    submit: createWindowCounter(config.submitPerWindow, w, store, 'submit'),
    session: createWindowCounter(config.sessionGlobalPerWindow, w, store, 'session'),
    /**
     * Needs the session: keyed by the report the session belongs to (whoever holds the receipt).
     * Counters hold only report ids, hashed in the shared state.
     */
    perReport: rateLimit({
      windowMs: w,
      limit: config.writesPerReportPerWindow,
      keyGenerator: (req: Request) =>
        `report:${(req as Request & { reportId?: string }).reportId ?? ''}`,
      store: sharedRateLimitStore(store),
      // No RateLimit headers: they would say how busy a report is.
      standardHeaders: false,
      legacyHeaders: false,
      // The IP validations expect IP keys; this limiter deliberately has none.
      validate: false,
      handler: (_req, res) => sendProblem(res, 'rateLimited'),
    }) as RequestHandler,
  };
}
