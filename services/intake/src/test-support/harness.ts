/** Test helpers: a real intake server on 127.0.0.1, port 0, and a simulated whistleblower. */
import {
  createMemoryEventStore,
  StreamNotFoundError,
  type EventStore,
} from '@integrity-desk/eventstore';
import {
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  type ReceiptKdfVersion,
  generateBoxKeyPair,
  generateReceipt,
  generateSigningKeyPair,
  loadBackend,
  sealAttachment,
  sealMessage,
  sealReport,
  signRecipientList,
  signSessionChallenge,
  TEST_ONLY_CHEAP_PARAMS,
  type CryptoBackend,
} from '@integrity-desk/protocol';
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { createIntakeApp, type IntakeApp } from '../app.ts';
import type { IntakeConfigOverrides } from '../config.ts';
import type { Channel, IntakeDeps } from '../deps.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import { createMemoryBlobStore } from '../evidence/memory-blob-store.ts';
import { SESSION_CONTEXT } from '../http-domain/protocol.ts';
import { createIntakeLogger } from '../http/request-log.ts';
import { solvePow } from '../pow/pow.ts';

export const channelId = 'c0ffee00-0000-4000-8000-000000000001';
export const channels: Channel[] = [
  {
    id: channelId,
    name: 'Anti-Corruption Coalition',
    questionnaire: { q: [] },
    // Stands in for the signed list (the browser checks it; intake compares only its version).
    recipients: { version: 1, signed: 'x' },
  },
];

/** Test-only locator index: scans the log (the server uses the whistleblower-locators projection). */
export function locatorIndex(store: EventStore) {
  return async (locator: string) => {
    for (const e of await store.readAll()) {
      if (e.type !== 'ReportSubmitted') continue;
      const data = e.data as {
        reportId: string;
        envelope: { whistleblower: { locator: string; signPublicKey: string } };
      };
      const wb = data.envelope.whistleblower;
      if (wb.locator === locator)
        return { reportId: data.reportId, signPublicKey: wb.signPublicKey };
    }
    return undefined;
  };
}

