import { Router, type RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IntakeConfig } from '../config.ts';
import type { Clock, IntakeDeps } from '../deps.ts';
import {
  submissionEnvelopeSchema,
  verifySubmission,
  type CryptoBackend,
} from '../domain/protocol.ts';
import { submitReport } from '../domain/reports.ts';
import { jsonBody, parseBody } from '../http/body.ts';
import { ProblemError } from '../http/problem.ts';
import type { Pow } from '../pow/pow.ts';

const submitBodySchema = z.strictObject({
  envelope: submissionEnvelopeSchema,
  pow: z.strictObject({ challenge: z.string().max(200), solution: z.string().max(20) }),
});

/**
 * POST /reports: a sealed submission with a solved challenge. Checks go from cheap to costly
 * (shape, channel, proof of work, the whistleblower's signature) and nothing is written until all pass; the 201 is sent only
 * after the append is durable. The client chose the report id: the same body again is the same
 * success, a different body under that id is a 409.
 */
export function submitRoutes(
  deps: IntakeDeps,
  config: IntakeConfig,
  pow: Pow,
  clock: Clock,
  limit: RequestHandler,
  backend: () => Promise<CryptoBackend>,
): Router {
  const router = Router();
  router.post('/reports', limit, ...jsonBody(config.maxJsonBytes), async (req, res) => {
    const body = parseBody(submitBodySchema, req.body);
    const { envelope } = body;
    const channels = await deps.listChannels();
    if (!channels.some((c) => c.id === envelope.channelId))
      throw new ProblemError('unknownChannel');
    const binding = createHash('sha256').update(JSON.stringify(envelope)).digest('base64url');
    const verdict = pow.spend(body.pow.challenge, body.pow.solution, binding);
    if (!verdict.ok) {
      throw new ProblemError(
        verdict.reason === 'replayed'
          ? 'powReplayed'
          : verdict.reason === 'busy'
            ? 'unavailable'
            : 'powRequired',
      );
    }
    // After the proof of work: nobody makes the server verify signatures without paying first.
    verifySubmission(await backend(), envelope);
    await submitReport(deps.store, {
      reportId: envelope.reportId,
      channelId: envelope.channelId,
      envelope,
      now: clock.now(),
    });
    pow.difficulty.recordSubmission();
    res.status(201).json({ reportId: envelope.reportId });
  });
  return router;
}
