/**
 * `npm run desk:recover` as the operator runs it: a real child process against a real SQLite
 * data directory, while the real desk app serves on a loopback port over the same files (the
 * desk test harness, which signs in with real TOTP codes). The person then finishes the reset
 * with their own login secret and a new authenticator, exactly as after an administrator's reset.
 */
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { investigatorStream, openReadModels } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  enrolAccount,
  login,
  setupAdmin,
  startDesk,
  type Account,
  type Desk,
} from '../../desk/test/harness.ts';
import { runTool, type ToolRun } from './support/run-tool.ts';

// Every run of the tool is a new Node process that loads it through tsx: 1-2 s on a quiet
// machine, several times that on a loaded CI machine, and some tests run it a few times.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** The tool as a real process, with the environment `npm start` would have. */
const recover = (dataDir: string, ...args: string[]) =>
  runTool('services/server/src/recover/main.ts', dataDir, args);

/** `<investigatorId>:<code>` for each line of the tool's output that carries one. */
const resetCodes = (stdout: string) =>
  [...stdout.matchAll(/([0-9a-f-]{36}):([A-Za-z0-9_-]{22})/g)].map((m) => ({
    investigatorId: m[1]!,
    enrolmentCode: m[2]!,
  }));

/** A data directory as `npm start` makes it, with its desk key; and a desk over it. */
function dataDir(prefix: string): { dir: string; keyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'secrets'), { mode: 0o700 });
  return { dir, keyFile: join(dir, 'secrets', 'desk.key') };
}
async function openDesk(dir: string, serverKey: Uint8Array, expectSetup: boolean) {
  const store = createSqliteEventStore({ file: join(dir, 'events.sqlite'), pollMs: 20 });
  const db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
  const desk = await startDesk({ store, db, config: { serverKey }, expectSetup });
  // The tool runs on the real clock; so does this desk, moved on by each TOTP code it makes.
  desk.clock.now = new Date();
  return { desk, store };
}

/** Every event of the log, to show that a refusal wrote nothing. */
const allEvents = async (store: EventStore) =>
  (await store.readAll()).map((e) => `${e.streamId}/${e.revision}/${e.type}`);

const signIn = (desk: Desk, a: Account, totpSecret: string) =>
  desk.call('POST', '/api/session', {
    body: { handle: a.handle, loginSecret: a.loginSecret, totp: desk.code(totpSecret) },
  });

/** What the person does on /desk/totp-reset: the code and their login secret, then a new app. */
async function finishReset(
  desk: Desk,
  a: Account,
  code: { investigatorId: string; enrolmentCode: string },
): Promise<string> {
  const bound = await desk.call('POST', '/api/enrolment/totp-reset', {
    body: { ...code, loginSecret: a.loginSecret },
  });
  expect(bound.status).toBe(201);
  const secret = (bound.body['totp'] as { secret: string }).secret;
  const confirmed = await desk.call('POST', '/api/enrolment/totp', {
    body: { ...code, code: desk.code(secret) },
  });
  expect(confirmed.status).toBe(204);
  return secret;
}

/** The reset codes and every spelling of them, in every file under the data directory. */
function codesInFiles(dir: string, codes: readonly string[]): string[] {
  const found: string[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const code of codes)
      for (const spelling of [
        code,
        Buffer.from(code, 'base64url').toString('hex'),
        Buffer.from(code, 'base64url').toString('base64'),
      ])
        if (bytes.includes(spelling)) found.push(`${spelling} in ${file}`);
  }
  return found;
}

