/**
 * SECURITY.md, "Public endpoints", Slow and stalled clients: each server holds at most 512 open
 * connections (more are closed at accept). services/server/test/slow-clients.int.spec.ts proves
 * the mechanism with small limits; this attacks the numbers the platform actually runs with:
 * the composition root with its default limits over a real SQLite file, intake and desk each
 * held by 512 connections that never finish a request, then one more.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { platformWithDefaultsForSuite } from './support/platform-defaults.ts';

const suite = platformWithDefaultsForSuite('connections');

interface Held {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

/** A connection that sends the start of a request and no more. */
function hold(base: string): Promise<Held> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (b: Buffer) => (received += b.toString('latin1')));
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write('POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{');
      resolve({ socket, received: () => received, closed });
    });
  });
}

describe('open connections, with the default limits', () => {
  for (const service of ['intake', 'desk'] as const)
    it(`${service} holds 512 and closes the 513th at accept, then serves again`, async () => {
      const base = suite.platform.urls[service]!;
      const held = await Promise.all(Array.from({ length: 512 }, () => hold(base)));
      await new Promise((r) => setTimeout(r, 100));
      const extra = await hold(base);
      const cut = await Promise.race([
        extra.closed.then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('still open after 5 s'), 5_000)),
      ]);
      expect(cut).toBe('closed');
      expect(extra.received()).toBe('');
      extra.socket.destroy();
      // The 512 were not pushed out to make room: none of them was closed.
      await new Promise((r) => setTimeout(r, 100));
      expect(held.filter((c) => c.socket.destroyed || c.socket.readyState !== 'open')).toEqual([]);
      for (const c of held) c.socket.destroy();
      await Promise.all(held.map((c) => c.closed));
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
});
