import { parseRequest } from '@integrity-desk/http';
import { Router } from 'express';
import { z } from 'zod';
import type { IntakeContext } from '../context.ts';
import type { Channel } from '../deps.ts';
import { submissionEnvelopeSchema, verifySubmission } from '../http-domain/protocol.ts';
import { alreadySubmitted, submissionEventId, submitReport } from '../http-domain/reports.ts';
import { jsonBody } from '../http/body.ts';
import { ProblemError } from '../http/problem.ts';
import { redeemPow } from '../pow/redeem.ts';

const submitBodySchema = z.strictObject({
  envelope: submissionEnvelopeSchema,
  pow: z.strictObject({ challenge: z.string().max(200), solution: z.string().max(20) }),
});

/** The version of the channel's signed recipient list, the one browsers verify and seal to. */
function currentListVersion(channel: Channel): number | undefined {
  const list = channel.recipients as { readonly version?: unknown } | null;
  return typeof list?.version === 'number' ? list.version : undefined;
}

/**
 * POST /reports: a sealed submission with a solved challenge. Checks go from cheap to costly
 * (shape, channel, proof of work, the channel's current recipient list, the whistleblower's
 * signature) and nothing is written until all pass; the 201 is sent only after the append is
 * durable. The client chose the report id: the same body again is the same
 * success, a different body under that id is a 409.
 */
export function submitRoutes(ctx: IntakeContext): Router {
  const router = Router();
  const { deps, config, pow, clock, backend } = ctx;
  const limit = ctx.limits.submit;
  router.post('/reports', ...jsonBody(config.maxJsonBytes), async (req, res) => {
    const body = parseRequest(submitBodySchema, req.body);
    const { envelope } = body;
    const channels = await deps.listChannels();
    const channel = channels.find((c) => c.id === envelope.channelId);
    if (!channel) throw new ProblemError('unknownChannel');
    // The event id identifies exactly this envelope, which is what the proof of work is bound to
    // (an identical retry may present its spent challenge again).
    const eventId = submissionEventId(envelope);
    // Only a request whose proof of work passed counts towards the submission limit.
    await redeemPow(pow, limit, body.pow, eventId);
    // Only to the channel's current signed list: a recipient removed from it must never receive
    // a new report, and an older list may still name them; the browser refetches, verifies and
    // seals again. Free on the hot path (the list is at hand); only a mismatch reads the store,
    // after the proof of work, so that a retry of a report accepted before the list moved on
    // stays the same success.
    if (
      envelope.recipientListVersion !== currentListVersion(channel) &&
      !(await alreadySubmitted(deps.store, { reportId: envelope.reportId, eventId }))
    ) {
      throw new ProblemError('recipientListOutdated');
    }
    // After the proof of work: nobody makes the server verify signatures without paying first.
    await verifySubmission(await backend(), envelope);
    await submitReport(deps.store, { envelope, eventId, now: clock.now() });
    res.status(201).json({ reportId: envelope.reportId });
  });
  return router;
}
