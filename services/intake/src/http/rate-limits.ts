import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import type { RateLimitConfig } from '../config.ts';
import { sendProblem } from './problem.ts';

/**
 * Rate limits keyed globally, per receipt locator and per report, never per IP: an IP says
 * nothing useful behind Tor, and keeping it, even in memory, is what this service must not do.
 * Counters live in memory (express-rate-limit's MemoryStore) and hold only these keys (a locator
 * is hashed first so the counter map holds no locator).
 */
function limiter(windowMs: number, limit: number, key: (req: Request) => string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    keyGenerator: (req) => key(req),
    // No RateLimit headers: on the global keys they would tell anyone how many submissions
    // arrived in the last minute, a timing side channel about other whistleblowers.
    standardHeaders: false,
    legacyHeaders: false,
    // The IP validations expect IP keys; these limiters deliberately have none.
    validate: false,
    handler: (_req, res) => sendProblem(res, 'rateLimited'),
  });
}

const hashed = (value: string) => createHash('sha256').update(value).digest('base64url');

export function createRateLimits(config: RateLimitConfig) {
  const w = config.windowMs;
  return {
    global: limiter(w, config.globalPerWindow, () => 'global'),
    submit: limiter(w, config.submitPerWindow, () => 'submit'),
    sessionGlobal: limiter(w, config.sessionGlobalPerWindow, () => 'session'),
    /** Needs the parsed body: keyed by the locator the caller names. */
    sessionPerLocator: limiter(w, config.sessionPerLocatorPerWindow, (req) => {
      const locator = (req.body as { locator?: unknown } | undefined)?.locator;
      // Malformed locators share one key, so garbage cannot grow the counter map; the session
      // limiter before this one bounds how many well-formed keys a window can create.
      return typeof locator === 'string' && /^[A-Za-z0-9_-]{43}$/.test(locator)
        ? `locator:${hashed(locator)}`
        : 'locator:malformed';
    }),
    /** Needs the session: keyed by the report the session belongs to. */
    perReport: limiter(w, config.writesPerReportPerWindow, (req) => {
      const reportId = (req as Request & { reportId?: string }).reportId ?? '';
      return `report:${reportId}`;
    }),
  };
}
