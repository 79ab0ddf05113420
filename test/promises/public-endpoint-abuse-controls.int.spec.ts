/**
 * SECURITY.md, "Public endpoints", the abuse-controls column, attacked from outside on intake's
 * real port over a real SQLite file:
 * - `POST /reports`: a paid submission refused by the global limit (429) gets its proof of work
 *   given back, so the whistleblower's solved challenge still pays for a later submission;
 * - `POST /session`: one attempt per session challenge, spent on its first paid use, right or
 *   wrong: a guess with a wrong signature uses the challenge up for the right one too.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  makeEnvelope,
  makeReceipt,
  manualTimers,
  postJson,
  solvedPow,
  startIntake,
  submit,
  submittedWhistleblower,
  type Harness,
} from '../../services/intake/src/test-support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'promise-abuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const intake = (name: string, submitPerWindow?: number) =>
  startIntake({
    store: createSqliteEventStore({ file: join(dir, `${name}.sqlite`) }),
    deps: { timers: manualTimers() },
    ...(submitPerWindow !== undefined && { config: { rateLimits: { submitPerWindow } } }),
  });

async function closing<T>(h: Harness, run: (h: Harness) => Promise<T>): Promise<T> {
  try {
    return await run(h);
  } finally {
    await h.close();
  }
}

describe('POST /reports past the submission limit', () => {
  it('answers 429 and gives the challenge back: the same solved proof of work pays for a later submission', async () => {
    await closing(await intake('limit', 2), async (h) => {
      const wb = await makeReceipt();
      for (let i = 0; i < 2; i++) expect((await submit(h.url, makeEnvelope(wb))).status).toBe(201);
      const envelope = makeEnvelope(wb, 'sent while the limit was full');
      const pow = await solvedPow(h.url);
      await expectProblem(await submit(h.url, envelope, pow), 429, 'rateLimited');
      h.clock.advance(61_000);
      // Given back, not merely kept for an identical retry: it pays for another submission.
      expect((await submit(h.url, makeEnvelope(wb, 'sealed again'), pow)).status).toBe(201);
      // Given back once, spent once: a third use is a replay.
      await expectProblem(await submit(h.url, makeEnvelope(wb), pow), 403, 'powReplayed');
    });
  });
});

describe('POST /reports, the order of its checks', () => {
  it('verifies no signature for a request that has not paid, nor for one past the limit', async () => {
    await closing(await intake('order', 1), async (h) => {
      const wb = await makeReceipt();
      const forged = { ...makeEnvelope(wb), signature: makeEnvelope(wb).signature };
      const unsolved = { challenge: (await solvedPow(h.url)).challenge, solution: '0' };
      // Unpaid: refused for its proof of work, never told about its signature.
      await expectProblem(await submit(h.url, forged, unsolved), 403, 'powRequired');
      expect((await submit(h.url, makeEnvelope(wb))).status).toBe(201);
      // Paid, but past the limit: 429 before any signature is checked.
      await expectProblem(await submit(h.url, forged), 429, 'rateLimited');
      h.clock.advance(61_000);
      await expectProblem(await submit(h.url, forged), 400, 'invalidSignature');
    });
  });
});

describe('POST /session, one attempt per session challenge', () => {
  it('a wrong signature spends the challenge: the right one then gets the same 401', async () => {
    await closing(await intake('session'), async (h) => {
      const { receipt } = await submittedWhistleblower(h.url);
      const challengeFor = async () =>
        (
          (await (
            await postJson(`${h.url}/api/v1/session/challenge`, { locator: receipt.locator })
          ).json()) as { challenge: string }
        ).challenge;
      const attempt = async (challenge: string, signature: string) =>
        postJson(`${h.url}/api/v1/session`, {
          locator: receipt.locator,
          challenge,
          signature,
          pow: await solvedPow(h.url),
        });
      const challenge = await challengeFor();
      const guess = (await makeReceipt()).sign(challenge);
      const wrong = await expectProblem(await attempt(challenge, guess), 401, 'sessionRefused');
      const right = await expectProblem(
        await attempt(challenge, receipt.sign(challenge)),
        401,
        'sessionRefused',
      );
      expect(right.body).toEqual(wrong.body);
      // The receipt itself is good: a fresh challenge opens the session.
      const fresh = await challengeFor();
      expect((await attempt(fresh, receipt.sign(fresh))).status).toBe(201);
    });
  });
});
