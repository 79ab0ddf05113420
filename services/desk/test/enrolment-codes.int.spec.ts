/**
 * SECURITY.md, "Staff side": an enrolment code (invitation) and a TOTP reset code are 128-bit,
 * one-time, stored as SHA-256 only and valid 72 hours. Tried over HTTP against a real server on
 * a loopback port and a real SQLite event store: a code past its 72 hours, a code used twice,
 * a code in the log.
 */
import type { EventStore } from '@integrity-desk/eventstore';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  keyProofFor,
  login,
  loginSecret,
  newAccountKeys,
  redeemTotpReset,
  streamLength,
  vaultFor,
  type Reply,
  type World,
} from './harness.ts';
import { deskOnDisk, type DeskOnDisk } from './deployment-on-disk.ts';

const HOUR = 3_600_000;
let disk: DeskOnDisk;
let dir: string;
let store: EventStore;
let w: World;
beforeAll(async () => {
  disk = await deskOnDisk('desk-codes-');
  ({ dir, store, w } = disk);
}, 60_000);
afterAll(() => disk?.close());

const later = (ms: number) => {
  w.desk.clock.now = new Date(w.desk.clock.now.getTime() + ms);
};

/** The administrator signs in again: a session does not outlive 30 idle minutes. */
const adminCookie = async () => (await login(w.desk, w.admin)).cookie;

async function invite(handle: string) {
  const r = await w.desk.call('POST', '/api/investigators', {
    cookie: await adminCookie(),
    body: { handle, role: 'investigator' },
  });
  expect(r.status).toBe(201);
  return {
    investigatorId: r.body['investigatorId'] as string,
    enrolmentCode: r.body['enrolmentCode'] as string,
  };
}

function enrolBody(investigatorId: string, enrolmentCode: string) {
  const keys = newAccountKeys(w.desk);
  return {
    investigatorId,
    enrolmentCode,
    loginSecret: loginSecret(),
    vault: vaultFor(investigatorId, keys),
    keyProof: keyProofFor(w.desk, investigatorId, keys),
  };
}

const enrol = (investigatorId: string, enrolmentCode: string) =>
  w.desk.call('POST', '/api/enrolment', { body: enrolBody(investigatorId, enrolmentCode) });

/** Each request is refused (403), in turn, and the account's stream does not grow. */
async function expectRefusedUnchanged(
  investigatorId: string,
  ...requests: (() => Promise<Reply>)[]
) {
  const stream = `investigator-${investigatorId}`;
  const before = await streamLength(store, stream);
  for (const request of requests) expectProblem(await request(), 403);
  expect(await streamLength(store, stream)).toBe(before);
}

/** Every byte the desk wrote under the data directory (database, WAL, read models). */
const written = () => Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));

describe('enrolment codes', () => {
  it('are 128 random bits, shown once and never written: only their SHA-256 is', async () => {
    const { enrolmentCode } = await invite('ivy');
    expect(Buffer.from(enrolmentCode, 'base64url')).toHaveLength(16);
    await w.desk.settle();
    expect(written().includes(Buffer.from(enrolmentCode))).toBe(false);
  });

  it('expire after 72 hours: refused, nothing written', async () => {
    const { investigatorId, enrolmentCode } = await invite('jon');
    later(72 * HOUR);
    await expectRefusedUnchanged(investigatorId, () => enrol(investigatorId, enrolmentCode));
  });

  it('work within 72 hours, once: a second enrolment or confirmation with it is refused', async () => {
    const { investigatorId, enrolmentCode } = await invite('kim');
    later(72 * HOUR - 60_000);
    const enrolled = await enrol(investigatorId, enrolmentCode);
    expect(enrolled.status).toBe(201);
    const secret = (enrolled.body['totp'] as { secret: string }).secret;
    const confirm = () =>
      w.desk.call('POST', '/api/enrolment/totp', {
        body: { investigatorId, enrolmentCode, code: w.desk.code(secret) },
      });
    expect((await confirm()).status).toBe(204);
    await expectRefusedUnchanged(
      investigatorId,
      () => enrol(investigatorId, enrolmentCode),
      confirm,
    );
  });
});

describe('TOTP reset codes', () => {
  it('expire after 72 hours and are never written', async () => {
    const cookie = await adminCookie();
    const account = await w.desk.call('GET', `/api/investigators/${w.bob.investigatorId}`, {
      cookie,
    });
    const reset = await w.desk.call(
      'POST',
      `/api/investigators/${w.bob.investigatorId}/totp-reset`,
      { cookie, ifMatch: account.headers.get('etag') ?? '', body: {} },
    );
    expect(reset.status).toBe(200);
    const code = (reset.body['enrolmentCode'] ?? reset.body['code']) as string;
    expect(Buffer.from(code, 'base64url')).toHaveLength(16);
    await w.desk.settle();
    expect(written().includes(Buffer.from(code))).toBe(false);
    later(72 * HOUR);
    await expectRefusedUnchanged(w.bob.investigatorId, () => redeemTotpReset(w.desk, w.bob, code));
  });
});
