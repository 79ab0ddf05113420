import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import type { Server } from 'node:http';
import type { Config } from './config.ts';
import { close, listen } from './listen.ts';

export interface Platform {
  store: EventStore;
  urls: { intake?: string; desk?: string };
  stop(): Promise<void>;
}

async function openStore(config: Config): Promise<EventStore> {
  if (config.eventStore.kind === 'sqlite')
    return createSqliteEventStore({ file: config.eventStore.file });
  // Loaded only when asked for, so the embedded deployment never loads the gRPC client.
  const esdb = (await import('@integrity-desk/eventstore')) as Record<string, unknown>;
  const create = esdb['createEsdbEventStore'] as
    ((o: { connectionString: string }) => EventStore) | undefined;
  if (!create) throw new Error('this build has no EventStoreDB adapter');
  return create({ connectionString: config.eventStore.connectionString });
}

/** Placeholder handler until intake and desk are mounted: health and a problem for the rest. */
function healthOnly(name: string) {
  return (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok', service: name }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
  };
}

export async function startPlatform(
  config: Config,
  log: (line: string) => void,
): Promise<Platform> {
  const store = await openStore(config);
  log(
    config.eventStore.kind === 'sqlite'
      ? `event store: embedded SQLite at ${config.eventStore.file}`
      : 'event store: EventStoreDB',
  );
  const servers: Server[] = [];
  const urls: Platform['urls'] = {};
  if (config.role === 'all' || config.role === 'intake') {
    const { server, url } = await listen(
      healthOnly('intake'),
      config.intake.host,
      config.intake.port,
    );
    servers.push(server);
    urls.intake = url;
    log(`intake (public, whistleblowers) listening on ${url}`);
  }
  if (config.role === 'all' || config.role === 'desk') {
    const { server, url } = await listen(healthOnly('desk'), config.desk.host, config.desk.port);
    servers.push(server);
    urls.desk = url;
    log(`desk (staff, keep private) listening on ${url}`);
  }
  return {
    store,
    urls,
    async stop() {
      await Promise.all(servers.map(close));
      await store.close();
    },
  };
}
