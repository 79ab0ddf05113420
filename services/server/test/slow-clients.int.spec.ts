/**
 * Slow and stalled clients (issue 13, finding 1): a body that stops arriving is cut, a slow one
 * that keeps moving finishes, open connections are bounded, and a throw out of a raw listener is
 * a 500 problem instead of the end of the process. The bounds here are small copies of the
 * production ones (src/listen.ts), so each test states how soon a cut must come.
 */
import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { checkMs, close, listen, type ListenLimits } from '../src/listen.ts';
import { startPlatform } from '../src/platform.ts';

const limits: ListenLimits = { headersMs: 1_000, requestMs: 3_000, idleMs: 500, maxConnections: 3 };
/** Scheduling slack on a loaded two-core machine. */
const SLACK = 1_000;

interface Raw {
  socket: Socket;
  /** Everything the server sent, and when the connection ended (ms after `open`). */
  received: () => string;
  closed: Promise<number>;
}

function open(url: string): Promise<Raw> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
      const closed = new Promise<number>((done) =>
        socket.once('close', () => done(performance.now() - started)),
      );
      socket.on('error', () => undefined);
      resolve({ socket, received: () => data, closed });
    });
    socket.once('error', reject);
  });
}

const head = (path: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`;

let server: Server;
let url: string;
const errors: string[] = [];
beforeAll(async () => {
  ({ server, url } = await listen(
    (req, res) => {
      if (req.url === '/throw') throw new TypeError('report text that must not be logged');
      let n = 0;
      req.on('data', (c: Buffer) => (n += c.length));
      req.on('end', () => res.end(`received ${n}`));
    },
    '127.0.0.1',
    0,
    { limits, onError: (e) => errors.push(e instanceof Error ? e.name : 'error') },
  ));
});
afterAll(async () => {
  server.closeAllConnections();
  await close(server);
});

describe('request bounds', () => {
  it(`cuts a body that stops arriving within idleMs + ${SLACK} ms`, async () => {
    const c = await open(url);
    c.socket.write(head('/upload', 1_000) + 'x'.repeat(10));
    const at = await c.closed;
    expect(at).toBeLessThan(limits.idleMs + SLACK);
    expect(c.received()).not.toContain('received');
  });

  it('lets a slow body that keeps moving finish, though it takes four times idleMs', async () => {
    const c = await open(url);
    c.socket.write(head('/upload', 200));
    for (let i = 0; i < 10; i++) {
      await sleep(limits.idleMs / 2.5);
      c.socket.write('y'.repeat(20));
    }
    await expect.poll(() => c.received(), { timeout: SLACK }).toContain('received 200');
    c.socket.destroy();
  });

  it(`cuts a body trickled past requestMs within requestMs + checkMs + ${SLACK} ms`, async () => {
    const c = await open(url);
    c.socket.write(head('/upload', 100_000));
    const trickle = setInterval(() => c.socket.writable && c.socket.write('z'), limits.idleMs / 4);
    const at = await c.closed;
    clearInterval(trickle);
    expect(at).toBeGreaterThan(limits.requestMs - SLACK);
    expect(at).toBeLessThan(limits.requestMs + checkMs(limits) + SLACK);
  }, 15_000);

  it(`cuts headers trickled past headersMs within headersMs + checkMs + ${SLACK} ms`, async () => {
    const c = await open(url);
    c.socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
    let i = 0;
    const trickle = setInterval(
      () => c.socket.writable && c.socket.write(`X-${i++}: y\r\n`),
      limits.idleMs / 4,
    );
    const at = await c.closed;
    clearInterval(trickle);
    expect(at).toBeLessThan(limits.headersMs + checkMs(limits) + SLACK);
  }, 15_000);
});

describe('open connections', () => {
  it('refuses connections beyond maxConnections at accept and takes new ones once they end', async () => {
    const held = await Promise.all(Array.from({ length: limits.maxConnections }, () => open(url)));
    for (const c of held) c.socket.write(head('/upload', 1_000));
    await sleep(50);
    const extra = await open(url);
    extra.socket.write(head('/upload', 1));
    extra.socket.write('x');
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const c of held) c.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
    await sleep(50);
    const res = await fetch(`${url}/upload`, { method: 'POST', body: 'abc' });
    expect(await res.text()).toBe('received 3');
  });
});

describe('a throw out of a raw listener', () => {
  it('answers 500 problem JSON, reports the class only, and the server keeps serving', async () => {
    const res = await fetch(`${url}/throw`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.text()).not.toContain('report text');
    expect(errors).toEqual(['TypeError']);
    expect(await (await fetch(`${url}/upload`, { method: 'POST', body: 'ok' })).text()).toBe(
      'received 2',
    );
  });
});

describe('the platform', () => {
  it('cuts a stalled body on intake and on the desk alike', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idesk-slow-'));
    const platform = await startPlatform(
      loadConfig(
        { DATA_DIR: dataDir, ROLE: 'all', INTAKE_PORT: '0', DESK_PORT: '0', LOG_LEVEL: 'error' },
        [],
      ),
      () => undefined,
      { listenLimits: limits },
    );
    try {
      for (const [base, path] of [
        [platform.urls.intake!, '/api/v1/reports'],
        [platform.urls.desk!, '/api/session'],
      ] as const) {
        const c = await open(base);
        c.socket.write(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nX-Integrity-Desk: 1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`,
        );
        // Nothing answered before the cut: the body parser was still waiting for the rest.
        expect(await c.closed, base).toBeLessThan(limits.idleMs + SLACK);
        expect(c.received(), base).toBe('');
      }
    } finally {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