export function testClock(start = Date.parse('2026-03-10T09:41:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** Timers a test fires by hand: `fire()` runs every scheduled task and waits for it. */
export function manualTimers() {
  const tasks = new Set<() => Promise<void>>();
  return {
    every(_intervalMs: number, task: () => Promise<void>) {
      tasks.add(task);
      return { stop: () => void tasks.delete(task) };
    },
    fire: async () => void (await Promise.all([...tasks].map((task) => task()))),
    scheduled: () => tasks.size,
  };
}

export const testConfig: IntakeConfigOverrides = {
  pow: { baseBits: 4, minBits: 2, maxBits: 12, normalRatePerMinute: 1_000 },
};

export interface Harness {
  readonly url: string;
  readonly app: IntakeApp;
  readonly store: EventStore;
  readonly blobStore: BlobStore;
  readonly clock: ReturnType<typeof testClock>;
  readonly logs: string[];
  close(): Promise<void>;
}

export async function startIntake(
  options: {
    store?: EventStore;
    blobStore?: BlobStore;
    clock?: ReturnType<typeof testClock>;
    config?: IntakeConfigOverrides;
    deps?: Partial<IntakeDeps>;
  } = {},
): Promise<Harness> {
  const store = options.store ?? createMemoryEventStore();
  const clock = options.clock ?? testClock();
  const blobStore = options.blobStore ?? createMemoryBlobStore({ clock });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = createIntakeApp({
    store,
    blobStore,
    clock,
    listChannels: async () => channels,
    findReportByLocator: locatorIndex(store),
    logger: createIntakeLogger(sink),
    config: { ...testConfig, ...options.config },
    ...options.deps,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    blobStore,
    clock,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await app.intake.close();
    },
  };
}

/** A channel's recipient with fresh keys of their own. */
export function newRecipient(b: CryptoBackend) {
  return { recipientId: randomUUID(), box: generateBoxKeyPair(b), sign: generateSigningKeyPair(b) };
}
export type Recipient = ReturnType<typeof newRecipient>;

/** A channel's recipient list naming `recipients`' public keys, signed by the deployment key. */
export function signedList(
  b: CryptoBackend,
  deploymentSeed: Uint8Array,
  channelId: string,
  recipients: readonly Recipient[],
  version = 1,
) {
  return signRecipientList(
    b,
    {
      channelId,
      version,
      recipients: recipients.map((r) => ({
        recipientId: r.recipientId,
        boxPublicKey: r.box.publicKey,
        signPublicKey: r.sign.publicKey,
      })),
    },
    deploymentSeed,
  );
}

export const SALT = 'AAAAAAAAAAAAAAAAAAAAAA'; // 16 zero bytes: the deployment's public receipt salt
let loadingBackend: Promise<CryptoBackend> | undefined;
export const testBackend = () => (loadingBackend ??= loadBackend());
let recipient: { recipientId: string; boxPublicKey: string; signPublicKey: string } | undefined;

/**
 * A simulated whistleblower's browser, with the real protocol: a receipt, keys derived from it
 * (with the protocol's explicit test-only cheap Argon2id parameters), sealing and signing.
 */
export async function makeReceipt(version: ReceiptKdfVersion = RECEIPT_KDF_CURRENT) {
  const b = await testBackend();
  recipient ??= {
    recipientId: randomUUID(),
    boxPublicKey: generateBoxKeyPair(b).publicKey,
    signPublicKey: generateSigningKeyPair(b).publicKey,
  };
  const receipt = generateReceipt(b);
  const keys = await deriveReceiptKeys(b, {
    receipt,
    version,
    salt: SALT,
    params: TEST_ONLY_CHEAP_PARAMS,
  });
  const reportKeys = new Map<string, Uint8Array>();
  const sequences = new Map<string, number>();
  return {
    /** The receipt itself (test data: a real whistleblower's never leaves their browser). */
    receipt,
    keys,
    locator: keys.locator,
    signPublicKey: keys.signPublicKey,
    sign: (challenge: string) => signSessionChallenge(b, keys, challenge, SESSION_CONTEXT),
    seal(
      text: string,
      reportId: string = randomUUID(),
      recipientListVersion = 1,
      channel: string = channelId,
    ) {
      const sealed = sealReport(b, {
        reportId,
        channelId: channel,
        answers: { what: text },
        recipients: [recipient!],
        recipientListVersion,
        whistleblower: keys,
      });
      reportKeys.set(reportId, sealed.reportKey);
      return sealed.envelope;
    },
    /** The next sequence of this receipt on the report, or `at` (which moves no counter). */
    message(reportId: string, body: string, messageId: string = randomUUID(), at?: number) {
      const sequence = at ?? sequences.get(reportId) ?? 0;
      if (at === undefined) sequences.set(reportId, sequence + 1);
      return sealMessage(b, {
        reportKey: reportKeys.get(reportId)!,
        reportId,
        messageId,
        authorRole: 'whistleblower',
        authorSignSeed: keys.signSeed,
        sequence,
        body,
      });
    },
    async attachment(reportId: string, bytes: Uint8Array, attachmentId: string = randomUUID()) {
      const sealed = sealAttachment(b, {
        reportKey: reportKeys.get(reportId)!,
        reportId,
        attachmentId,
        metadata: { name: 'evidence.pdf', type: 'application/pdf', size: bytes.length },
        source: [bytes],
      });
      const chunks: Uint8Array[] = [];
      for await (const chunk of sealed.chunks) chunks.push(chunk);
      return { attachmentId, header: sealed.header, ciphertext: Buffer.concat(chunks) };
    },
  };
}
export type Receipt = Awaited<ReturnType<typeof makeReceipt>>;

export function makeEnvelope(
  receipt: Receipt,
  text = 'the minister took a bribe',
  reportId: string = randomUUID(),
) {
  return receipt.seal(text, reportId);
}

export async function solvedPow(url: string) {
  const res = await fetch(`${url}/api/v1/pow`);
  const { challenge } = (await res.json()) as { challenge: string };
  return { challenge, solution: solvePow(challenge) };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function submit(
  url: string,
  envelope: unknown,
  pow?: { challenge: string; solution: string },
) {
  return postJson(`${url}/api/v1/reports`, { envelope, pow: pow ?? (await solvedPow(url)) });
}

export async function openSession(url: string, receipt: Receipt): Promise<string> {
  const res = await postJson(
    `${url}/api/v1/session`,
    await sessionRequest(url, receipt.locator, receipt),
  );
  if (res.status !== 201) throw new Error(`session refused: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A `POST /session` body: a fresh challenge for `locator`, signed by `signer`, PoW paid. */
export async function sessionRequest(url: string, locator: string, signer: Receipt) {
  const c = await postJson(`${url}/api/v1/session/challenge`, { locator });
  if (c.status !== 200) throw new Error(`session challenge refused: ${c.status}`);
  const { challenge } = (await c.json()) as { challenge: string };
  return { locator, challenge, signature: signer.sign(challenge), pow: await solvedPow(url) };
}

/** Everything the store holds, comparable before and after a refused request. */
export async function snapshot(store: EventStore): Promise<string> {
  const events = await store.readAll();
  return JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export async function streamLength(store: EventStore, stream: string): Promise<number> {
  try {
    return (await store.readStream(stream)).length;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return 0;
    throw error;
  }
}

export const sha256hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Asserts that `res` is the problem `kind` (RFC 9457: its status in the line and the body, its type
 * ending in `/kind`, served as application/problem+json) and returns it for further checks.
 */
export async function expectProblem(res: Response, status: number, kind: string) {
  const body = (await res.json()) as { type: string; status: number; title: string };
  expect({
    status: res.status,
    bodyStatus: body.status,
    kind: body.type.slice(body.type.lastIndexOf('/') + 1),
    problemJson: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'),
  }).toEqual({ status, bodyStatus: status, kind, problemJson: true });
  return { body, status: res.status };
}

/**
 * Asserts that `res` is the problem `kind` under its full type URL and that the request changed
 * nothing: the store holds what `before` (a `snapshot`) held.
 */
export async function expectRefused(
  res: Response,
  status: number,
  kind: string,
  store: EventStore,
  before: string,
) {
  const p = await expectProblem(res, status, kind);
  expect({ status: p.status, type: p.body.type }).toEqual({
    status,
    type: `https://integrity-desk.org/problems/${kind}`,
  });
  expect(await snapshot(store)).toBe(before);
}

/** A whistleblower whose report was acknowledged (201): their receipt and what they sent. */
export async function submittedWhistleblower(url: string, text?: string) {
  const receipt = await makeReceipt();
  const envelope = makeEnvelope(receipt, text);
  expect((await submit(url, envelope)).status).toBe(201);
  return { receipt, envelope, reportId: envelope.reportId };
}

/** A whistleblower whose report was acknowledged (201) and who then signed in to its case. */
export async function signedInWhistleblower(url: string) {
  const submitted = await submittedWhistleblower(url);
  const token = await openSession(url, submitted.receipt);
  return { ...submitted, token, auth: { authorization: `Bearer ${token}` } };
}

/**
 * An evidence upload begun through the API (answered 201): `put` sends the ciphertext's bytes
 * from `offset` to `end` at that offset, `received` asks the server how many it holds.
 */
export async function beginUpload(
  url: string,
  auth: Record<string, string>,
  file: { attachmentId: string; header: unknown; ciphertext: Uint8Array },
) {
  const at = `${url}/api/v1/case/evidence/${file.attachmentId}`;
  const begun = await postJson(
    `${url}/api/v1/case/evidence`,
    { evidenceId: file.attachmentId, size: file.ciphertext.length, header: file.header },
    auth,
  );
  expect(begun.status).toBe(201);
  return {
    url: at,
    put: (offset: number, end: number) =>
      fetch(`${at}?offset=${offset}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(file.ciphertext.subarray(offset, end)),
      }),
    received: async () =>
      ((await (await fetch(at, { headers: auth })).json()) as { received: number }).received,
  };
}
