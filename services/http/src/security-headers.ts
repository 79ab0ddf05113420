/**
 * The security headers both services send, one way, each with its reason. Intake and desk set
 * them through helmet (`isolation` below, in their app factories) plus `permissionsPolicy`,
 * which helmet does not write; the desk's raw page listener (services/server/src/desk-pages.ts)
 * writes the same values as `isolationHeaders`. Only the CSP differs from answer to answer.
 */
import type { RequestHandler } from 'express';

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
  // Pages embed nothing that did not opt in (every resource is our own origin; blob: and data:
  // images made in the page are same-origin too).
  crossOriginEmbedderPolicy: { policy: 'require-corp' },
  // No DNS look-up ahead of a click: a name resolved leaks what a page links to.
  xDnsPrefetchControl: { allow: false },
  // No Flash or PDF plug-in may read a cross-domain policy from us.
  xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
  // helmet's defaults, kept and written down so the raw listener sends them too: the page gets
  // its own agent cluster; old IE may not open a download in our context; the legacy XSS
  // auditor (itself a leak) is off.
  originAgentCluster: true,
  xDownloadOptions: true,
  xXssProtection: true,
} as const;

/**
 * No camera, microphone, geolocation, payment or USB for any page: a whistleblower's page never
 * needs them, and a script that should not be there gets no prompt to show. Not in helmet.
 */
export const permissionsPolicyValue =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

export const permissionsPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('Permissions-Policy', permissionsPolicyValue);
  next();
};

/**
 * The same headers as plain values, for a listener that writes its own (and nosniff, as
 * helmet): what helmet writes from `isolation`, and the Permissions-Policy. The headers test
 * (test/promises/headers.int.spec.ts) compares a desk page's headers with an intake page's.
 */
export const isolationHeaders = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
  'origin-agent-cluster': '?1',
  'x-download-options': 'noopen',
  'x-xss-protection': '0',
  'permissions-policy': permissionsPolicyValue,
} as const;
