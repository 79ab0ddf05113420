/**
 * SECURITY.md, "Staff side", tried on EVERY route the desk app has (read from its router, so a
 * route added later is swept too, and must be classified below or this file fails):
 * - CSRF: a state-changing request without `X-Integrity-Desk: 1`, from another Origin, or marked
 *   `Sec-Fetch-Site: cross-site` is refused (403), and a body that is not JSON is refused (415);
 * - Concurrency: every command on an existing stream needs If-Match (428 without it);
 * - Authorization: every report route refuses a caller who is not a current recipient of the
 *   report's channel (administrators included) and anyone signed out;
 * - Errors: every refusal is an RFC 9457 problem with one of the fixed titles, and no input
 *   (body, query, header) comes back in it or reaches the log;
 * and nothing of any refused request is written. Real HTTP server on a loopback port, real
 * SQLite event store and read-model files.
 */
import type { EventStore } from '@integrity-desk/eventstore';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems } from '../src/http/problem.ts';
import {
  enrolAccount,
  signedList,
  submitReport,
  type Account,
  type Reply,
  type World,
} from './harness.ts';
import { deskOnDisk, type DeskOnDisk } from './deployment-on-disk.ts';

const CANARY = `canary-${randomUUID()}`;
const titles = new Set<string>(Object.values(problems).map((p) => p.title));

/**
 * Routes that change state without naming a revision, each with why: they create a stream
 * (`no_stream`), act on the caller's own session or account (enrolment, sign-in, password change:
 * the server reads the revision itself), or read only.
 */
const noIfMatch = new Map<string, string>([
  ['POST /api/setup', 'creates the deployment stream (no_stream)'],
  ['POST /api/enrolment', "the invited account's own enrolment, with its one-time code"],
  ['POST /api/enrolment/totp', "the account's own TOTP confirmation, with its one-time code"],
  ['POST /api/enrolment/totp-reset', "the account's own re-enrolment, with its one-time code"],
  ['POST /api/session/kdf', 'reads only'],
  ['POST /api/session', 'sign-in'],
  ['DELETE /api/session', 'sign-out'],
  ['POST /api/session/vault', "the caller's own password change, with the current login secret"],
  ['POST /api/session/key-proof', "the caller's own key possession proof (a retry writes nothing)"],
  ['POST /api/session/key-alarm', "the caller's own key mismatch alarm, for the audit log"],
  ['POST /api/investigators', 'creates an account stream (no_stream)'],
  ['POST /api/channels', 'creates a channel stream (no_stream)'],
  [
    'PUT /api/account/notifications',
    "the caller's own notification settings (last writer wins: settings, not casework)",
  ],
  ['PUT /api/notifications/default', 'the deployment default notification mode (last writer wins)'],
  [
    'POST /api/statistics/published',
    'appends a new snapshot to the statistics stream; it changes nothing published before',
  ],
  [
    'POST /api/reports/:reportId/exports',
    "appends the caller's export record to the report's access stream, never the report's",
  ],
  [
    'POST /api/cases/exports',
    "appends the caller's case list export record to their own exports stream; no report moves",
  ],
  [
    'POST /api/deployment/key-shares',
    'a sealed copy of the current key: one made across a rotation names another key and is refused',
  ],
  [
    'POST /api/deployment/rotation',
    'the signed transition names its sequence, checked against the stream the append is made on',
  ],
]);

let disk: DeskOnDisk;
let w: World;
let store: EventStore;
let reportId: string;
/** An administrator who is not a recipient (the world's admin is made one below). */
let outsiderAdmin: Account;
let routes: string[];
beforeAll(async () => {
  disk = await deskOnDisk('idesk-sweep-');
  ({ store, w } = disk);
  outsiderAdmin = await enrolAccount(w.desk, w.admin, 'root2', 'administrator');
  // The admin becomes a recipient, so that the purge route reaches its If-Match check.
  const list = signedList(w.desk, w.channelId, 2, [w.alice, w.bob, w.admin]);
  const pub = await w.desk.call('POST', `/api/channels/${w.channelId}/recipients`, {
    cookie: w.admin.cookie,
    ifMatch: '"1"',
    body: { recipientList: list },
  });
  expect(pub.status).toBe(200);
  reportId = await submitReport(w);
  routes = w.desk.routes();
}, 120_000);
afterAll(() => disk?.close());

const concrete = (route: string) =>
  route
    .replace(':reportId', reportId)
    .replace(':evidenceId', randomUUID())
    .replace(':name', 'inbox')
    .replace(
      ':id',
      route.includes('/channels/')
        ? w.channelId
        : route.includes('/investigators/')
          ? w.alice.investigatorId
          : randomUUID(),
    );
const split = (route: string) => {
  const [method, path] = route.split(' ') as [string, string];
  return { method, path: `${concrete(path)}?q=${CANARY}` };
};
const writes = (route: string) => !route.startsWith('GET ');
const eventCount = async () => (await store.readAll()).length;

