// The man-in-the-middle helper itself: it passes answers through byte for byte, rewrites only
// the JSON answers its rules match (with a correct length), and records every request with its
// body, so a browser test can say what reached the service and what the page was told.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMitmProxy, type MitmProxy } from './mitm-proxy.ts';

let service: Server;
let proxy: MitmProxy;
const seenByService: string[] = [];
const originsSeen: (string | undefined)[] = [];

beforeEach(async () => {
  seenByService.length = 0;
  service = createServer((req, res) => {
    seenByService.push(`${req.method} ${req.url}`);
    originsSeen.push(req.headers.origin);
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': open\n\n');
      req.once('close', () => seenByService.push('closed /events'));
    } else if (req.url === '/busy') {
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      res.end(JSON.stringify({ title: 'Busy', status: 503 }));
    } else if (req.url === '/file.bin') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0, 1, 2, 255]));
    } else {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: '"1"' });
      res.end(JSON.stringify({ key: 'genuine', path: req.url }));
    }
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  const { port } = service.address() as AddressInfo;
  proxy = await startMitmProxy(`http://127.0.0.1:${port}`, [
    {
      matches: ({ method, path }) => method === 'GET' && path === '/case',
      rewrite: async (body) => ({ ...(body as object), key: 'substituted' }),
    },
    {
      matches: ({ path }) => path === '/busy',
      rewrite: (body) => ({ ...(body as { messages: unknown[] }).messages }),
    },
  ]);
});

afterEach(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => service.close(() => resolve()));
});

describe('the man-in-the-middle proxy', () => {
  it("hands the service its own origin in place of the proxy's", async () => {
    originsSeen.length = 0;
    await fetch(`${proxy.origin}/x`, { method: 'POST', headers: { origin: proxy.origin } });
    await fetch(`${proxy.origin}/y`);
    const { port } = service.address() as AddressInfo;
    expect(originsSeen).toEqual([`http://127.0.0.1:${port}`, undefined]);
  });

  it('rewrites the matching JSON answer and passes the others through unchanged', async () => {
    const rewritten = await fetch(`${proxy.origin}/case`);
    expect(await rewritten.json()).toEqual({ key: 'substituted', path: '/case' });
    expect(rewritten.headers.get('etag')).toBeNull();
    const other = await fetch(`${proxy.origin}/case?x=1`);
    expect(await other.json()).toEqual({ key: 'genuine', path: '/case?x=1' });
    expect(other.headers.get('etag')).toBe('"1"');
    const file = await fetch(`${proxy.origin}/file.bin`);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(proxy.rewritten).toBe(1);
    expect(seenByService).toEqual(['GET /case', 'GET /case?x=1', 'GET /file.bin']);
  });

  it('passes a problem answer through untouched, where the rule would not understand it', async () => {
    const busy = await fetch(`${proxy.origin}/busy`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toEqual({ title: 'Busy', status: 503 });
    expect(proxy.rewritten).toBe(0);
  });

  it('ends the upstream request when the browser goes away, so a stream holds nothing open', async () => {
    const aborted = new AbortController();
    const stream = await fetch(`${proxy.origin}/events`, { signal: aborted.signal });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': open');
    aborted.abort();
    await expect
      .poll(() => seenByService.includes('closed /events'), { timeout: 3_000 })
      .toBe(true);
  });

  it('records each request with its body, and rules added later apply to later answers', async () => {
    await fetch(`${proxy.origin}/case/messages`, { method: 'POST', body: 'sealed bytes' });
    proxy.rewrite({
      matches: ({ path }) => path === '/case/messages',
      rewrite: () => ({ key: 'later' }),
    });
    const later = await fetch(`${proxy.origin}/case/messages`, { method: 'POST', body: 'again' });
    expect(await later.json()).toEqual({ key: 'later' });
    expect(proxy.requests.map((r) => [r.method, r.path, r.body.toString()])).toEqual([
      ['POST', '/case/messages', 'sealed bytes'],
      ['POST', '/case/messages', 'again'],
    ]);
  });
});
