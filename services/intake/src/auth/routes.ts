import { parseRequest } from '@integrity-desk/http';
import { Router, type Request, type RequestHandler } from 'express';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { z } from 'zod';
import type { IntakeContext } from '../context.ts';
import { verifySessionSignature } from '../http-domain/protocol.ts';
import { jsonBody } from '../http/body.ts';
import { ProblemError } from '../http/problem.ts';
import { redeemPow } from '../pow/redeem.ts';
import { createSessionChallenges } from './challenge.ts';

const locator = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);
const challengeBody = z.strictObject({ locator });
const openBody = z.strictObject({
  locator,
  challenge: z.string().max(64),
  signature: z.string().max(128),
  pow: z.strictObject({ challenge: z.string().max(200), solution: z.string().max(20) }),
});

/**
 * Receipt sessions. The whistleblower's browser derives a locator and an Ed25519 key from the
 * receipt; the server hands out a challenge for the locator and gives a bearer token for a valid
 * signature over it. Unknown locators and wrong signatures must be indistinguishable:
 * - the challenge is stateless and computed the same way whether the locator exists or not;
 * - opening always looks the locator and its key up in the read model (one indexed query, never
 *   the report's stream, whose length would show) and verifies a signature (against a dummy key
 *   when unknown), then answers with the same problem;
 * - a challenge is spent by its first use, right or wrong, so a signature cannot be retried.
 * An attempt is priced by proof of work (GET /pow, the submissions' challenges), bound to this
 * locator and session challenge, and only a paid attempt counts towards the global limit. There
 * is no limit per locator: anyone who knows a locator (every investigator of its channel does)
 * could use it up and lock its owner out. The session challenge itself is free and stateless.
 */
export function receiptSessionRoutes(ctx: IntakeContext): Router {
  const router = Router();
  const { deps, config, tokens, now, random, pow, backend } = ctx;
  const key = ctx.challengeKey;
  const limit = ctx.limits.session;
  const challenges = createSessionChallenges(key, random);
  // Spent session challenges, shared by every intake process behind the address.
  const spent = ctx.state.namespace('session-challenge');
  // A real Ed25519 public key nobody holds the private half of: verifying against it costs the
  // same as verifying against a whistleblower's key.
  const dummyKey = generateKeyPairSync('ed25519')
    .publicKey.export({ format: 'der', type: 'spki' })
    .subarray(-32)
    .toString('base64url');
  const dummyChallenge = random(32).toString('base64url');

  /** Whether this use is the challenge's first (fails closed: an unanswered store throws). */
  const spend = (nonce: string, expiresAt: number): Promise<boolean> =>
    spent.setIfAbsent(nonce, '1', expiresAt - now());

  const json = jsonBody(4096);

  router.post('/session/challenge', ...json, (req, res) => {
    const body = parseRequest(challengeBody, req.body);
    const challenge = challenges.issue(body.locator, now() + config.sessionChallengeTtlMs);
    res.json({ challenge, expiresAt: challenges.open(challenge, body.locator)!.expiresAtMs });
  });

  router.post('/session', ...json, async (req, res) => {
    const body = parseRequest(openBody, req.body);
    // Paid first; the binding is hashed so the spent set holds no locator.
    await redeemPow(pow, limit, body.pow, powBinding(body.locator, body.challenge));
    const opened = challenges.open(body.challenge, body.locator);
    const fresh =
      opened !== undefined &&
      opened.expiresAtMs > now() &&
      (await spend(opened.nonce, opened.expiresAtMs));
    // One indexed lookup in the read model, which holds the key too: the same work whether the
    // locator is known or not, and whatever the report's history (a stream read grew with it).
    const located = await deps.findReportByLocator(body.locator);
    const valid = verifySessionSignature(await backend(), {
      signPublicKey: located?.signPublicKey ?? dummyKey,
      locator: body.locator,
      // A malformed challenge is still verified (against a well-formed stand-in), same cost.
      challenge: opened ? body.challenge : dummyChallenge,
      signature: body.signature,
    });
    // While the projections are behind the log (retrying after a fault), a report acknowledged
    // moments ago may be missing from the read model: its receipt would be told it is wrong.
    // Every refusal then says "try again" instead, whatever its cause, so it tells nobody
    // which locators exist; the browser starts over with fresh challenges.
    if (!fresh || !valid || !located)
      throw new ProblemError(deps.projectionsBehind?.() ? 'unavailable' : 'sessionRefused');
    res.status(201).json({
      token: await tokens.issue(located.reportId),
      tokenType: 'Bearer',
      idleTimeoutSeconds: Math.floor(config.sessionIdleMs / 1000),
    });
  });

  router.delete('/session', async (req, res) => {
    const token = bearer(req);
    if (token) await tokens.end(token);
    res.status(204).end();
  });

  return router;
}

const powBinding = (locator: string, challenge: string) =>
  createHash('sha256')
    .update('session\0')
    .update(locator)
    .update('\0')
    .update(challenge)
    .digest('base64url');

const bearerPattern = /^Bearer ([A-Za-z0-9_-]{43})$/;

export function bearer(req: Request): string | undefined {
  return bearerPattern.exec(req.headers.authorization ?? '')?.[1];
}

/** Resolves the bearer token to its report; the token lives in the Authorization header only. */
export function requireSession(ctx: IntakeContext): RequestHandler {
  return (req, _res, next) => {
    const token = bearer(req);
    // A shared state that cannot answer is a 503, never a pass (the problem handler maps it).
    (token === undefined ? Promise.resolve(undefined) : ctx.tokens.resolve(token)).then(
      (reportId) => {
        if (reportId === undefined) {
          next(new ProblemError('unauthorized'));
          return;
        }
        (req as Request & { reportId: string }).reportId = reportId;
        next();
      },
      next,
    );
  };
}

export const sessionReport = (req: Request): string =>
  (req as Request & { reportId: string }).reportId;
