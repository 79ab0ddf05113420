import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { investigatorStream, openReadModels } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveDeskKeys } from '../src/auth/server-keys.ts';
import { openTotpSecret } from '../src/auth/totp-seal.ts';
import { totpCode } from '../src/auth/totp.ts';
import {
  enrolAccount,
  inviteLegacyAccount,
  setupAdmin,
  startDesk,
  type Account,
  type Desk,
} from './harness.ts';

/**
 * TOTP secrets at rest, on the real SQLite files: the event log and the read models hold the
 * sealed secret only, the desk's log lines never name it, and a desk without the same server
 * key cannot use it. Enrolments written before sealing (plain secret) still sign in.
 */
const serverKey = randomBytes(32);
let dir: string;
let store: EventStore;
let db: Database.Database;
let desk: Desk;
let admin: Account;
let alice: Account;

const streamOf = async (investigatorId: string) =>
  store.readStream(investigatorStream(investigatorId));

/** Every spelling of a base32 TOTP secret that could end up somewhere. */
function spellings(base32: string): string[] {
  const bytes = Buffer.from(Secret.fromBase32(base32).bytes);
  return [
    base32,
    base32.toLowerCase(),
    bytes.toString('hex'),
    bytes.toString('base64'),
    bytes.toString('base64url'),
  ];
}

/** The bytes of every file under the data directory (SQLite files, WAL, shared memory). */
const dataFiles = () =>
  readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-totp-'));
  store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
  db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
  desk = await startDesk({ store, db, config: { serverKey } });
  admin = await setupAdmin(desk);
  alice = await enrolAccount(desk, admin, 'alice');
  await desk.settle();
});
afterAll(async () => {
  await desk.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TOTP secrets at rest', () => {
  it('canary: no TOTP secret appears in the event file, the read models or the logs', async () => {
    // Both secrets are known: the desk showed them once, to the enrolling investigators.
    const secrets = [admin.totpSecret, alice.totpSecret];
    for (const s of secrets) expect(s).toMatch(/^[A-Z2-7]{32}$/);
    const files = dataFiles();
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['events.sqlite', 'read-models.sqlite']),
    );
    for (const secret of secrets)
      for (const spelling of spellings(secret)) {
        for (const f of files) expect(f.bytes.includes(spelling), f.name).toBe(false);
        expect(desk.logs.join('\n')).not.toContain(spelling);
      }
    // The canary can fail: the events do hold something, and it is the sealed form.
    const enrolled = (await streamOf(alice.investigatorId)).find(
      (e) => e.type === 'InvestigatorEnrolled',
    );
    const data = enrolled?.data as Record<string, unknown>;
    expect(data['totpSecret']).toBeUndefined();
    expect(data['sealedTotpSecret']).toMatchObject({ v: 1, alg: 'A256GCM' });
    expect(files.some((f) => f.bytes.includes(JSON.stringify(data['sealedTotpSecret'])))).toBe(
      true,
    );
  });

  it('the sealed secret opens with the server key, for its account and event only', async () => {
    const keys = deriveDeskKeys(serverKey);
    const enrolled = (await streamOf(alice.investigatorId)).find(
      (e) => e.type === 'InvestigatorEnrolled',
    );
    const sealed = (enrolled?.data as { sealedTotpSecret: never }).sealedTotpSecret;
    const atRest = { kind: 'sealed' as const, sealed, sealedIn: 'InvestigatorEnrolled' };
    expect(openTotpSecret(keys, alice.investigatorId, atRest)).toBe(alice.totpSecret);
    expect(() => openTotpSecret(keys, admin.investigatorId, atRest)).toThrow(/broken/);
    expect(() =>
      openTotpSecret(keys, alice.investigatorId, { ...atRest, sealedIn: 'InvestigatorTotpReset' }),
    ).toThrow(/broken/);
    expect(() =>
      openTotpSecret(deriveDeskKeys(randomBytes(32)), alice.investigatorId, atRest),
    ).toThrow(/another desk key/);
  });

  it('a desk with another server key cannot use the sealed secrets, and says why', async () => {
    const other = await startDesk({
      store,
      db: openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f)),
      config: { serverKey: randomBytes(32) },
      expectSetup: false,
    });
    try {
      await other.settle();
      other.clock.now = new Date(desk.clock.now.getTime() + 60_000);
      const r = await other.call('POST', '/api/session', {
        body: {
          handle: 'alice',
          loginSecret: alice.loginSecret,
          totp: totpCode(alice.totpSecret, other.clock.now),
        },
      });
      expect(r.status).toBe(401);
      expect(other.logs.join('\n')).toContain('sealed under another server key');
    } finally {
      await other.close();
    }
  });

  it('an enrolment written before sealing (plain secret) still signs in', async () => {
    // What an earlier version of the desk wrote.
    const legacy = await inviteLegacyAccount(desk, admin, 'legacy');
    const { loginSecret: secret, totpSecret: plainTotp } = legacy;
    const ok = await desk.call('POST', '/api/session', {
      body: { handle: 'legacy', loginSecret: secret, totp: desk.code(plainTotp) },
    });
    expect(ok.status).toBe(201);
    const wrong = await desk.call('POST', '/api/session', {
      body: { handle: 'legacy', loginSecret: secret, totp: '000000' },
    });
    expect(wrong.status).toBe(401);
  });
});
