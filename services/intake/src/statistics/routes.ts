import { latestSnapshot } from '@integrity-desk/reports';
import { Router } from 'express';
import type { IntakeContext } from '../context.ts';

/**
 * The coalition's published statistics: the snapshot an administrator published last (ended
 * quarters, small cells suppressed), never live numbers, which would date submissions. Without
 * who published it: the public learns the numbers, not the staff.
 */
export function statisticsRoutes(ctx: IntakeContext): Router {
  const router = Router();
  router.get('/statistics', async (_req, res) => {
    const snapshot = await latestSnapshot(ctx.deps.store);
    if (!snapshot) {
      res.json({ snapshot: null });
      return;
    }
    const { publishedAt, threshold, quarters, cells } = snapshot;
    res.json({ snapshot: { publishedAt, threshold, quarters, cells } });
  });
  return router;
}
