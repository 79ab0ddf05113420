import { ProblemError, type ProblemKind } from '../http/problem.ts';
import type { WindowCounter } from '../http/rate-limits.ts';
import type { Pow, PowVerdict } from './pow.ts';

const refusal: Record<Exclude<PowVerdict, { ok: true }>['reason'], ProblemKind> = {
  invalid: 'powRequired',
  replayed: 'powReplayed',
  // The browser fetches a fresh challenge and solves it at the going difficulty.
  outdated: 'powOutdated',
  busy: 'unavailable',
};

/**
 * The gate of every costly public request (a submission, a session attempt): the proof of work
 * is checked and spent first, and only then does the request count towards the global limit of
 * its kind. A request refused by that limit gets its challenge back, so the client can retry the
 * same solution later. Throws the problem to answer; returns when the request may go on.
 */
export async function redeemPow(
  pow: Pow,
  limit: WindowCounter,
  proof: { readonly challenge: string; readonly solution: string },
  binding: string,
): Promise<void> {
  const verdict = await pow.spend(proof.challenge, proof.solution, binding);
  if (!verdict.ok) throw new ProblemError(refusal[verdict.reason]);
  if (!(await limit.take())) {
    await pow.release(verdict.nonce);
    throw new ProblemError('rateLimited');
  }
}
