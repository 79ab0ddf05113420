/**
 * Notifications that say nothing (issue 14): the desk's notifier writes through nodemailer to a
 * real SMTP server on a loopback port (smtp-server, started here), and every message delivered
 * is read back and searched for what it must never carry: report ids, the channel's name and id,
 * content canaries. Settings go through the desk's HTTP routes; the clock is injected, so the
 * immediate, daily digest and fixed daily modes are each seen at their hour.
 */
import { NOTIFICATION_TEXTS, startNotifier, type Mailer } from '@integrity-desk/reports';
import { decrypt, generateKey, readMessage, readPrivateKey } from 'openpgp';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport, whistleblowerReply, world, type World } from '../../desk/test/harness.ts';
import { smtpMailer } from '../src/notifications/smtp.ts';
import { startSmtpSink, type Delivered, type SmtpSink } from './support/smtp-sink.ts';

let sink: SmtpSink;
let delivered: Delivered[] = [];
let port: number;
let w: World;
const CANARY = `canary-${randomUUID()}`;

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ delivered, port } = sink);
  w = await world();
}, 60_000);
afterAll(async () => {
  await w?.desk.close();
  await sink?.close();
});

const mailerTo = (p: number, requireTls = false) =>
  smtpMailer({
    host: '127.0.0.1',
    port: p,
    secure: false,
    requireTls,
    user: undefined,
    password: undefined,
    from: 'desk@example.org',
  });

