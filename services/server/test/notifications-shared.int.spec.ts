/**
 * The notifier across several desk processes (issue 14: "a restart or a second process never
 * sends twice"). Every desk process on one DATA_DIR runs the notifier on the same state file
 * (DATA_DIR/notifications.sqlite), where each message is claimed by its derived id before it is
 * sent and recorded as sent after. Here, against a real SMTP server on loopback (smtp-server):
 * two notifier instances on one state file, each with its own connection, interleaved by hand
 * with an injected clock; a restart in the middle of a run; a process that died holding a claim;
 * a failed send, logged without content and retried; then two whole desk platforms started on
 * one DATA_DIR at once, without Redis and, where 127.0.0.1:6379 answers, with it.
 */
import { notificationsStream, startNotifier, type Mailer } from '@integrity-desk/reports';
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport, world, type World } from '../../desk/test/harness.ts';
import { fakeUuid } from '../../reports/src/shared/fixtures.ts';
import { loadConfig } from '../src/config.ts';
import { notifierFailureLine } from '../src/notifications/start.ts';
import { smtpMailer } from '../src/notifications/smtp.ts';
import { startPlatform } from '../src/platform.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';

let sink: SmtpSink;
let port: number;
const dir = mkdtempSync(join(tmpdir(), 'idesk-notify-shared-'));