/** A problem answer: the status, a fixed title, no echo of anything the request carried. */
function expectCleanProblem(r: Reply, status: number | number[], what: string): void {
  const allowed = Array.isArray(status) ? status : [status];
  expect(allowed, `${what}: status ${r.status}`).toContain(r.status);
  expect(r.headers.get('content-type'), what).toContain('application/problem+json');
  expect(titles.has(r.body['title'] as string), `${what}: title ${String(r.body['title'])}`).toBe(
    true,
  );
  expect(JSON.stringify(r.body), what).not.toContain(CANARY);
}

const body = { canary: CANARY };
const echo = { 'x-canary': CANARY };

describe('the route table', () => {
  it('is what this sweep knows: every write is either a command or named above', () => {
    expect(routes.length).toBeGreaterThan(20);
    const writing = routes.filter(writes);
    expect(writing.length).toBeGreaterThan(15);
    for (const route of noIfMatch.keys()) expect(routes, route).toContain(route);
  });
});

describe('CSRF rules of every state-changing route', () => {
  it('refuse a request without the custom header, from another origin or site, or not JSON; nothing is written', async () => {
    const before = await eventCount();
    for (const route of routes.filter(writes)) {
      const { method, path } = split(route);
      const cookie = w.admin.cookie;
      const attempts: [string, Reply][] = [
        ['no header', await w.desk.call(method, path, { cookie, body, csrf: false })],
        [
          'foreign Origin',
          await w.desk.call(method, path, {
            cookie,
            body,
            headers: { origin: 'https://evil.example', ...echo },
          }),
        ],
        [
          'cross-site fetch',
          await w.desk.call(method, path, {
            cookie,
            body,
            headers: { 'sec-fetch-site': 'cross-site', ...echo },
          }),
        ],
        [
          'same-site, other subdomain',
          await w.desk.call(method, path, {
            cookie,
            body,
            headers: { 'sec-fetch-site': 'same-site', ...echo },
          }),
        ],
      ];
      for (const [what, r] of attempts) expectCleanProblem(r, 403, `${route} ${what}`);
      if (method !== 'DELETE') {
        const form = await w.desk.call(method, path, {
          cookie,
          body: `canary=${CANARY}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...echo },
        });
        expectCleanProblem(form, 415, `${route} form body`);
        const text = await w.desk.call(method, path, {
          cookie,
          body: CANARY,
          headers: { 'content-type': 'text/plain', ...echo },
        });
        expectCleanProblem(text, 415, `${route} text body`);
      }
    }
    await w.desk.settle();
    expect(await eventCount()).toBe(before);
  });
});

describe('If-Match on every command', () => {
  it('a command without If-Match gets 428, one with a malformed one 400; nothing is written', async () => {
    const before = await eventCount();
    const commands = routes.filter((r) => writes(r) && !noIfMatch.has(r));
    expect(commands.length).toBeGreaterThan(10);
    for (const route of commands) {
      const { method, path } = split(route);
      // The admin is a recipient and an administrator: no other check comes first.
      const cookie = w.admin.cookie;
      expectCleanProblem(
        await w.desk.call(method, path, { cookie, body, headers: echo }),
        428,
        `${route} without If-Match`,
      );
      expectCleanProblem(
        await w.desk.call(method, path, { cookie, body, ifMatch: `"${CANARY}"`, headers: echo }),
        400,
        `${route} with a malformed If-Match`,
      );
    }
    await w.desk.settle();
    expect(await eventCount()).toBe(before);
  });
});

describe('authorization on every report route', () => {
  it('refuses the signed out (401), a non-recipient and an administrator who is none (403); nothing is written', async () => {
    const before = await eventCount();
    const reportRoutes = routes.filter((r) => r.includes(':reportId'));
    expect(reportRoutes.length).toBeGreaterThan(8);
    const revision = `"${(await store.readStream(`report-${reportId}`)).length - 1}"`;
    for (const route of reportRoutes) {
      const { method, path } = split(route);
      const withBody = method === 'GET' ? {} : { body };
      expectCleanProblem(
        await w.desk.call(method, path, { ...withBody, ifMatch: revision, headers: echo }),
        401,
        `${route} signed out`,
      );
      for (const [who, account] of [
        ['non-recipient', w.mallory],
        ['administrator who is no recipient', outsiderAdmin],
      ] as const) {
        const r = await w.desk.call(method, path, {
          cookie: account.cookie,
          ...withBody,
          ifMatch: revision,
          headers: echo,
        });
        expectCleanProblem(r, 403, `${route} as ${who}`);
      }
    }
    await w.desk.settle();
    expect(await eventCount()).toBe(before);
  });

  it('the queues never list the report to those callers, while a recipient sees it', async () => {
    const inbox = async (account: Account) =>
      w.desk.call('GET', '/api/queues/inbox', { cookie: account.cookie });
    const seen = await inbox(w.alice);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).toContain(reportId);
    for (const account of [w.mallory, outsiderAdmin]) {
      const r = await inbox(account);
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).not.toContain(reportId);
    }
  });
});

describe('what the log kept of all that', () => {
  it('holds no input of any refused request', () => {
    expect(w.desk.logs.join('\n')).not.toContain(CANARY);
  });
});
