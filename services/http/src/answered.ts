import type { Request, RequestHandler } from 'express';

/**
 * One answered request as intake's hourly counts and the metrics see it: never the concrete
 * path (it carries ids), the body, a header or the address it came from.
 */
export interface AnsweredRequest {
  readonly method: string;
  /** The matched route's template (`/api/v1/uploads/:uploadId`), or `unmatched`. */
  readonly route: string;
  readonly status: number;
  readonly ms: number;
}

export type RequestObserver = (answered: AnsweredRequest) => void;

/**
 * Notes the route template at the moment Express matches a route (`req.route` is set while
 * `req.baseUrl` is still the router's): an error passed on to the app's handler leaves the
 * router, which puts `baseUrl` back, so reading both at the end would lose the prefix.
 */
function noteTemplate(req: Request): () => string {
  let template: string | undefined;
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: { path?: unknown } | undefined) => {
      route = value;
      if (value && typeof value.path === 'string') template = `${req.baseUrl}${value.path}`;
    },
  });
  return () => template ?? 'unmatched';
}

/** Tells `observer` about each request once its answer is sent. */
export function observeAnswers(observer: RequestObserver): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const template = noteTemplate(req);
    res.once('finish', () =>
      observer({
        method: req.method.length <= 10 ? req.method : 'OTHER',
        route: template(),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      }),
    );
    next();
  };
}
