/**
 * POST /session must not tell a known locator (with a wrong signature) from an unknown one by
 * its time (issue 13, finding 6; SECURITY.md, Public endpoints). Measured on the real parts a
 * deployment uses: intake on a loopback port, the locator looked up in the reports package's
 * SQLite read model (the projection runner keeps it), and a known report whose stream holds 20
 * messages besides (a lookup that read the stream would take longer with every message).
 *
 * The statistic has to hold on a noisy shared 2-core machine, so it compares the two groups
 * with each other, never with a clock: samples are taken in interleaved pairs (random order
 * within each pair, so drift and bursts of load hit both groups alike), and the bound is on
 * the Mann-Whitney effect size, AUC = P(known > unknown) + P(tie)/2, which is 0.5 when the
 * two take the same time and does not depend on how slow the machine is. The bound is
 * |AUC - 0.5| < 0.1 with n = 500 a group (the standard error under equal work is 0.018): the old
 * code, which read the report's stream for a known locator, was seen at 0.78 (medians 6.1 against
 * 1.3 ms); one indexed lookup for both, on a loaded machine, at 0.49 to 0.53. Medians are
 * printed beside it.
 */
import { createMemoryEventStore } from '@integrity-desk/eventstore';
import {
  allProjections,
  createProjectionRunner,
  findReportByLocator,
  type ProjectionRunner,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeReceipt,
  openSession,
  postJson,
  sessionRequest,
  startIntake,
  submittedWhistleblower,
  type Harness,
  type Receipt,
} from '../test-support/harness.ts';

const N = 500;
const MESSAGES = 200;

let h: Harness;
let db: Database.Database;
let runner: ProjectionRunner;
let owner: Receipt;
let stranger: Receipt;

beforeAll(async () => {
  const store = createMemoryEventStore();
  db = new Database(':memory:');
  runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.start();
  h = await startIntake({
    store,
    deps: { findReportByLocator: async (locator) => findReportByLocator(db, locator) },
    // Thousands of paid attempts in a minute: no difficulty rise, no limit in the way.
    config: {
      pow: { baseBits: 1, minBits: 1, maxBits: 1, normalRatePerMinute: 1e9 },
      rateLimits: { sessionGlobalPerWindow: 1e9 },
    },
  });
  const { receipt, envelope } = await submittedWhistleblower(h.url);
  owner = receipt;
  stranger = await makeReceipt();
  const settle = async () => runner.waitFor((await store.readAll()).at(-1)!.position);
  await settle();
  const token = await openSession(h.url, owner);
  for (let i = 0; i < MESSAGES; i++) {
    const messageId = randomUUID();
    const res = await postJson(
      `${h.url}/api/v1/case/messages`,
      { messageId, envelope: owner.message(envelope.reportId, `m${i}`, messageId) },
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(201);
  }
  await settle();
}, 60_000);

afterAll(async () => {
  await h.close();
  await runner.stop();
  db.close();
});

/** One refused attempt with a stranger's signature, timed from request to the answer's end. */
async function timedAttempt(locator: string): Promise<number> {
  const body = JSON.stringify(await sessionRequest(h.url, locator, stranger));
  const t0 = performance.now();
  const res = await fetch(`${h.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  const elapsed = performance.now() - t0;
  expect(res.status).toBe(401);
  return elapsed;
}

/** Mann-Whitney's U / (n1 n2): the chance that a sample of `a` is the larger (ties count half). */
function auc(a: number[], b: number[]): number {
  const all = [...a.map((v) => ({ v, g: 0 })), ...b.map((v) => ({ v, g: 1 }))].sort(
    (x, y) => x.v - y.v,
  );
  let rankSumA = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const rank = (i + 1 + j) / 2; // average rank of a run of ties
    for (let k = i; k < j; k++) if (all[k]!.g === 0) rankSumA += rank;
    i = j;
  }
  const u = rankSumA - (a.length * (a.length + 1)) / 2;
  return u / (a.length * b.length);
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

describe('receipt session timing', () => {
  it('a known locator with a wrong signature takes the same time as an unknown locator', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const fresh = () => randomBytes(32).toString('base64url');
    // Warm-up (JIT, statement cache, connections), not counted.
    for (let i = 0; i < 30; i++) {
      await timedAttempt(owner.locator);
      await timedAttempt(fresh());
    }
    for (let i = 0; i < N; i++) {
      if (Math.random() < 0.5) {
        known.push(await timedAttempt(owner.locator));
        unknown.push(await timedAttempt(fresh()));
      } else {
        unknown.push(await timedAttempt(fresh()));
        known.push(await timedAttempt(owner.locator));
      }
    }
    const effect = auc(known, unknown);
    const report = {
      n: N,
      auc: Number(effect.toFixed(3)),
      medianKnownMs: Number(median(known).toFixed(3)),
      medianUnknownMs: Number(median(unknown).toFixed(3)),
    };
    console.log('session timing', JSON.stringify(report));
    expect(Math.abs(effect - 0.5), JSON.stringify(report)).toBeLessThan(0.1);
  }, 300_000);
});
