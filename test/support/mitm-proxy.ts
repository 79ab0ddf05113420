// A man in the middle for browser tests: an HTTP proxy on a loopback port in front of a real
// service (intake or desk), which the browser talks to as if it were the service. It records
// every request that reaches it (method, path, body) and can rewrite JSON answers on the way
// back, as a compromised server would: a substituted key, a swapped envelope. Everything else
// passes through untouched, static files included, so the page is the genuine build.
import { request as httpRequest, createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, as the browser sent them. */
  path: string;
  body: Buffer;
}

export interface JsonRewrite {
  /** Which answers to rewrite (e.g. `GET /api/v1/case`). */
  matches(request: { method: string; path: string }): boolean;
  /** The attacker's version of the parsed JSON answer (may be async: sealing takes a backend). */
  rewrite(body: unknown): unknown;
}

export interface MitmProxy {
  /** Where the browser goes instead of the service. */
  origin: string;
  /** Every request that reached the proxy, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Rewrites added later apply to the answers that follow. */
  rewrite(rule: JsonRewrite): void;
  /** How many answers the rules have rewritten so far. */
  readonly rewritten: number;
  close(): Promise<void>;
}

const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

/** Starts a proxy on 127.0.0.1 (a free port) in front of `target` (an `http://` origin). */
export async function startMitmProxy(
  target: string,
  rules: JsonRewrite[] = [],
): Promise<MitmProxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  let rewritten = 0;
  const server = createServer(async (req, res) => {
    try {
      const body = await readAll(req);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      requests.push({ method, path, body });
      const rule = rules.find((r) => r.matches({ method, path }));
      // Plain bytes from the service, so a rule reads JSON, not a compressed stream.
      const headers = { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' };
      // The service sees its own origin, as behind a real attacker in front of it (the desk's
      // CSRF check compares Origin with its own).
      if (headers.origin) headers.origin = upstream.origin;
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const out = httpRequest(
          { host: upstream.hostname, port: upstream.port, method, path, headers },
          resolve,
        );
        out.on('error', reject);
        out.end(body);
      });
      const type = String(answer.headers['content-type'] ?? '');
      // Only answers the rule is written for: a problem (401, 503 while busy) passes untouched,
      // as the browser's retry would meet it, instead of breaking the rule's rewrite into a 502.
      const success = (answer.statusCode ?? 0) >= 200 && (answer.statusCode ?? 0) < 300;
      if (!rule || !success || !type.includes('json')) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        // A browser that goes away (a closed page, the proxy closing) ends the upstream request
        // too, as a real proxy does: an event stream left open would hold the service's stop.
        res.once('close', () => answer.destroy());
        return;
      }
      const original = JSON.parse((await readAll(answer)).toString('utf8')) as unknown;
      const replaced = Buffer.from(JSON.stringify(await rule.rewrite(original)), 'utf8');
      rewritten += 1;
      const {
        'content-length': _length,
        'transfer-encoding': _chunked,
        etag: _etag,
        ...kept
      } = answer.headers;
      res.writeHead(answer.statusCode ?? 502, { ...kept, 'content-length': replaced.length });
      res.end(replaced);
    } catch {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    rewrite: (rule) => void rules.push(rule),
    get rewritten() {
      return rewritten;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
