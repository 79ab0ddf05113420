/**
 * Stopping with streams open: the desk keeps a server-sent event stream open on every signed-in
 * page, so a deployment always has some. A stopping server lets a request in flight finish, then
 * cuts what is still open after its grace, instead of waiting for every tab to close (before, a
 * stop hung until the last browser went away, and a test's platform.stop() timed out).
 */
import type { IncomingMessage } from 'node:http';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { close, defaultListenLimits, listen, STOP_GRACE_MS } from '../src/listen.ts';

/** Scheduling slack on a loaded two-core machine. */
const SLACK = 1_500;

function get(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => request(url, resolve).on('error', reject).end());
}

const ended = (res: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    res.on('data', (chunk: Buffer) => (body += chunk.toString()));
    res.on('close', () => resolve(body));
  });

describe('a server that stops while streams are open', () => {
  it('lets a request in flight finish, cuts an endless stream after the grace, and resolves', async () => {
    const { server, url } = await listen(
      (req, res) => {
        if (req.url === '/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(': open\n\n');
          return; // never ends, as a desk tab's case feed
        }
        setTimeout(() => res.end('done'), 300);
      },
      '127.0.0.1',
      0,
      { limits: defaultListenLimits },
    );
    const stream = await get(`${url}/events`);
    const streamEnded = ended(stream);
    const slow = get(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const grace = 1_000;
    const started = performance.now();
    let stopped = false;
    const stopping = close(server, grace).then(() => (stopped = true));
    expect(await ended(await slow)).toBe('done');
    expect(stopped).toBe(false);
    await Promise.race([stopping, new Promise((r) => setTimeout(r, grace + SLACK))]);
    expect(stopped).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(grace - 50);
    expect(await streamEnded).toContain(': open');
  });

  it('gives requests in flight a few seconds by default, not minutes', () => {
    expect(STOP_GRACE_MS).toBeGreaterThanOrEqual(1_000);
    expect(STOP_GRACE_MS).toBeLessThanOrEqual(10_000);
  });
});
