import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  expectProblem,
  locatorIndex,
  makeReceipt,
  openSession,
  postJson,
  snapshot,
  solvedPow,
  startIntake,
  submittedWhistleblower,
  testBackend,
  type Harness,
  type Receipt,
} from '../test-support/harness.ts';

let h: Harness;
let receipt: Receipt;
beforeEach(async () => {
  h = await startIntake();
  ({ receipt } = await submittedWhistleblower(h.url));
});
afterEach(() => h.close());

async function challengeFor(locator: string) {
  const res = await postJson(`${h.url}/api/v1/session/challenge`, { locator });
  expect(res.status).toBe(200);
  return (await res.json()) as { challenge: string; expiresAt: number };
}

async function attempt(locator: string, challenge: string, signature: string) {
  const pow = await solvedPow(h.url);
  return postJson(`${h.url}/api/v1/session`, { locator, challenge, signature, pow });
}

describe('receipt sessions', () => {
  it('gives a bearer token for a valid signature, never a cookie', async () => {
    const { challenge } = await challengeFor(receipt.locator);
    const res = await attempt(receipt.locator, challenge, receipt.sign(challenge));
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = (await res.json()) as {
      token: string;
      tokenType: string;
      idleTimeoutSeconds: number;
    };
    expect(body.tokenType).toBe('Bearer');
    expect(body.idleTimeoutSeconds).toBe(1800);
    // 32 random bytes, base64url
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const view = await fetch(`${h.url}/api/v1/case`, {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(view.status).toBe(200);
  });

  it('hands out challenges of the same shape for known and unknown locators', async () => {
    const known = await challengeFor(receipt.locator);
    const unknown = await challengeFor((await makeReceipt()).locator);
    expect(known.challenge.length).toBe(unknown.challenge.length);
    expect(known.expiresAt).toBe(unknown.expiresAt);
  });

  it('answers a wrong signature and an unknown locator identically, and stores nothing', async () => {
    const before = await snapshot(h.store);
    const stranger = await makeReceipt();
    const c1 = await challengeFor(receipt.locator);
    const wrong = await attempt(receipt.locator, c1.challenge, stranger.sign(c1.challenge));
    const c2 = await challengeFor(stranger.locator);
    const unknown = await attempt(stranger.locator, c2.challenge, stranger.sign(c2.challenge));
    const a = await expectProblem(wrong, 401, 'sessionRefused');
    const b = await expectProblem(unknown, 401, 'sessionRefused');
    expect(a.body).toEqual(b.body);
    expect([...wrong.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
    expect(await snapshot(h.store)).toBe(before);
    expect(h.app.intake.sessions()).toBe(0);
  });

  it('does the same work for an unknown locator as for a wrong signature (so they take the same time)', async () => {
    // Counting the expensive steps (timing.int.spec.ts measures the time). Each attempt must look
    // the locator up once, read no report stream (its length would show) and verify one Ed25519
    // signature, whether the locator exists or not.
    const backend = await testBackend();
    const counts = { lookups: 0, reads: 0, verifies: 0 };
    const counted = await startIntake({
      store: h.store,
      deps: {
        findReportByLocator: async (locator) => {
          counts.lookups++;
          return locatorIndex(h.store)(locator);
        },
        cryptoBackend: {
          ...backend,
          ed25519Verify: (...args: Parameters<typeof backend.ed25519Verify>) => {
            counts.verifies++;
            return backend.ed25519Verify(...args);
          },
        },
      },
    });
    const readStream = h.store.readStream.bind(h.store);
    const spied = vi.spyOn(h.store, 'readStream').mockImplementation((...args) => {
      counts.reads++;
      return readStream(...args);
    });
    try {
      const stranger = await makeReceipt();
      const attemptOn = async (locator: string) => {
        const c = await postJson(`${counted.url}/api/v1/session/challenge`, { locator });
        const { challenge } = (await c.json()) as { challenge: string };
        Object.assign(counts, { lookups: 0, reads: 0, verifies: 0 });
        const pow = await solvedPow(counted.url);
        const res = await postJson(`${counted.url}/api/v1/session`, {
          locator,
          challenge,
          signature: stranger.sign(challenge),
          pow,
        });
        return { status: res.status, body: await res.text(), ...counts };
      };
      const wrongSignature = await attemptOn(receipt.locator);
      const unknownLocator = await attemptOn(stranger.locator);
      expect(wrongSignature).toEqual(unknownLocator);
      expect(wrongSignature).toMatchObject({ status: 401, lookups: 1, reads: 0, verifies: 1 });
    } finally {
      spied.mockRestore();
      await counted.close();
    }
  });

  it('refuses a replayed challenge even with a valid signature', async () => {
    const { challenge } = await challengeFor(receipt.locator);
    expect((await attempt(receipt.locator, challenge, receipt.sign(challenge))).status).toBe(201);
    const before = await snapshot(h.store);
    await expectProblem(
      await attempt(receipt.locator, challenge, receipt.sign(challenge)),
      401,
      'sessionRefused',
    );
    expect(await snapshot(h.store)).toBe(before);
    expect(h.app.intake.sessions()).toBe(1);
  });

  it('refuses a challenge issued for another locator', async () => {
    const other = await makeReceipt();
    const { challenge } = await challengeFor(other.locator);
    await expectProblem(
      await attempt(receipt.locator, challenge, receipt.sign(challenge)),
      401,
      'sessionRefused',
    );
  });

  it('refuses an expired challenge', async () => {
    const { challenge } = await challengeFor(receipt.locator);
    h.clock.advance(3 * 60_000);
    await expectProblem(
      await attempt(receipt.locator, challenge, receipt.sign(challenge)),
      401,
      'sessionRefused',
    );
  });

  it('expires a token after 30 idle minutes and keeps it alive while used', async () => {
    const token = await openSession(h.url, receipt);
    const get = () =>
      fetch(`${h.url}/api/v1/case`, { headers: { authorization: `Bearer ${token}` } });
    h.clock.advance(29 * 60_000);
    expect((await get()).status).toBe(200);
    h.clock.advance(29 * 60_000);
    expect((await get()).status).toBe(200);
    h.clock.advance(30 * 60_000);
    const before = await snapshot(h.store);
    await expectProblem(await get(), 401, 'unauthorized');
    expect(await snapshot(h.store)).toBe(before);
  });

  it('ends a session on DELETE', async () => {
    const token = await openSession(h.url, receipt);
    const del = await fetch(`${h.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(204);
    expect(
      (await fetch(`${h.url}/api/v1/case`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(401);
  });

  it('prices an attempt by proof of work, bound to its locator and challenge, before any lookup', async () => {
    const { challenge } = await challengeFor(receipt.locator);
    const signature = receipt.sign(challenge);
    const before = await snapshot(h.store);
    const unpaid = await postJson(`${h.url}/api/v1/session`, {
      locator: receipt.locator,
      challenge,
      signature,
      pow: { challenge: 'pow1.4.0.x.y', solution: '1' },
    });
    await expectProblem(unpaid, 403, 'powRequired');
    // A proof spent on another attempt does not pay for this one.
    const pow = await solvedPow(h.url);
    const other = await challengeFor((await makeReceipt()).locator);
    await postJson(`${h.url}/api/v1/session`, {
      locator: receipt.locator,
      challenge: other.challenge,
      signature,
      pow,
    });
    const reused = await postJson(`${h.url}/api/v1/session`, {
      locator: receipt.locator,
      challenge,
      signature,
      pow,
    });
    await expectProblem(reused, 403, 'powReplayed');
    expect(h.app.intake.sessions()).toBe(0);
    expect(await snapshot(h.store)).toBe(before);
    // The session challenge was not spent by the unpaid attempts: it still opens the session.
    expect((await attempt(receipt.locator, challenge, signature)).status).toBe(201);
  });

  it('counts only paid attempts towards the global limit, and none per locator', async () => {
    const limited = await startIntake({ config: { rateLimits: { sessionGlobalPerWindow: 2 } } });
    try {
      const { receipt: wb } = await submittedWhistleblower(limited.url);
      const call = (body: unknown) => postJson(`${limited.url}/api/v1/session`, body);
      for (let i = 0; i < 20; i++) {
        const c = await postJson(`${limited.url}/api/v1/session/challenge`, {
          locator: wb.locator,
        });
        expect(c.status).toBe(200);
        expect(
          (await call({ locator: wb.locator, challenge: 'x', signature: 'y', pow: {} })).status,
        ).toBe(400);
      }
      const paid = async () => {
        const c = await postJson(`${limited.url}/api/v1/session/challenge`, {
          locator: wb.locator,
        });
        const { challenge } = (await c.json()) as { challenge: string };
        return call({
          locator: wb.locator,
          challenge,
          signature: wb.sign(challenge),
          pow: await solvedPow(limited.url),
        });
      };
      expect((await paid()).status).toBe(201);
      expect((await paid()).status).toBe(201);
      await expectProblem(await paid(), 429, 'rateLimited');
      limited.clock.advance(61_000);
      expect((await paid()).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
