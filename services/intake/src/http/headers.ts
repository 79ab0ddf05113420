import { apiOnlyCsp, isolation, permissionsPolicy, type CspDirectives } from '@integrity-desk/http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export { apiOnlyCsp, permissionsPolicy, type CspDirectives };

/**
 * Every security header, set once, for every response (errors and 404s included), each with its
 * reason:
 * - CSP: no third-party resource, no inline script without a hash, no eval but wasm;
 *   `frame-ancestors 'none'` against clickjacking (it is ignored in a <meta> tag, so it is sent here).
 * - the isolation both services share (services/http security-headers.ts: no referrer, HSTS,
 *   COOP/CORP/COEP, X-Frame-Options DENY, no DNS prefetch, Permissions-Policy (`permissionsPolicy`,
 *   set in the app)), X-Content-Type-Options nosniff (helmet);
 * - No CORS headers at all: browsers refuse cross-origin reads of the API.
 */
export function securityHeaders(csp: CspDirectives): RequestHandler {
  const frameAncestors = { 'frame-ancestors': ["'none'"] };
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...csp, ...frameAncestors } },
    ...isolation,
  });
}

/** The API's answers are personal and change: no cache, no shared proxy, no back/forward cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
};
