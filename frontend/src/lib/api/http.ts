// The one place that speaks HTTP. Every call is same-origin (the CSP allows nothing else) and
// returns a result instead of throwing, so pages show a message from the catalogue rather than
// an internal error text.

export interface Problem {
  status: number;
  type?: string;
  title?: string;
  detail?: string;
}

export type Result<T> = { ok: true; value: T; etag?: string } | { ok: false; problem: Problem };

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function toResult<T>(response: Response): Promise<Result<T>> {
  const etag = response.headers.get('etag') ?? undefined;
  if (response.ok) {
    if (response.status === 204) return { ok: true, value: undefined as T, etag };
    const type = response.headers.get('content-type') ?? '';
    const value = (type.includes('json') ? await response.json() : await response.text()) as T;
    return { ok: true, value, etag };
  }
  let problem: Problem = { status: response.status };
  try {
    problem = { ...(await response.json()), status: response.status };
  } catch {
    // Not a problem document: the status alone says enough.
  }
  return { ok: false, problem };
}

/** What every request carries: same origin, never cached, no referrer. */
const init = (options: RequestOptions): RequestInit => ({
  headers: options.headers,
  credentials: 'same-origin',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
  signal: options.signal,
});

async function send<T>(method: string, url: string, body: unknown, options: RequestOptions) {
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      payload = body as Uint8Array<ArrayBuffer>;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(url, { ...init(options), method, headers, body: payload });
    return await toResult<T>(response);
  } catch {
    return { ok: false, problem: { status: 0, title: 'network' } } as Result<T>;
  }
}

export const getJson = <T>(url: string, options: RequestOptions = {}) =>
  send<T>('GET', url, undefined, options);
export const postJson = <T>(url: string, body?: unknown, options: RequestOptions = {}) =>
  send<T>('POST', url, body ?? {}, options);
export const putJson = <T>(url: string, body: unknown, options: RequestOptions = {}) =>
  send<T>('PUT', url, body, options);
export const putBytes = <T>(url: string, body: Uint8Array, options: RequestOptions = {}) =>
  send<T>('PUT', url, body, options);
export const deleteJson = <T>(url: string, options: RequestOptions = {}) =>
  send<T>('DELETE', url, undefined, options);
/**
 * A binary body to read as it arrives (evidence ciphertext): the response itself, not a result.
 * A network failure rejects, as fetch does.
 */
export const getStream = (url: string, options: RequestOptions = {}) => fetch(url, init(options));
