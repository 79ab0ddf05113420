import {
  TEST_ONLY_CHEAP_PARAMS,
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  generateReceipt,
  sealAttachment,
  sealMessage,
  sealReport,
  signSessionChallenge,
  unlockVaultWithPassword,
  type RecipientList,
} from '@integrity-desk/protocol';
import { createNodeBackend } from '@integrity-desk/protocol/node';
import { createSharedState } from '@integrity-desk/shared-state';
import { createRedisStore } from '@integrity-desk/shared-state/redis';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvePow } from '@integrity-desk/intake';
import {
  attachmentCiphertextSize,
  SESSION_CONTEXT,
} from '../../intake/src/http-domain/protocol.ts';
import { seedDemo } from '../src/demo/seed.ts';

/**
 * Two intake and two desk processes (`ROLE=intake`, `ROLE=desk`, each its own `npm start`) on one
 * DATA_DIR and one Redis, every request sent to one of them at random, as a load balancer does.
 * Redis is reached through a TCP relay in this test, so that it can be cut and the processes
 * seen failing closed.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const REDIS = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
/** A database of its own: the key scan below reads everything in it. */
const DB = 9;

function reachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: REDIS.hostname, port: Number(REDIS.port || 6379) });
    s.setTimeout(1_000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('timeout', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(false));
  });
}
const redisHere = await reachable();
if (!redisHere)
  console.warn(
    `skipped: the multi-process tests need Redis at ${REDIS.host} (set REDIS_URL, or run: redis-server --port 6379 --save "" --appendonly no)`,
  );

