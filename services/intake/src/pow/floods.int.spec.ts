/**
 * Floods that cost the attacker nothing must not close the door on honest whistleblowers
 * (issue 13, findings 2 and 3): empty submissions, session challenges and attempts on a known
 * locator count towards no limit an honest client needs, and a challenge solved while it was
 * quiet cannot be spent once the going difficulty is higher. Limits are the defaults here.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultIntakeConfig } from '../config.ts';
import {
  expectProblem,
  makeEnvelope,
  makeReceipt,
  openSession,
  postJson,
  solvedPow,
  startIntake,
  submit,
  submittedWhistleblower,
  type Harness,
} from '../test-support/harness.ts';

let h: Harness | undefined;
afterEach(() => h?.close());

const defaults = { rateLimits: defaultIntakeConfig.rateLimits };
const locatorLike = () => randomBytes(32).toString('base64url');

/** `total` requests, `parallel` at a time, as fast as the server answers them. */
async function flood(total: number, parallel: number, send: (i: number) => Promise<Response>) {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) {
        const res = await send(next++);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

describe('floods that pay nothing', () => {
  it('empty submissions, more than a minute of the submission limit, leave honest ones through', async () => {
    h = await startIntake({ config: defaults });
    const url = h.url;
    const honest = await makeReceipt();
    const empty = await flood(defaultIntakeConfig.rateLimits.submitPerWindow + 100, 8, () =>
      postJson(`${url}/api/v1/reports`, {}),
    );
    expect([...empty.keys()]).toEqual([400]);
    // During a flood that goes on, too.
    const during = flood(200, 4, () => postJson(`${url}/api/v1/reports`, ''));
    for (let i = 0; i < 3; i++)
      expect((await submit(url, makeEnvelope(honest, `report ${i}`))).status).toBe(201);
    expect([...(await during).keys()]).not.toContain(429);
  }, 60_000);

  it('session challenges for random locators leave a returning whistleblower through', async () => {
    h = await startIntake({ config: defaults });
    const url = h.url;
    const { receipt: owner } = await submittedWhistleblower(url);
    await flood(defaultIntakeConfig.rateLimits.sessionGlobalPerWindow + 100, 8, () =>
      postJson(`${url}/api/v1/session/challenge`, { locator: locatorLike() }),
    );
    expect(await openSession(url, owner)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  }, 60_000);

  it('anyone who knows a locator cannot lock its owner out', async () => {
    h = await startIntake({ config: defaults });
    const url = h.url;
    const { receipt: owner } = await submittedWhistleblower(url);
    // An investigator of the channel sees the locator: challenges and wrong signatures for it.
    await flood(50, 4, (i) =>
      i % 2 === 0
        ? postJson(`${url}/api/v1/session/challenge`, { locator: owner.locator })
        : postJson(`${url}/api/v1/session`, {
            locator: owner.locator,
            challenge: locatorLike(),
            signature: randomBytes(64).toString('base64url'),
          }),
    );
    expect(await openSession(url, owner)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  }, 60_000);
});

describe('stockpiled proof of work', () => {
  it('refuses a challenge issued at a lower difficulty than the going one, so the browser solves a fresh one', async () => {
    // One more bit for every doubling of the rate above 2 a minute, from 4 bits.
    h = await startIntake({
      config: { pow: { baseBits: 4, minBits: 2, maxBits: 12, normalRatePerMinute: 2 } },
    });
    const url = h.url;
    const wb = await makeReceipt();
    const stockpile = [await solvedPow(url), await solvedPow(url)];
    expect(stockpile[0]!.challenge.split('.')[1]).toBe('4');
    // The going rate rises: 8 submissions a minute is 4x normal, two bits more.
    for (let i = 0; i < 8; i++)
      expect((await submit(url, makeEnvelope(wb, `report ${i}`))).status).toBe(201);
    expect(await h.app.intake.powBits()).toBeGreaterThanOrEqual(6);
    await expectProblem(
      await submit(url, makeEnvelope(wb, 'stockpiled'), stockpile[0]),
      403,
      'powOutdated',
    );
    // What the browser does on powOutdated: a fresh challenge, solved at the going difficulty.
    expect((await submit(url, makeEnvelope(wb, 'stockpiled'))).status).toBe(201);
  }, 60_000);
});
