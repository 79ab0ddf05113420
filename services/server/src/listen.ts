import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How long a client may take, and how many may be connected at once, on intake and on the desk.
 *
 * Uploads come over Tor and are resumable one chunk at a time (at most 1 MiB, each accepted only
 * at the exact next offset), so cutting a stalled chunk loses that chunk's progress and nothing
 * else: the browser sends it again. The bounds below let a slow but moving upload finish and
 * cut one that stopped:
 * - `idleMs` 60 s: no byte either way for a minute and the socket is closed. A circuit that
 *   stalls that long has broken; the browser retries on a new one.
 * - `requestMs` 300 s for a whole request (headers and body): one 1 MiB chunk at 3.5 KiB/s,
 *   well below what a Tor circuit carries. Answers are not bounded by it (a download to a slow
 *   reader continues as long as it moves, under `idleMs`).
 * - `headersMs` 30 s for the headers alone (a few hundred bytes).
 * - `maxConnections` 512 per server: beyond it a new connection is closed at accept, so a flood
 *   of open sockets cannot take every file descriptor the store and the evidence files need (two
 *   servers stay under a common limit of 1,024). Node enforces the first two only every
 *   `checkMs`, so a request is cut at most that much later than its bound.
 */
export interface ListenLimits {
  readonly headersMs: number;
  readonly requestMs: number;
  readonly idleMs: number;
  readonly maxConnections: number;
}

export const defaultListenLimits: ListenLimits = {
  headersMs: 30_000,
  requestMs: 300_000,
  idleMs: 60_000,
  maxConnections: 512,
};

/**
 * A throw out of a raw listener (outside Express, which catches its own) would be an uncaught
 * exception: answer it as a 500 problem, or cut the connection if the answer had begun, and
 * report the error's class only.
 */
function guarded(handler: RequestListener, onError: (error: unknown) => void): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    try {
      handler(req, res);
    } catch (error) {
      onError(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, {
        'content-type': 'application/problem+json',
        'cache-control': 'no-store',
      });
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Something went wrong. Please try again.',
          status: 500,
        }),
      );
    }
  };
}

/** Starts an HTTP server and resolves with its URL once it listens. */
export function listen(
  handler: RequestListener,
  host: string,
  port: number,
  options: { limits?: ListenLimits; onError?: (error: unknown) => void } = {},
): Promise<{ server: Server; url: string }> {
  const limits = options.limits ?? defaultListenLimits;
  return new Promise((resolve, reject) => {
    const server = createServer(
      {
        headersTimeout: limits.headersMs,
        requestTimeout: limits.requestMs,
        connectionsCheckingInterval: checkMs(limits),
      },
      guarded(handler, options.onError ?? (() => undefined)),
    );
    server.setTimeout(limits.idleMs);
    server.maxConnections = limits.maxConnections;
    server.keepAliveTimeout = Math.min(5_000, limits.idleMs);
    server.once('error', reject);
    server.listen(port, host, () => {
      const { address, port: actual } = server.address() as AddressInfo;
      const shown = address.includes(':') ? `[${address}]` : address;
      resolve({ server, url: `http://${shown}:${actual}` });
    });
  });
}

/** How often Node checks the header and request bounds (its default, 30 s, or finer). */
export const checkMs = (limits: ListenLimits) =>
  Math.max(50, Math.min(30_000, Math.floor(limits.headersMs / 2)));

/**
 * How long a stopping server lets requests in flight finish before it cuts what is still open.
 * The desk keeps a server-sent event stream open on every signed-in page, and a download to a
 * slow reader may take minutes: without a bound, stopping waited for every tab to close (systemd
 * then kills the process). A cut upload resumes from its last stored chunk; a cut stream
 * reconnects to the next process.
 */
export const STOP_GRACE_MS = 5_000;

/** Stops taking connections, lets requests in flight finish within `graceMs`, then cuts the rest. */
export function close(server: Server, graceMs = STOP_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
