import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signedList, submitReport, world, type World } from './harness.ts';

let w: World;
beforeAll(async () => {
  w = await world({
    config: {
      caseFeed: { perInvestigator: 2, total: 10, pollMs: 20, heartbeatMs: 100, sessionCheckMs: 50 },
    },
  });
});
afterAll(() => w.desk.close());

/** An open event stream over real HTTP: what arrived so far, and whether it ended. */
async function feed(cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${w.desk.base}/api/cases/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  const state = {
    text: '',
    ended: false,
    status: res.status,
    type: res.headers.get('content-type'),
  };
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          state.text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
      state.ended = true;
    })();
  }
  return { state, close: () => controller.abort() };
}

const until = async (what: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('GET /api/cases/events', () => {
  it('tells a recipient that a case changed after a submission, with no content, and heartbeats', async () => {
    const f = await feed(w.alice.cookie);
    expect(f.state.status).toBe(200);
    expect(f.state.type).toContain('text/event-stream');
    const reportId = await submitReport(w);
    await until(() => f.state.text.includes(reportId));
    expect(f.state.text).toMatch(
      new RegExp(`event: case\\ndata: \\{"reportId":"${reportId}","position":\\d+\\}`),
    );
    expect(f.state.text).toContain('event: counts');
    await until(() => f.state.text.includes(': heartbeat'));
    f.close();
  });

  it("never tells an investigator about another channel's case", async () => {
    const other = await w.desk.call('POST', '/api/channels', {
      cookie: w.admin.cookie,
      body: { name: 'Elsewhere' },
    });
    const channelId = other.body['channelId'] as string;
    await w.desk.call('POST', `/api/channels/${channelId}/recipients`, {
      cookie: w.admin.cookie,
      ifMatch: '"0"',
      body: { recipientList: signedList(w.desk, channelId, 1, [w.mallory]) },
    });
    const alice = await feed(w.alice.cookie);
    const mallory = await feed(w.mallory.cookie);
    const foreign = await submitReport({ ...w, channelId });
    const own = await submitReport(w);
    await until(() => alice.state.text.includes(own) && mallory.state.text.includes(foreign));
    expect(alice.state.text).not.toContain(foreign);
    expect(mallory.state.text).not.toContain(own);
    alice.close();
    mallory.close();
  });

  it('answers HEAD with the headers and ends at once, holding no stream open', async () => {
    // A HEAD has no body to stream: left open, it hung its client until a timeout (the desk fuzz
    // saw two) and held one of the account's few streams.
    const heads = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${w.desk.base}/api/cases/events`, {
          method: 'HEAD',
          headers: { cookie: w.alice.cookie },
          signal: AbortSignal.timeout(3000),
        }),
      ),
    );
    for (const head of heads) {
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
    }
    const stream = await feed(w.alice.cookie);
    expect(stream.state.status).toBe(200);
    stream.close();
  });

  it('needs a session, limits connections per account, and ends when the session is signed out', async () => {
    expectProblem(await w.desk.call('GET', '/api/cases/events'), 401);
    const one = await feed(w.bob.cookie);
    const two = await feed(w.bob.cookie);
    const three = await w.desk.call('GET', '/api/cases/events', { cookie: w.bob.cookie });
    expectProblem(three, 429);
    two.close();
    expect(
      (await w.desk.call('DELETE', '/api/session', { cookie: w.bob.cookie })).status,
    ).toBeLessThan(300);
    await until(() => one.state.ended);
  });
});
