import { Router } from 'express';
import type { DeskContext } from '../context.ts';

/**
 * For a supervisor: `/healthz` answers while the process serves (alive); `/readyz` answers 200
 * while storage takes writes, the log is sound and the projections the desk lists from are
 * caught up, 503 otherwise, naming the failing checks (`storage`, `store`, `projections`) for
 * the operator: no version, no count.
 */
export function healthRoutes(ctx: DeskContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const { ready, failing } = ctx.deps.readiness
      ? await ctx.deps.readiness()
      : { ready: true, failing: [] };
    if (!ready) res.setHeader('Retry-After', '5');
    res
      .status(ready ? 200 : 503)
      .json(ready ? { status: 'ready' } : { status: 'not ready', failing });
  });
  return router;
}
