// A small server of the static build for page-level tests: each page with its CSP header from
// csp.json (as intake and desk send it), assets from _app, and an optional API handler standing
// in for services that are not wired yet. Listens on 127.0.0.1, port 0 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildDir, type CspManifest } from './frontend-build.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
};

export type ApiHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean;
/** A whole service (an Express app) answering /api/* itself, body unread. */
export type ApiForward = (req: IncomingMessage, res: ServerResponse) => void;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveBuild(
  manifest: CspManifest,
  api?: ApiHandler,
  forward?: () => ApiForward | undefined,
): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const target = forward?.();
    if (target && req.url?.startsWith('/api/')) {
      target(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (url.pathname.startsWith('/api/')) {
      res.setHeader('Cache-Control', 'no-store');
      if (api?.(req, res, Buffer.concat(chunks))) return;
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ status: 404, title: 'Not found.' }));
      return;
    }
    const page = manifest.pages[url.pathname];
    const file = page ? page.file : normalize(url.pathname).replace(/^\/+/, '');
    if (file.startsWith('..')) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(join(buildDir, file));
      const headers: Record<string, string> = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
      };
      if (page) headers['content-security-policy'] = page.header;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
