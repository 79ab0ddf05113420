import type { Page } from 'playwright-core';

export interface ApiReply {
  status: number;
  etag: string | undefined;
  body: unknown;
}

/**
 * A call to the desk's API from a signed-in page, as its own scripts make it (same origin, the
 * session cookie, the CSRF header on writes, If-Match when given): for steps the pages do not
 * offer yet. Runs under the page's CSP like any of its requests.
 */
export function callDesk(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  etag?: string,
): Promise<ApiReply> {
  return page.evaluate(
    async ({ method, path, body, etag }) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (method === 'POST') {
        headers['content-type'] = 'application/json';
        headers['x-integrity-desk'] = '1';
      }
      if (etag) headers['if-match'] = etag;
      const response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get('etag') ?? undefined,
        body: text ? (JSON.parse(text) as unknown) : null,
      };
    },
    { method, path, body, etag },
  );
}

/** A command on a record, at the revision just read (its ETag as If-Match): the reply's status. */
export async function commandDesk(
  page: Page,
  record: string,
  command: string,
  body: unknown,
): Promise<number> {
  const read = await callDesk(page, 'GET', record);
  return (await callDesk(page, 'POST', `${record}/${command}`, body, read.etag)).status;
}
