import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** CSP directives as helmet takes them (values already quoted where CSP needs quotes). */
export type CspDirectives = Record<string, string[]>;

/**
 * The policy when no front-end build is served (API only): nothing may load, nothing may frame.
 * With a build, `cspFromBuild` (../static/csp-from-build.ts) replaces it with the build's own
 * policy and its script hashes; 'wasm-unsafe-eval' (libsodium) stays the only relaxation.
 */
export const apiOnlyCsp: CspDirectives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Every security header, set once, for every response (errors and 404s included), each with its
 * reason:
 * - CSP: no third-party resource, no inline script without a hash, no eval but wasm;
 *   `frame-ancestors 'none'` against clickjacking (it is ignored in a <meta> tag, so it is sent here).
 * - Referrer-Policy no-referrer: a whistleblower's navigation leaks nothing to anyone.
 * - HSTS: once seen over HTTPS, never over plain HTTP again (harmless on an onion address).
 * - COOP/CORP same-origin, X-Content-Type-Options nosniff, X-Frame-Options DENY for old browsers.
 * - No CORS headers at all: browsers refuse cross-origin reads of the API.
 */
export function securityHeaders(csp: CspDirectives): RequestHandler {
  const frameAncestors = { 'frame-ancestors': ["'none'"] };
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...csp, ...frameAncestors } },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    xFrameOptions: { action: 'deny' },
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
