// What every browser test watches for the whole run: every request's origin (only the test
// server's loopback origin is allowed) and every CSP violation (none is allowed).
import type { BrowserContext, Page } from 'playwright-core';

export interface Observations {
  requests: string[];
  cspViolations: string[];
  pageErrors: string[];
}

/** Pass the same `seen` for every context of a story, so one record covers all its browsers. */
export async function observe(
  context: BrowserContext,
  seen: Observations = { requests: [], cspViolations: [], pageErrors: [] },
): Promise<Observations> {
  context.on('request', (request) => seen.requests.push(request.url()));
  // The listener runs in every page before its own scripts. It is injected through the
  // DevTools protocol, so the page's CSP does not apply to it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`,
      );
    });
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('CSP violation') || text.includes('Content Security Policy')) {
        seen.cspViolations.push(text);
      }
    });
    page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return seen;
}

/** Requests to anything but the allowed origins (data: and blob: stay inside the page). */
export function foreignRequests(seen: Observations, origins: string[]): string[] {
  return seen.requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return !origins.includes(new URL(url).origin);
  });
}

/**
 * Everything the browser puts on the wire, one string per request: method, URL, headers and
 * body (bytes as latin1, so any ASCII in them is searchable). For promises of the form "X is
 * never sent to the server".
 */
export function recordSent(context: BrowserContext): string[] {
  const sent: string[] = [];
  context.on('request', (request) => {
    const body = request.postDataBuffer();
    sent.push(
      [
        `${request.method()} ${request.url()}`,
        ...Object.entries(request.headers()).map(([k, v]) => `${k}: ${v}`),
        body ? body.toString('latin1') : '',
      ].join('\n'),
    );
  });
  return sent;
}

/** The forms a person might type or a page might send a receipt in. */
export function receiptForms(receipt: string): string[] {
  const bare = receipt.replaceAll('-', '');
  return [receipt, bare, receipt.toLowerCase(), bare.toLowerCase(), receipt.replaceAll('-', ' ')];
}
