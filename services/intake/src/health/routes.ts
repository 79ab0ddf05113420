import { Router } from 'express';
import type { IntakeContext } from '../context.ts';

/**
 * For a supervisor: `/healthz` answers while the process serves (alive); `/readyz` answers 200
 * only while it can take a report (storage writable, the log sound, the projections that find a
 * receipt's report caught up), 503 otherwise. Public, so both say one word and nothing else: no
 * version, no count, not which check failed (the desk's own `/readyz` names that).
 */
export function healthRoutes(ctx: IntakeContext): Router {
  const router = Router();
  const { readiness } = ctx.deps;
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const { ready } = readiness ? await readiness() : { ready: true };
    res.setHeader('Cache-Control', 'no-store');
    if (!ready) res.setHeader('Retry-After', '5');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  return router;
}
