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

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // The matched route's template (`/api/v1/uploads/:uploadId`), never the concrete path.
      const template = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      logger.info(
        {
          method: req.method.length <= 10 ? req.method : 'OTHER',
          route: template,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        'request',
      );
    });
    next();
  };
}
