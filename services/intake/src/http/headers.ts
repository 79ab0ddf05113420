import { apiOnlyCsp, isolation, type CspDirectives } from '@integrity-desk/http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export { apiOnlyCsp, type CspDirectives };

/**
 * Every security header, set once, for every response (errors and 404s included), each with its
 * reason:
 * - CSP: no third-party resource, no inline script without a hash, no eval but wasm;
 *   `frame-ancestors 'none'` against clickjacking (it is ignored in a <meta> tag, so it is sent here).
 * - the isolation both services share (services/http security-headers.ts: no referrer, HSTS,
 *   COOP/CORP same-origin, X-Frame-Options DENY), X-Content-Type-Options nosniff (helmet);
 * - COEP require-corp: the whistleblower pages embed nothing that did not opt in.
 * - No CORS headers at all: browsers refuse cross-origin reads of the API.
 */
export function securityHeaders(csp: CspDirectives): RequestHandler {
  const frameAncestors = { 'frame-ancestors': ["'none'"] };
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...csp, ...frameAncestors } },
    ...isolation,
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    xDnsPrefetchControl: { allow: false },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
  });
}

/** The API's answers are personal and change: no cache, no shared proxy, no back/forward cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
};

/** No camera, microphone, geolocation or other powerful feature for any page. */
export const permissionsPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader(
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  );
  next();
};
