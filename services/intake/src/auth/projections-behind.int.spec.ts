// A receipt whose report was acknowledged while the projections could not keep up (a full disk):
// the locator read model does not know it yet. Before, the whistleblower was told 401 "the
// receipt could not be verified" about their own, valid receipt. While the projections are
// behind, every refused session says "try again" (503 with Retry-After) instead, whatever the
// cause, so the answers still tell nobody which locators exist; once caught up, the same
// receipt opens and a wrong one is refused as before.
import { createMemoryEventStore } from '@integrity-desk/eventstore';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectProblem,
  locatorIndex,
  makeReceipt,
  postJson,
  sessionRequest,
  startIntake,
  submittedWhistleblower,
  type Harness,
  type Receipt,
} from '../test-support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function attempt(url: string, locator: string, signer: Receipt) {
  return postJson(`${url}/api/v1/session`, await sessionRequest(url, locator, signer));
}

describe('receipt sessions while the projections are behind the log', () => {
  it('tell an acknowledged receipt to try again, not that it is wrong, and answer every refusal alike', async () => {
    let behind = true;
    const projected = new Set<string>();
    const store = createMemoryEventStore();
    const index = locatorIndex(store);
    h = await startIntake({
      store,
      deps: {
        // The read model knows only the reports it was able to apply.
        findReportByLocator: async (locator) =>
          projected.has(locator) ? index(locator) : undefined,
        projectionsBehind: () => behind,
      },
    });
    const url = h.url;
    const stranger = await makeReceipt();
    const { receipt: older } = await submittedWhistleblower(url);
    projected.add(older.locator);
    const { receipt: mine } = await submittedWhistleblower(url);

    const refusals = [
      await attempt(url, mine.locator, mine), // acknowledged, not projected yet
      await attempt(url, older.locator, stranger), // projected, wrong signature
      await attempt(url, stranger.locator, stranger), // no such report
    ];
    const bodies = [];
    for (const res of refusals) {
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const problem = await expectProblem(res, 503, 'unavailable');
      bodies.push(problem.body);
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);

    // Caught up: the receipt opens its case; a wrong one is refused as it always was.
    projected.add(mine.locator);
    behind = false;
    expect((await attempt(url, mine.locator, mine)).status).toBe(201);
    await expectProblem(await attempt(url, older.locator, stranger), 401, 'sessionRefused');
  });
});