/** A relay to Redis that can be cut (every connection dropped, new ones refused) and restored. */
async function relay(): Promise<{ port: number; cut(): void; restore(): void; close(): void }> {
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = createConnection({ host: REDIS.hostname, port: Number(REDIS.port || 6379) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

interface Proc {
  url: string;
  lines: string[];
  child: ChildProcess;
}

async function startProcess(role: 'intake' | 'desk', env: NodeJS.ProcessEnv): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, ROLE: role, INTAKE_PORT: '0', DESK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  createInterface({ input: child.stderr! }).on('line', (l) => lines.push(l));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const line = lines.find((l) => l.startsWith(`${role} `) && l.includes(' listening on '));
    if (line) return { url: line.split(' listening on ')[1]!, lines, child };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${role} did not start:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const problemType = async (res: Response) =>
  `${res.status} ${((await res.json()) as { type?: string }).type?.split('/').at(-1)}`;

describe.skipIf(!redisHere)('two intake and two desk processes behind one address', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idesk-multi-'));
  const procs: Proc[] = [];
  let intakes: string[] = [];
  let desks: string[] = [];
  let redis: Awaited<ReturnType<typeof relay>>;
  let inspect: Redis;
  const backend = createNodeBackend();
  /** What must never reach Redis, collected as the story makes it. */
  const secrets: string[] = ['127.0.0.1', '::1', 'CANARY-REPORT-TEXT'];

  beforeAll(async () => {
    inspect = new Redis(`redis://${REDIS.host}/${DB}`);
    await inspect.flushdb();
    redis = await relay();
    const env = {
      DATA_DIR: dataDir,
      REDIS_URL: `redis://127.0.0.1:${redis.port}/${DB}`,
      FRONTEND_REBUILD: 'off',
      LOG_LEVEL: 'warn',
    };
    const started = await Promise.all([
      ...[1, 2].map((n) =>
        startProcess('desk', { ...env, READ_MODELS_FILE: join(dataDir, `desk-${n}.sqlite`) }),
      ),
      ...[1, 2].map((n) =>
        startProcess('intake', { ...env, READ_MODELS_FILE: join(dataDir, `intake-${n}.sqlite`) }),
      ),
    ]);
    procs.push(...started);
    desks = started.slice(0, 2).map((p) => p.url);
    intakes = started.slice(2).map((p) => p.url);
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(
      procs.map((p) => p.child.exitCode ?? new Promise((r) => p.child.once('exit', r))),
    );
    redis?.close();
    await inspect?.flushdb();
    inspect?.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the whole story works whichever process answers; what is spent or used on one is refused on the other; then Redis holds nothing that identifies anyone, and a cut Redis is a 503, no crash', async () => {
    const b = await backend;
    // Setup on one desk with its own token; every desk shares the deployment through the log.
    const tokenLine = procs[0]!.lines.find((l) => l.includes('setup token'))!;
    const demo = await seedDemo(desks[0]!, tokenLine.split(' ').at(-1)!, b);
    secrets.push(demo.handle, demo.password, demo.totpSecret);

    // --- Desk: sign in on one, the session works on both; the code is refused on the other.
    const kdfDesk = pick(desks);
    const kdf = (await (
      await post(`${kdfDesk}/api/session/kdf`, { handle: demo.handle }, deskHeaders(kdfDesk))
    ).json()) as Parameters<typeof unlockVaultWithPassword>[1];
    const { loginSecret } = await unlockVaultWithPassword(b, kdf, demo.password);
    // The seed used the steps up to now; a code of the next step is within the drift.
    const code = new TOTP({ secret: demo.totpSecret }).generate({
      timestamp: demo.firstCodeAt.getTime(),
    });
    const [first, second] = Math.random() < 0.5 ? desks : [...desks].reverse();
    const signIn = await post(
      `${first}/api/session`,
      { handle: demo.handle, loginSecret, totp: code },
      deskHeaders(first!),
    );
    expect(signIn.status, await signIn.clone().text()).toBe(201);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    secrets.push(cookie.split('=')[1]!);
    const me = (await signIn.json()) as { investigatorId: string };
    secrets.push(me.investigatorId);
    for (const desk of desks)
      expect((await fetch(`${desk}/api/session`, { headers: { cookie } })).status, desk).toBe(200);
    const replayed = await post(
      `${second}/api/session`,
      { handle: demo.handle, loginSecret, totp: code },
      deskHeaders(second!),
    );
    expect(await problemType(replayed)).toBe('401 loginFailed');

    // --- Intake: a report submitted to one process, paid with a challenge another issued.
    // Each process keeps its own read models: the one asked may not have read the channel the
    // desk just published yet (CI saw none once), so ask until the intake asked lists it.
    type Deployment = {
      channels: { id: string; recipients: RecipientList }[];
      crypto: { receiptKdf: { salt: string } };
    };
    let info: Deployment | undefined;
    for (let tries = 0; !info?.channels.length; tries++) {
      if (tries > 100) throw new Error('no intake process listed the channel within 10 s');
      if (tries) await new Promise((r) => setTimeout(r, 100));
      info = (await (await fetch(`${pick(intakes)}/api/v1/deployment`)).json()) as Deployment;
    }
    const channel = info.channels[0]!;
    const receipt = generateReceipt(b);
    secrets.push(receipt);
    const keys = await deriveReceiptKeys(b, {
      receipt,
      version: RECEIPT_KDF_CURRENT,
      salt: info.crypto.receiptKdf.salt,
      params: TEST_ONLY_CHEAP_PARAMS,
    });
    secrets.push(keys.locator);
    const reportId = randomUUID();
    secrets.push(reportId);
    const sealed = sealReport(b, {
      reportId,
      channelId: channel.id,
      answers: { what: 'CANARY-REPORT-TEXT' },
      recipients: channel.recipients.recipients,
      recipientListVersion: channel.recipients.version,
      whistleblower: keys,
    });
    const [intakeA, intakeB] = Math.random() < 0.5 ? intakes : [...intakes].reverse();
    const pow = await solvedPow(intakeB!);
    const submitted = await post(`${intakeA}/api/v1/reports`, { envelope: sealed.envelope, pow });
    expect(submitted.status, await submitted.clone().text()).toBe(201);
    // The same challenge for other content, on the other process: spent.
    const other = sealReport(b, {
      reportId: randomUUID(),
      channelId: channel.id,
      answers: { what: 'another' },
      recipients: channel.recipients.recipients,
      recipientListVersion: channel.recipients.version,
      whistleblower: keys,
    });
    expect(
      await problemType(await post(`${intakeB}/api/v1/reports`, { envelope: other.envelope, pow })),
    ).toBe('403 powReplayed');

    // --- A receipt session opened on one answers on the other; its challenge is spent on both.
    const opened = await openSession(intakes, keys, b);
    secrets.push(opened.token);
    const auth = { authorization: `Bearer ${opened.token}` };
    for (const intake of intakes) {
      const view = await fetch(`${intake}/api/v1/case`, { headers: auth });
      expect(view.status, intake).toBe(200);
    }
    const again = await post(`${pick(intakes)}/api/v1/session`, {
      locator: keys.locator,
      challenge: opened.challenge,
      signature: signSessionChallenge(b, keys, opened.challenge, SESSION_CONTEXT),
      pow: await solvedPow(pick(intakes)),
    });
    expect(await problemType(again)).toBe('401 sessionRefused');

    // --- Evidence quotas hold across both: upload starts racing to either process together
    // admit no more bytes than a report may hold (each start is checked under one lock).
    const MiB = 1024 * 1024;
    const files = Array.from(
      { length: 8 },
      () =>
        sealAttachment(b, {
          reportKey: sealed.reportKey,
          reportId,
          attachmentId: randomUUID(),
          metadata: { name: 'evidence.bin', type: 'application/octet-stream', size: 30 * MiB },
          source: [],
        }).header,
    );
    const fileBytes = attachmentCiphertextSize(files[0]!);
    const fit = Math.floor((100 * MiB) / fileBytes);
    expect(fit).toBeLessThan(files.length);
    const starts = await Promise.all(
      files.map((header, i) =>
        post(
          `${intakes[i % 2]}/api/v1/case/evidence`,
          { evidenceId: header.attachmentId, size: attachmentCiphertextSize(header), header },
          auth,
        ),
      ),
    );
    const admitted = await Promise.all(
      starts.map(async (res) => (res.status === 201 ? '201' : await problemType(res))),
    );
    expect(admitted.sort()).toEqual([
      ...Array<string>(fit).fill('201'),
      ...Array<string>(files.length - fit).fill('413 quotaExceeded'),
    ]);

    // --- Rate limits count across both: the test reads and fills the counters as a process
    // would (it holds the shared key), then each process refuses.
    const sharedKey = readFileSync(join(dataDir, 'secrets', 'shared-state.key'));
    const store = await createRedisStore({ url: `redis://${REDIS.host}/${DB}` });
    const limits = createSharedState(store, sharedKey).namespace('intake-limit');
    // Two paid submissions so far (one refused as replayed paid nothing), from both processes.
    expect(await limits.incr('submit', 60_000, 0)).toBe(1);
    expect(await limits.incr('session', 60_000, 0)).toBeGreaterThanOrEqual(1);
    const message = (n: number) => {
      const messageId = randomUUID();
      const envelope = sealMessage(b, {
        reportKey: sealed.reportKey,
        reportId,
        messageId,
        authorRole: 'whistleblower',
        authorSignSeed: keys.signSeed,
        sequence: n,
        body: 'CANARY-REPORT-TEXT follow-up',
      });
      return { messageId, envelope };
    };
    expect((await post(`${intakes[0]}/api/v1/case/messages`, message(0), auth)).status).toBe(201);
    expect((await post(`${intakes[1]}/api/v1/case/messages`, message(1), auth)).status).toBe(201);
    // The eight evidence starts above and these two messages.
    expect(await limits.incr(`report:${reportId}`, 60_000, 0)).toBe(files.length + 2);
    await limits.incr(`report:${reportId}`, 60_000, 598 - files.length);
    for (const intake of intakes)
      expect(
        await problemType(await post(`${intake}/api/v1/case/messages`, message(2), auth)),
      ).toBe('429 rateLimited');
    await store.close();

    // --- What Redis holds: opaque keys with expiries, sealed values or counts; nothing above.
    const keysInRedis = await inspect.keys('*');
    expect(keysInRedis.length).toBeGreaterThan(5);
    for (const key of keysInRedis) {
      expect(key).toMatch(/^idesk:[a-z-]+:[A-Za-z0-9_-]{43}$/);
      // Nothing durable: every entry expires, none later than 30 days (a session generation).
      const ttl = await inspect.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(30 * 24 * 60 * 60_000);
      const value = (await inspect.get(key))!;
      // A plain count, or sealed: nonce, ciphertext and tag (at least 28 bytes) in base64url.
      expect(value, key).toMatch(/^(-?\d{1,15}|[A-Za-z0-9_-]{38,})$/);
      for (const secret of secrets) {
        expect(key).not.toContain(secret);
        expect(value).not.toContain(secret);
        expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain(secret);
      }
    }

    // --- Redis away: guards fail closed with a problem, no process crashes; back, all works.
    redis.cut();
    const refusals = await Promise.all([
      fetch(`${pick(intakes)}/api/v1/case`, { headers: auth }),
      post(`${pick(intakes)}/api/v1/reports`, {
        envelope: other.envelope,
        pow: await solvedPow(pick(intakes)).catch(() => ({ challenge: 'x', solution: '1' })),
      }),
      fetch(`${pick(desks)}/api/session`, { headers: { cookie } }),
      post(
        `${desks[0]}/api/session`,
        { handle: demo.handle, loginSecret, totp: code },
        deskHeaders(desks[0]!),
      ),
    ]);
    const answers = await Promise.all(refusals.map(problemType));
    expect(answers.slice(0, 2).every((a) => a.startsWith('503 ') || a.startsWith('403 '))).toBe(
      true,
    );
    expect(answers[0]).toBe('503 unavailable');
    expect(answers[2]).toBe('503 stateUnavailable');
    expect(answers[3]).toBe('503 stateUnavailable');
    for (const p of procs) expect(p.child.exitCode, p.lines.join('\n')).toBeNull();
    expect(procs.some((p) => p.lines.some((l) => l.includes('Redis unreachable')))).toBe(true);
    redis.restore();
    const deadline = Date.now() + 15_000;
    let back = 0;
    while (Date.now() < deadline) {
      back = (await fetch(`${pick(intakes)}/api/v1/case`, { headers: auth })).status;
      if (back === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(200);
  }, 240_000);
});

/** What the desk's pages send on every POST (CSRF checks): its own origin. */
function deskHeaders(desk: string): Record<string, string> {
  return { 'x-integrity-desk': '1', origin: desk };
}

async function solvedPow(intake: string): Promise<{ challenge: string; solution: string }> {
  const { challenge } = (await (await fetch(`${intake}/api/v1/pow`)).json()) as {
    challenge: string;
  };
  return { challenge, solution: solvePow(challenge) };
}

/**
 * Opens a receipt session on a random process, the challenge from another; retried while the
 * answering process's read model has not yet followed the log to the new report.
 */
async function openSession(
  intakes: readonly string[],
  keys: Awaited<ReturnType<typeof deriveReceiptKeys>>,
  b: Awaited<ReturnType<typeof createNodeBackend>>,
): Promise<{ token: string; challenge: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const c = await post(`${pick(intakes)}/api/v1/session/challenge`, { locator: keys.locator });
    const { challenge } = (await c.json()) as { challenge: string };
    const res = await post(`${pick(intakes)}/api/v1/session`, {
      locator: keys.locator,
      challenge,
      signature: signSessionChallenge(b, keys, challenge, SESSION_CONTEXT),
      pow: await solvedPow(pick(intakes)),
    });
    if (res.status === 201)
      return { token: ((await res.json()) as { token: string }).token, challenge };
    if (Date.now() > deadline) throw new Error(`no session: ${await problemType(res)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