describe('desk:recover totp-reset: the last administrator lost their authenticator', () => {
  let dir: string;
  let store: EventStore;
  let desk: Desk;
  let admin: Account;
  let bob: Account;
  let run: ToolRun;
  /** The administrator's new authenticator, once they finished the reset. */
  let adminTotp = '';

  beforeAll(async () => {
    const paths = dataDir('idesk-recover-');
    dir = paths.dir;
    const key = randomBytes(32);
    writeFileSync(paths.keyFile, key, { mode: 0o600 });
    ({ desk, store } = await openDesk(dir, key, true));
    admin = await setupAdmin(desk);
    bob = await enrolAccount(desk, admin, 'bob');
    await desk.settle();
    // The only administrator, whom no other administrator can reset.
    run = await recover(dir, 'totp-reset', 'admin');
  });
  afterAll(async () => {
    await desk?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resets them as an administrator would, by operator, ending their sessions', async () => {
    expect(run.stderr).not.toMatch(/failed|no account/);
    expect(run.code).toBe(0);
    const [code, ...more] = resetCodes(run.stdout);
    expect(more).toEqual([]);
    expect(code?.investigatorId).toBe(admin.investigatorId);
    const events = await store.readStream(investigatorStream(admin.investigatorId));
    expect(events.at(-1)).toMatchObject({
      type: 'InvestigatorTotpReset',
      data: { investigatorId: admin.investigatorId, by: 'operator' },
    });
    await expect
      .poll(async () => (await desk.call('GET', '/api/session', { cookie: admin.cookie })).status)
      .toBe(401);
    expect((await signIn(desk, admin, admin.totpSecret)).status).toBe(401);
  });

  it('the code alone binds nothing: it takes their login secret', async () => {
    const [code] = resetCodes(run.stdout);
    const intruder = await desk.call('POST', '/api/enrolment/totp-reset', {
      body: { ...code, loginSecret: bob.loginSecret },
    });
    expect(intruder.status).toBe(403);
  });

  it('they finish with their login secret and a new authenticator, and the old one is dead', async () => {
    const [code] = resetCodes(run.stdout);
    adminTotp = await finishReset(desk, admin, code!);
    const back = await login(desk, { ...admin, totpSecret: adminTotp });
    expect((await desk.call('GET', '/api/session', { cookie: back.cookie })).body).toMatchObject({
      handle: 'admin',
      role: 'administrator',
    });
    expect((await signIn(desk, admin, admin.totpSecret)).status).toBe(401);
    // The audit trail names the operator.
    await expect
      .poll(async () => {
        const audit = await desk.call('GET', '/api/audit?actor=operator', { cookie: back.cookie });
        return audit.body['items'];
      })
      .toEqual([
        expect.objectContaining({
          type: 'InvestigatorTotpReset',
          streamId: investigatorStream(admin.investigatorId),
          actor: 'operator',
        }),
      ]);
  });

  it('canary: the reset code is on standard output once, and in no file, log or error', async () => {
    const [code] = resetCodes(run.stdout);
    const text = `${code!.investigatorId}:${code!.enrolmentCode}`;
    expect(run.stdout.split(code!.enrolmentCode)).toHaveLength(2);
    expect(run.stdout).toContain(text);
    expect(run.stderr).not.toContain(code!.enrolmentCode);
    expect(desk.logs.join('\n')).not.toContain(code!.enrolmentCode);
    expect(codesInFiles(dir, [code!.enrolmentCode])).toEqual([]);
  });

  it('refuses an unknown handle, a deactivated account and wrong arguments, changing nothing', async () => {
    const admins = await login(desk, { ...admin, totpSecret: adminTotp });
    const account = await desk.call('GET', `/api/investigators/${bob.investigatorId}`, {
      cookie: admins.cookie,
    });
    const off = await desk.call('POST', `/api/investigators/${bob.investigatorId}/deactivate`, {
      cookie: admins.cookie,
      ifMatch: account.headers.get('etag') ?? '',
      body: {},
    });
    expect(off.status).toBe(200);
    const before = await allEvents(store);
    const refusals: [string[], RegExp][] = [
      [['totp-reset', 'nobody'], /no account has the handle "nobody"/],
      [['totp-reset', 'bob'], /"bob" is deactivated/],
      [['totp-reset', 'Not A Handle!'], /a handle is/],
      [[], /say what to do/],
      [['totp-reset'], /exactly one handle/],
      [['totp-reset', 'admin', 'bob'], /exactly one handle/],
      [['new-key', '--force'], /only --dry-run/],
      [['reset-everything'], /say what to do/],
    ];
    // Side by side: each is a process that compiles the tool first (seconds on a loaded machine).
    const runs = await Promise.all(refusals.map(([args]) => recover(dir, ...args)));
    for (const [i, [args, message]] of refusals.entries()) {
      const r = runs[i]!;
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    // A mistyped DATA_DIR: refused, and no empty log is made there.
    const elsewhere = join(dir, 'no-such-deployment');
    const r = await recover(elsewhere, 'totp-reset', 'admin');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no event log at/);
    expect(existsSync(elsewhere)).toBe(false);
    // Commits of another process reach this store by its poll (every 20 ms here): give one the
    // time to show up, had a refusal written anything.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await allEvents(store)).toEqual(before);
  });
});

