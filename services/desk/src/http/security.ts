import { apiOnlyCsp, isolation, permissionsPolicy } from '@integrity-desk/http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ProblemError } from './problem.ts';

/**
 * Security headers, set once for every response, each with its reason: the API never loads or
 * frames anything (apiOnlyCsp); the isolation both services share (services/http
 * security-headers.ts: no referrer, HSTS, same-origin isolation, no framing, the
 * Permissions-Policy); no CORS headers,
 * so browsers refuse cross-origin reads; no caching of personal answers.
 */
export const securityHeaders: RequestHandler[] = [
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: apiOnlyCsp },
    ...isolation,
  }),
  permissionsPolicy,
  (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  },
];

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-integrity-desk';

/**
 * CSRF defence on every state-changing request, in depth:
 * 1. session cookies are SameSite=Strict;
 * 2. a custom header (`X-Integrity-Desk: 1`), which a cross-site form cannot send and a
 *    cross-site fetch cannot send without a CORS preflight that this server never grants;
 * 3. when the browser says where the request comes from (Origin, Sec-Fetch-Site), it must be
 *    the desk itself.
 */
export function csrfGuard(origin: string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    if (req.get(CSRF_HEADER) !== '1') return next(new ProblemError('csrf'));
    const from = req.get('origin');
    if (from !== undefined && from !== origin) return next(new ProblemError('csrf'));
    const site = req.get('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') return next(new ProblemError('csrf'));
    next();
  };
}

/** JSON bodies only: anything else could be a cross-site form. */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method) || req.method === 'DELETE') return next();
  if (!req.is('application/json')) return next(new ProblemError('unsupportedMediaType'));
  next();
};
