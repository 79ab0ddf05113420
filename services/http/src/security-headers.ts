/**
 * The security headers both services send, one way, each with its reason. Intake and desk set
 * them through helmet (`isolation` below, in their app factories); the desk's raw page listener
 * (services/server/src/desk-pages.ts) writes the same values as `isolationHeaders`.
 */

/** CSP directives as helmet takes them (values already quoted where CSP needs quotes). */
export type CspDirectives = Record<string, string[]>;

/**
 * An answer that is data, not a page: nothing may load, nothing may frame it
 * (`frame-ancestors 'none'` against clickjacking; a <meta> tag cannot say it, so the header does).
 */
export const apiOnlyCsp: CspDirectives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Directives as one header value, in their order. */
export const cspHeader = (directives: CspDirectives): string =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');

const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** helmet options of the headers every answer of both services carries. */
export const isolation = {
  // No referrer leaves either service: a whistleblower's or an investigator's navigation leaks
  // nothing to anyone.
  referrerPolicy: { policy: 'no-referrer' },
  // Once seen over HTTPS, never over plain HTTP again (two years; harmless on an onion address).
  strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
  // Same-origin isolation: no other site's window keeps a handle on ours, nor reads our answers.
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  // Old browsers that ignore frame-ancestors.
  xFrameOptions: { action: 'deny' },
} as const;

/** The same headers as plain values, for a listener that writes its own (and nosniff, as helmet). */
export const isolationHeaders = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;