describe('notifications that say nothing', () => {
  it('tells each investigator that there is work, in the mode they chose, and nothing else', async () => {
    const email = (name: string) => `${name}@staff.example.org`;
    const put = async (cookie: string, body: object, path = '/api/account/notifications') => {
      const r = await w.desk.call('PUT', path, { cookie, body });
      expect(r.status, path).toBe(204);
    };
    // Alice immediate, bob the default (set to digest by the administrator), the admin daily.
    await put(w.alice.cookie, { email: email('alice'), mode: 'immediate' });
    await put(w.bob.cookie, { email: email('bob'), mode: null });
    await put(w.admin.cookie, { mode: 'digest' }, '/api/notifications/default');
    await put(w.admin.cookie, { email: email('admin'), mode: 'daily' });
    // Bad input: a problem, nothing written.
    const bad = await w.desk.call('PUT', '/api/account/notifications', {
      cookie: w.bob.cookie,
      body: { email: CANARY, mode: 'hourly' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(CANARY);
    expect(
      (
        await w.desk.call('PUT', '/api/notifications/default', {
          cookie: w.bob.cookie,
          body: { mode: 'daily' },
        })
      ).status,
    ).toBe(403);

    const clock = { now: new Date('2026-03-02T05:00:00.000Z') };
    const state = new Database(':memory:');
    const errors: unknown[] = [];
    let mailer: Mailer = mailerTo(port);
    const notifier = () =>
      startNotifier({
        store: w.desk.store,
        readModels: w.desk.db,
        state,
        mailer: { send: (m) => mailer.send(m) },
        clock: { now: () => clock.now },
        subject: 'Desk notification',
        dailyHour: 7,
        intervalMs: 60_000,
        timers: { every: () => ({ stop: () => undefined }) },
        onError: (e) => errors.push(e),
      });
    const to = (from: number) =>
      delivered
        .slice(from)
        .flatMap((d) => d.to)
        .sort();

    // First run at 05:00: the log read to its end; the admin's first daily message only.
    let n = notifier();
    expect(await n.run()).toEqual({ sent: 1, failed: 0 });
    expect(to(0)).toEqual([email('admin')]);

    // A report arrives, and a whistleblower replies on it.
    const reportId = await submitReport(w);
    const messageId = await whistleblowerReply(w, reportId);
    let seen = delivered.length;
    clock.now = new Date('2026-03-02T05:10:00.000Z');
    expect(await n.run()).toEqual({ sent: 1, failed: 0 });
    expect(to(seen)).toEqual([email('alice')]); // immediate; bob waits for the digest

    // The mail server refuses: logged, retried, and the command path never saw it.
    const second = await submitReport(w);
    mailer = mailerTo(1); // nothing listens on port 1
    clock.now = new Date('2026-03-02T05:20:00.000Z');
    expect(await n.run()).toEqual({ sent: 0, failed: 1 });
    expect(errors).toHaveLength(1);
    mailer = mailerTo(port);
    seen = delivered.length;
    expect(await n.run()).toEqual({ sent: 1, failed: 0 });
    expect(to(seen)).toEqual([email('alice')]);

    // 07:00: bob's digest (work arrived), the admin's daily message; once a day, across a restart.
    clock.now = new Date('2026-03-02T07:00:00.000Z');
    seen = delivered.length;
    await n.run();
    expect(to(seen)).toEqual([email('admin'), email('bob')]);
    await n.stop();
    n = notifier();
    seen = delivered.length;
    clock.now = new Date('2026-03-02T12:00:00.000Z');
    expect(await n.run()).toEqual({ sent: 0, failed: 0 });

    // Next day, nothing arrived: the daily message all the same, no digest.
    clock.now = new Date('2026-03-03T07:30:00.000Z');
    expect(await n.run()).toEqual({ sent: 1, failed: 0 });
    expect(to(seen)).toEqual([email('admin')]);
    await n.stop();

    // What was delivered: two fixed texts; no id, no channel, no content, no minute.
    const forbidden = [
      reportId,
      second,
      w.channelId,
      'Procurement watch',
      CANARY,
      messageId,
      '05:10',
      '05:20',
    ];
    expect(delivered.length).toBe(6);
    for (const d of delivered)
      for (const secret of forbidden)
        expect(d.raw.toLowerCase()).not.toContain(secret.toLowerCase());
    // The Date header is coarsened to the hour (SECURITY.md, Notifications): sent at 05:10,
    // 05:20 and 07:30, every message says a whole hour.
    const dates = delivered.map((d) => {
      const header = /^Date: (.+)$/im.exec(d.raw)?.[1];
      expect(header, 'a Date header').toBeDefined();
      return new Date(header!);
    });
    expect(dates.every((d) => d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0)).toBe(true);
    expect(dates.map((d) => d.toISOString().slice(0, 13))).toContain('2026-03-03T07');
    const bodies = new Set(
      delivered.map((d) =>
        d.raw
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join('\n\n')
          .trim(),
      ),
    );
    expect(bodies.size).toBe(2);
    expect(errors.map((e) => String(e))).not.toContain(CANARY);
  }, 60_000);

  it('encrypts to the OpenPGP key an investigator registers, and refuses a key it cannot use', async () => {
    const { publicKey, privateKey } = await generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'mallory@staff.example.org' }],
      format: 'armored',
    });
    const refused = await w.desk.call('PUT', '/api/account/notifications', {
      cookie: w.mallory.cookie,
      body: { email: 'mallory@staff.example.org', mode: 'daily', pgpKey: `${CANARY}` },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).not.toContain(CANARY);
    const secret = await w.desk.call('PUT', '/api/account/notifications', {
      cookie: w.mallory.cookie,
      body: { email: 'mallory@staff.example.org', mode: 'daily', pgpKey: privateKey },
    });
    expect(secret.status).toBe(400);
    const ok = await w.desk.call('PUT', '/api/account/notifications', {
      cookie: w.mallory.cookie,
      body: { email: 'mallory@staff.example.org', mode: 'daily', pgpKey: publicKey },
    });
    expect(ok.status).toBe(204);

    const seen = delivered.length;
    const n = startNotifier({
      store: w.desk.store,
      readModels: w.desk.db,
      state: new Database(':memory:'),
      mailer: mailerTo(port),
      clock: { now: () => new Date('2026-03-05T08:00:00.000Z') },
      subject: 'Desk notification',
      dailyHour: 7,
      intervalMs: 60_000,
      timers: { every: () => ({ stop: () => undefined }) },
      onError: (e) => {
        throw e;
      },
    });
    await n.run();
    await n.stop();
    const mine = delivered.slice(seen).filter((d) => d.to.includes('mallory@staff.example.org'));
    expect(mine).toHaveLength(1);
    const raw = mine[0]!.raw;
    expect(raw).not.toContain('daily message');
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(
      raw.replaceAll('\r\n', '\n'),
    )?.[0];
    expect(armored).toBeDefined();
    const { data } = await decrypt({
      message: await readMessage({ armoredMessage: armored! }),
      decryptionKeys: await readPrivateKey({ armoredKey: privateKey }),
    });
    expect(data).toBe(NOTIFICATION_TEXTS.daily);
  }, 60_000);

  it('sends nothing in clear text when TLS is required and the server offers no STARTTLS', async () => {
    const before = delivered.length;
    const mailer = mailerTo(port, true);
    try {
      await expect(
        mailer.send({
          to: 'alice@staff.example.org',
          subject: 'Integrity Desk',
          text: 'There is work for you on the desk.',
          date: new Date('2026-12-05T10:00:00.000Z'),
        }),
      ).rejects.toThrow();
    } finally {
      mailer.close();
    }
    expect(delivered.length).toBe(before);
  });
});