describe('desk:recover new-key: the desk key was lost or replaced', () => {
  let dir: string;
  let keyFile: string;
  let store: EventStore;
  let desk: Desk;
  let admin: Account;
  let alice: Account;

  beforeAll(async () => {
    ({ dir, keyFile } = dataDir('idesk-rekey-'));
    const oldKey = randomBytes(32);
    writeFileSync(keyFile, oldKey, { mode: 0o600 });
    const first = await openDesk(dir, oldKey, true);
    admin = await setupAdmin(first.desk);
    alice = await enrolAccount(first.desk, admin, 'alice');
    await first.desk.settle();
    await first.desk.close();
    await first.store.close();
    // The operator replaces the key (as hex text, as `openssl rand -hex 32` writes it) and
    // restarts the desk with it.
    const newKey = randomBytes(32);
    writeFileSync(keyFile, `${newKey.toString('hex')}\n`, { mode: 0o600 });
    ({ desk, store } = await openDesk(dir, newKey, false));
    await desk.settle();
  });
  afterAll(async () => {
    await desk?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a secret sealed under the old key: the caller gets the fixed 401, the log says what to do', async () => {
    const wrongPassword = await desk.call('POST', '/api/session', {
      body: { handle: 'alice', loginSecret: admin.loginSecret, totp: desk.code(alice.totpSecret) },
    });
    const oldKey = await signIn(desk, alice, alice.totpSecret);
    expect(oldKey.status).toBe(401);
    expect(oldKey.body).toEqual(wrongPassword.body);
    const logs = desk.logs.join('\n');
    expect(logs).toContain('sealed under another server key');
    expect(logs).toContain('npm run desk:recover -- new-key');
    expect(logs).not.toContain('alice');
    expect(logs).not.toContain(alice.investigatorId);
    // The failed sign-in is recorded after the answer: let it land (in the log as a whole,
    // which serves only what is durable) before the next test's snapshot.
    await expect
      .poll(async () =>
        (await allEvents(store)).some((e) => e.endsWith('/InvestigatorSignInFailed')),
      )
      .toBe(true);
  });

  it('a dry run lists who would be reset and changes nothing', async () => {
    const before = await allEvents(store);
    const r = await recover(dir, 'new-key', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Would reset \(dry run, nothing changed\): admin, alice/);
    expect(resetCodes(r.stdout)).toEqual([]);
    expect(await allEvents(store)).toEqual(before);
  });

  it('resets everyone sealed under another key; each gets back in with their own password', async () => {
    const r = await recover(dir, 'new-key');
    expect(r.code).toBe(0);
    const codes = resetCodes(r.stdout);
    expect(codes.map((c) => c.investigatorId).sort()).toEqual(
      [admin.investigatorId, alice.investigatorId].sort(),
    );
    const alicesCode = codes.find((c) => c.investigatorId === alice.investigatorId)!;
    const secret = await finishReset(desk, alice, alicesCode);
    const back = await login(desk, { ...alice, totpSecret: secret });
    expect(back.cookie).toMatch(/^__Host-desk_session=/);
    expect((await signIn(desk, alice, alice.totpSecret)).status).toBe(401);
    // The new secret is sealed under the new key: this desk opens it, and so would a restart.
    const events = await store.readStream(investigatorStream(alice.investigatorId));
    const rebound = events.find((e) => e.type === 'InvestigatorTotpReenrolled');
    const keyId = /key id ([0-9a-f]{16})/.exec(r.stdout)?.[1];
    expect((rebound?.data as { sealedTotpSecret: { keyId: string } }).sealedTotpSecret.keyId).toBe(
      keyId,
    );
    // Canary: the codes are nowhere but on standard output.
    const all = codes.map((c) => c.enrolmentCode);
    expect(codesInFiles(dir, all)).toEqual([]);
    for (const c of all) {
      expect(desk.logs.join('\n')).not.toContain(c);
      expect(r.stderr).not.toContain(c);
    }
  });

  it('run again, it resets nobody twice', async () => {
    const before = await allEvents(store);
    const r = await recover(dir, 'new-key');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to reset');
    expect(await allEvents(store)).toEqual(before);
  });
});
