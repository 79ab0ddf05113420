import type { Server, ServerResponse } from 'node:http';
import type { Readiness } from '../health/readiness.ts';
import { listen } from '../listen.ts';
import type { Metrics } from './registry.ts';

/**
 * The operator's port (METRICS_PORT), never intake's or the desk's: what the platform is doing
 * is for whoever runs it, not for whoever reaches the public address. `GET /metrics`
 * (Prometheus), and `/healthz` and `/readyz` as the services answer them, so that a process with
 * no service port (ROLE=projections) can be supervised too. Nothing else.
 */
export async function startMetricsServer(
  metrics: Metrics,
  readiness: () => Promise<Readiness>,
  host: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify(body));
  const answer = async (path: string, res: ServerResponse) => {
    if (path === '/metrics') {
      const text = await metrics.registry.metrics();
      res
        .writeHead(200, {
          'content-type': metrics.registry.contentType,
          'cache-control': 'no-store',
        })
        .end(text);
    } else if (path === '/healthz') json(res, 200, { status: 'ok' });
    else if (path === '/readyz') {
      const { ready, failing } = await readiness();
      if (!ready) res.setHeader('Retry-After', '5');
      json(res, ready ? 200 : 503, ready ? { status: 'ready' } : { status: 'not ready', failing });
    } else json(res, 404, { status: 'not found' });
  };
  return listen(
    (req, res) => {
      if (req.method !== 'GET') return json(res, 405, { status: 'method not allowed' });
      answer(req.url ?? '/', res).catch(() => {
        if (!res.headersSent) json(res, 500, { status: 'failed' });
        else res.destroy();
      });
    },
    host,
    port,
  );
}