beforeAll(async () => {
  sink = await startSmtpSink();
  port = sink.port;
});
afterAll(async () => {
  await sink?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every recipient address of every message received, in order. */
const received = () => sink.delivered.flatMap((d) => d.to);

const mailerTo = (p: number) =>
  smtpMailer({
    host: '127.0.0.1',
    port: p,
    secure: false,
    requireTls: false,
    user: undefined,
    password: undefined,
    from: 'desk@example.org',
  });

/** How many messages each address received since `from`, sorted by address. */
const tally = (from = 0) => {
  const counts: Record<string, number> = {};
  for (const to of received().slice(from)) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
};

async function until(check: () => boolean | Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

describe('one notification per message, whatever the number of desk processes', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);
  afterAll(() => w?.desk.close());

  it('two notifiers on one state file, a restart mid-run, a dead claim and a failure: each message once', async () => {
    const file = join(dir, 'notifications.sqlite');
    const email = (name: string) => `${name}@staff.example.org`;
    for (const [who, name] of [
      [w.alice, 'alice'],
      [w.bob, 'bob'],
    ] as const) {
      const r = await w.desk.call('PUT', '/api/account/notifications', {
        cookie: who.cookie,
        body: { email: email(name), mode: 'immediate' },
      });
      expect(r.status).toBe(204);
    }
    const clock = { now: new Date('2026-03-02T05:00:00.000Z') };
    const logged: string[] = [];
    const connections: Database.Database[] = [];
    /** A desk process's notifier: its own connection to the shared state file. */
    const notifier = (mailer: Mailer) => {
      const state = new Database(file);
      state.pragma('journal_mode = WAL');
      connections.push(state);
      return startNotifier({
        store: w.desk.store,
        readModels: w.desk.db,
        state,
        mailer,
        clock: { now: () => clock.now },
        subject: 'Desk notification',
        dailyHour: 7,
        intervalMs: 60_000,
        leaseMs: 10 * 60_000,
        timers: { every: () => ({ stop: () => undefined }) },
        onError: (e) => logged.push(notifierFailureLine(e)),
      });
    };
    const smtpOk = mailerTo(port);

    // Both start: the log is read once, history notifies nobody.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = 0;
    const a = notifier({
      async send(m) {
        // The first message A sends waits until B has had its run.
        if (held++ === 0) await gate;
        await smtpOk.send(m);
      },
    });
    const b = notifier(smtpOk);
    expect(await a.run()).toEqual({ sent: 0, failed: 0 });
    expect(await b.run()).toEqual({ sent: 0, failed: 0 });

    // A report: alice and bob each have work. A claims alice's message and stalls on it; B,
    // running meanwhile, finds it claimed and sends bob's; A then sends alice's, finds bob's sent.
    await submitReport(w);
    clock.now = new Date('2026-03-02T05:10:00.000Z');
    const aRun = a.run();
    await until(() => held === 1);
    expect(await b.run()).toEqual({ sent: 1, failed: 0 });
    release();
    expect(await aRun).toEqual({ sent: 1, failed: 0 });
    expect(tally()).toEqual({ [email('alice')]: 1, [email('bob')]: 1 });
    expect(await a.run()).toEqual({ sent: 0, failed: 0 });
    expect(await b.run()).toEqual({ sent: 0, failed: 0 });

    // A restart in the middle of a run: A stops after its first message of the next report; a
    // new process on the same file sends the other one only.
    await submitReport(w);
    clock.now = new Date('2026-03-02T05:20:00.000Z');
    let seen = received().length;
    let crash = () => Promise.resolve();
    const crashing = notifier({
      async send(m) {
        await smtpOk.send(m);
        void crash(); // stopped after its first message: the run ends there
      },
    });
    crash = () => crashing.stop();
    expect(await until(() => received().length === seen + 1)).toBe(true);
    await crashing.stop();
    expect(Object.values(tally(seen))).toEqual([1]);
    const restarted = notifier(smtpOk);
    expect(await restarted.run()).toEqual({ sent: 1, failed: 0 });
    expect(await b.run()).toEqual({ sent: 0, failed: 0 });
    expect(tally(seen)).toEqual({ [email('alice')]: 1, [email('bob')]: 1 });

    // A process that died holding a claim: the message waits for the lease, then another sends it.
    await submitReport(w);
    clock.now = new Date('2026-03-02T05:30:00.000Z');
    seen = received().length;
    const dying = notifier({ send: () => new Promise<never>(() => undefined) });
    void dying.run();
    await new Promise((r) => setTimeout(r, 200));
    expect(await restarted.run()).toEqual({ sent: 1, failed: 0 }); // the one not claimed
    expect(Object.values(tally(seen))).toEqual([1]);
    clock.now = new Date('2026-03-02T05:41:00.000Z'); // the lease (10 minutes) has run out
    expect(await restarted.run()).toEqual({ sent: 1, failed: 0 });
    expect(tally(seen)).toEqual({ [email('alice')]: 1, [email('bob')]: 1 });

    // The mail server refuses: logged by class only, retried at the next run, sent once.
    await submitReport(w);
    clock.now = new Date('2026-03-02T05:50:00.000Z');
    seen = received().length;
    const refused = notifier(mailerTo(1)); // nothing listens on port 1
    expect(await refused.run()).toEqual({ sent: 0, failed: 2 });
    expect(logged).toHaveLength(2);
    for (const line of logged) {
      expect(line).toMatch(/^notifications: a message could not be sent, retried \(\w+\)$/);
      expect(line).not.toContain('@');
    }
    expect(await restarted.run()).toEqual({ sent: 2, failed: 0 });
    expect(await refused.run()).toEqual({ sent: 0, failed: 0 });
    expect(tally(seen)).toEqual({ [email('alice')]: 1, [email('bob')]: 1 });

    await Promise.all([a, b, restarted, refused].map((n) => n.stop()));
    for (const c of connections) c.close();
    smtpOk.close();
  }, 60_000);
});

/** Whether a Redis answers on the loopback port the multi-process tests use. */
async function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
const redis = await redisAnswers();
if (!redis)
  console.warn(
    'notifications-shared: no Redis answers on 127.0.0.1:6379, the platform test with REDIS_URL is skipped',
  );

/** A DATA_DIR whose log holds one investigator in daily mode (due at any first run). */
async function seedDailyRecipient(dataDir: string, name: string): Promise<string> {
  const someone = fakeUuid(name);
  const address = `${name}@staff.example.org`;
  const seed = createSqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  await seed.append(notificationsStream(someone), [
    {
      id: randomUUID(),
      type: 'NotificationSettingsChanged',
      data: {
        investigatorId: someone,
        email: address,
        mode: 'daily',
        changedAt: new Date().toISOString(),
      },
    },
  ]);
  await seed.close();
  return address;
}

/** Desk process `n` on `dataDir`, mailing to the SMTP server on `smtpPort`. */
const deskConfig = (dataDir: string, n: number, smtpPort: number, env: Record<string, string>) =>
  loadConfig(
    {
      DATA_DIR: dataDir,
      ROLE: 'desk',
      DESK_PORT: '0',
      READ_MODELS_FILE: join(dataDir, `read-models-${n}.sqlite`),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_FROM: 'desk@example.org',
      ...env,
    },
    [],
  );

describe('two desk platforms on one DATA_DIR', () => {
  for (const withRedis of [false, true])
    it.skipIf(withRedis && !redis)(
      `send the day's message once, and not again after a restart of both${withRedis ? ' (REDIS_URL)' : ''}`,
      async () => {
        const dataDir = mkdtempSync(join(dir, 'platforms-'));
        const address = await seedDailyRecipient(dataDir, `someone-${String(withRedis)}`);
        const config = (n: number) =>
          deskConfig(dataDir, n, port, withRedis ? { REDIS_URL: 'redis://127.0.0.1:6379' } : {});
        const lines: string[] = [];
        const log = (l: string) => lines.push(l);
        const sent = () => received().filter((r) => r === address).length;
        const sends = () => {
          const db = new Database(join(dataDir, 'notifications.sqlite'), { readonly: true });
          try {
            return db.prepare(`SELECT state FROM notifier_sends`).all();
          } finally {
            db.close();
          }
        };
        for (let round = 0; round < 2; round++) {
          const platforms = await Promise.all([
            startPlatform(config(1), log),
            startPlatform(config(2), log),
          ]);
          try {
            expect(await until(() => sent() >= 1)).toBe(true);
            // Both processes have run (the record is there), and neither sent it again.
            expect(await until(() => sends().length === 1)).toBe(true);
            await new Promise((r) => setTimeout(r, 500));
            expect(sent()).toBe(1);
            expect(sends()).toEqual([{ state: 'sent' }]);
          } finally {
            await Promise.all(platforms.map((p) => p.stop()));
          }
        }
        expect(lines.filter((l) => l.includes('could not be sent'))).toEqual([]);
      },
      60_000,
    );

  it('log a refused send by its class only and count it for the operator', async () => {
    const dataDir = mkdtempSync(join(dir, 'refused-'));
    const address = await seedDailyRecipient(dataDir, 'refused');
    const lines: string[] = [];
    // Port 1: nothing listens there, every send is refused.
    const platform = await startPlatform(deskConfig(dataDir, 1, 1, { METRICS_PORT: '0' }), (l) =>
      lines.push(l),
    );
    try {
      const failures = () => lines.filter((l) => l.includes('could not be sent'));
      expect(await until(() => failures().length === 1)).toBe(true);
      expect(failures()[0]).toMatch(
        /^notifications: a message could not be sent, retried \(\w+\)$/,
      );
      const scrape = await (await fetch(`${platform.urls.metrics!}/metrics`)).text();
      expect(scrape).toMatch(/^integrity_desk_notification_failures_total 1$/m);
      for (const text of [...lines, scrape]) expect(text).not.toContain(address);
    } finally {
      await platform.stop();
    }
  });
});
