import { createConnection } from 'node:net';
import { sharedStateContract } from '../contract/shared-state-contract.ts';
import { createRedisStore } from './redis-store.ts';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something answers on Redis's address (a TCP connect, no command). */
function reachable(address: string): Promise<boolean> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

const here = await reachable(url);
if (!here)
  console.warn(
    `skipped: the Redis contract needs a Redis at ${url} (set REDIS_URL, or run: redis-server --port 6379 --save "" --appendonly no)`,
  );

sharedStateContract('redis', () => createRedisStore({ url, prefix: 'idesk-test:' }), {
  ...(here ? {} : { skip: `no Redis at ${url}` }),
});
