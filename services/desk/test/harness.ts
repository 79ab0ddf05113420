import { createMemoryEventStore, type EventStore } from '@integrity-desk/eventstore';
import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  loadBackend,
  createLoginVerifier,
  generateDeploymentKey,
  proveKeyPossession,
  sealDeploymentKey,
  signDeploymentKeyTransition,
  signRecipientList,
  TEST_ONLY_CHEAP_PARAMS,
  type BoxKeyPair,
  type CryptoBackend,
  type RecipientList,
  type SigningKeyPair,
} from '@integrity-desk/protocol';
import {
  allProjections,
  createProjectionRunner,
  createReportPurger,
  type ErasableBlobs,
  findReportByLocator,
  handleReportCommand,
  investigatorStream,
  type ProjectionRunner,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fakeAttachmentHeader,
  fakeB64,
  fakeEnrolledKeys,
  fakeMessageEnvelope,
  fakeSignKey,
  fakeSubmissionEnvelope,
  fakeVault,
} from '../../reports/src/shared/fixtures.ts';
import {
  channels,
  startIntake,
  testClock,
  type Harness as IntakeHarness,
} from '../../intake/src/test-support/harness.ts';
import type { BlobStore } from '../../intake/src/evidence/blob-store.ts';
import { createDeskApp } from '../src/app.ts';
import type { DeskConfig, DeskDeps, EvidenceBlobs } from '../src/deps.ts';
import { totpCode } from '../src/auth/totp.ts';

export const ORIGIN = 'http://desk.test';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** An account's vault key pairs: real, so recipient lists the desk checks can name them. */
export interface AccountKeys {
  box: BoxKeyPair;
  sign: SigningKeyPair;
}

export interface Account {
  investigatorId: string;
  handle: string;
  loginSecret: string;
  totpSecret: string;
  cookie: string;
  keys: AccountKeys;
}

export interface Desk {
  store: EventStore;
  db: Database.Database;
  runner: ProjectionRunner;
  backend: CryptoBackend;
  /** The deployment signing key setupAdmin announces (its seed signs recipient lists). */
  deployment: SigningKeyPair;
  clock: { now: Date };
  logs: string[];
  setupToken: string | undefined;
  /** http://127.0.0.1:<port>, for requests whose answer is not JSON. */
  base: string;
  call(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      cookie?: string;
      ifMatch?: string;
      csrf?: boolean;
      headers?: Record<string, string>;
    },
  ): Promise<Reply>;
  /** A fresh TOTP code: moves the clock to the next 30 s step, since a code works once. */
  code(secret: string): string;
  settle(): Promise<void>;
  /** Every route of the app as `METHOD /path/:param`, read from its router. */
  routes(): string[];
  close(): Promise<void>;
}

export interface DeskOptions {
  blobStore?: EvidenceBlobs;
  /** Where purges erase evidence; with it the desk gets a purger over its store and runner. */
  erasableBlobs?: ErasableBlobs;
  config?: Partial<DeskConfig>;
  /** Default: a memory store and an in-memory read-model database. */
  store?: EventStore;
  db?: Database.Database;
  /** False for a store that is set up already (no setup token will come). */
  expectSetup?: boolean;
  /** Default: the libsodium backend; the server passes the Node backend (`createNodeBackend`). */
  cryptoBackend?: CryptoBackend;
  /** What `/readyz` reports (default: always ready). */
  readiness?: DeskDeps['readiness'];
  /**
   * Serves the app on a loopback port (default `app.listen`); the server's tests put the desk
   * pages handler and the production listener in front, as `npm start` does.
   */
  serve?: (app: RequestListener) => Promise<Server>;
  /** Where the desk's clock starts (default 2026-05-04T08:00Z); the e2e stories start it now. */
  startAt?: Date;
}

export async function startDesk(options: DeskOptions = {}): Promise<Desk> {
  const store = options.store ?? createMemoryEventStore();
  const db = options.db ?? new Database(':memory:');
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.start();
  const clock = { now: options.startAt ?? new Date('2026-05-04T08:00:00.000Z') };
  const backend = await loadBackend();
  const logs: string[] = [];
  let setupToken: string | undefined;
  let announced!: () => void;
  const ready = new Promise<void>((r) => (announced = r));
  const app = createDeskApp({
    store,
    readModels: db,
    clock: { now: () => clock.now },
    ids: { uuid: () => randomUUID(), bytes: (n) => randomBytes(n) },
    logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    config: {
      origin: ORIGIN,
      onSetupToken: (t) => {
        setupToken = t;
        announced();
      },
      loginVerifierParams: TEST_ONLY_CHEAP_PARAMS,
      serverKey: randomBytes(32),
      ...options.config,
    },
    cryptoBackend: options.cryptoBackend ?? backend,
    ...(options.blobStore && { blobStore: options.blobStore }),
    ...(options.readiness && { readiness: options.readiness }),
    ...(options.erasableBlobs && {
      purger: createReportPurger({
        store,
        readModels: db,
        blobs: options.erasableBlobs,
        clock: { now: () => clock.now },
        ids: { uuid: () => randomUUID() },
        waitForProjections: (position) => runner.waitFor(position),
      }),
    }),
  });
  if (options.expectSetup !== false) await ready;
  const server: Server = options.serve
    ? await options.serve(app)
    : await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const desk: Desk = {
    store,
    db,
    runner,
    backend,
    deployment: generateSigningKeyPair(backend),
    clock,
    logs,
    base,
    get setupToken() {
      return setupToken;
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.csrf !== false) headers['x-integrity-desk'] = '1';
      if (options.cookie) headers['cookie'] = options.cookie;
      if (options.ifMatch) headers['if-match'] = options.ifMatch;
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(base + path, {
        method,
        headers,
        ...(options.body !== undefined && {
          body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
        }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
    },
    code(secret) {
      clock.now = new Date(clock.now.getTime() + 30_000);
      return totpCode(secret, clock.now);
    },
    async settle() {
      const all = await store.readAll();
      const last = all.at(-1);
      if (last) await runner.waitFor(last.position);
    },
    routes() {
      return routeTable(app);
    },
    async close() {
      await new Promise((r) => server.close(r));
      await runner.stop();
      db.close();
    },
  };
  return desk;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** Express 5's router stack, walked one level into each mounted router (as createDeskApp mounts them). */
function routeTable(app: ReturnType<typeof createDeskApp>): string[] {
  const out: string[] = [];
  const walk = (stack: RouterLayer[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
          out.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack);
  return out;
}

export const loginSecret = () => fakeB64(32, randomUUID());
const cookieOf = (reply: Reply) => (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

export const newAccountKeys = (desk: Desk): AccountKeys => ({
  box: generateBoxKeyPair(desk.backend),
  sign: generateSigningKeyPair(desk.backend),
});

/** A vault of the right shape around these public keys (the desk never opens a vault). */
export const vaultFor = (investigatorId: string, keys: AccountKeys) => ({
  ...fakeVault(investigatorId),
  boxPublicKey: keys.box.publicKey,
  signPublicKey: keys.sign.publicKey,
});

/** The possession proof enrolment asks for (SECURITY.md, Protocol step 10). */
export const keyProofFor = (desk: Desk, investigatorId: string, keys: AccountKeys) =>
  proveKeyPossession(desk.backend, {
    investigatorId,
    boxSecretKey: keys.box.secretKey,
    signSeed: keys.sign.seed,
  });

/**
 * A recipient list naming these accounts' enrolled keys, signed with `seed` (default: the
 * deployment's); with a `referralMode`, a v2 list that signs it (Protocol step 11).
 */
export function signedList(
  desk: Desk,
  channelId: string,
  version: number,
  accounts: readonly Pick<Account, 'investigatorId' | 'keys'>[],
  seed: Uint8Array = desk.deployment.seed,
  referralMode?: 'consent' | 'inform',
): RecipientList {
  return signRecipientList(
    desk.backend,
    {
      channelId,
      version,
      ...(referralMode && { referralMode }),
      recipients: accounts.map((a) => ({
        recipientId: a.investigatorId,
        boxPublicKey: a.keys.box.publicKey,
        signPublicKey: a.keys.sign.publicKey,
      })),
    },
    seed,
  );
}

export async function login(desk: Desk, a: Omit<Account, 'cookie'>): Promise<Account> {
  await desk.settle();
  const r = await desk.call('POST', '/api/session', {
    body: { handle: a.handle, loginSecret: a.loginSecret, totp: desk.code(a.totpSecret) },
  });
  if (r.status !== 201) throw new Error(`login failed: ${r.status}`);
  return { ...a, cookie: cookieOf(r) };
}

/** A first-run setup request: the deployment key sealed to the first administrator's box key. */
export function setupBody(desk: Desk, investigatorId: string, keys: AccountKeys, secret: string) {
  return {
    setupToken: desk.setupToken,
    deploymentSignPublicKey: desk.deployment.publicKey,
    deploymentKey: sealDeploymentKey(desk.backend, {
      seed: desk.deployment.seed,
      administratorId: investigatorId,
      boxPublicKey: keys.box.publicKey,
    }),
    administrator: {
      investigatorId,
      handle: 'admin',
      loginSecret: secret,
      vault: vaultFor(investigatorId, keys),
      keyProof: keyProofFor(desk, investigatorId, keys),
    },
  };
}

/** First-run setup through the API, returning the signed-in administrator. */
export async function setupAdmin(desk: Desk): Promise<Account> {
  const investigatorId = randomUUID();
  const secret = loginSecret();
  const keys = newAccountKeys(desk);
  const r = await desk.call('POST', '/api/setup', {
    body: setupBody(desk, investigatorId, keys, secret),
  });
  if (r.status !== 201) throw new Error(`setup failed: ${r.status}`);
  const totp = r.body['totp'] as { secret: string };
  const c = await desk.call('POST', '/api/enrolment/totp', {
    body: { investigatorId, enrolmentCode: r.body['enrolmentCode'], code: desk.code(totp.secret) },
  });
  if (c.status !== 204) throw new Error(`totp failed: ${c.status}`);
  return login(desk, {
    investigatorId,
    handle: 'admin',
    loginSecret: secret,
    totpSecret: totp.secret,
    keys,
  });
}

export async function enrolAccount(
  desk: Desk,
  admin: Account,
  handle: string,
  role: 'administrator' | 'investigator' = 'investigator',
): Promise<Account> {
  const invite = await desk.call('POST', '/api/investigators', {
    cookie: admin.cookie,
    body: { handle, role },
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
  const investigatorId = invite.body['investigatorId'] as string;
  const enrolmentCode = invite.body['enrolmentCode'] as string;
  const secret = loginSecret();
  const keys = newAccountKeys(desk);
  const e = await desk.call('POST', '/api/enrolment', {
    body: {
      investigatorId,
      enrolmentCode,
      loginSecret: secret,
      vault: vaultFor(investigatorId, keys),
      keyProof: keyProofFor(desk, investigatorId, keys),
    },
  });
  if (e.status !== 201) throw new Error(`enrol failed: ${e.status}`);
  const totpSecret = (e.body['totp'] as { secret: string }).secret;
  const c = await desk.call('POST', '/api/enrolment/totp', {
    body: { investigatorId, enrolmentCode, code: desk.code(totpSecret) },
  });
  if (c.status !== 204) throw new Error(`totp failed: ${c.status}`);
  return login(desk, { investigatorId, handle, loginSecret: secret, totpSecret, keys });
}

export interface World {
  desk: Desk;
  admin: Account;
  alice: Account;
  bob: Account;
  mallory: Account;
  channelId: string;
  /** The harness's helpers bound to this world's desk (and, for submitReport, its channel). */
  signedList(...args: DropFirst<Parameters<typeof signedList>>): RecipientList;
  publishList(...args: DropFirst<Parameters<typeof publishList>>): Promise<Reply>;
  streamLength(stream: string): Promise<number>;
  submitReport(): Promise<string>;
  sealDeploymentKey(
    ...args: DropFirst<Parameters<typeof sealDeploymentKeyFor>>
  ): ReturnType<typeof sealDeploymentKeyFor>;
  shareDeploymentKey(...args: DropFirst<Parameters<typeof shareDeploymentKey>>): Promise<Reply>;
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

/** An admin, a channel whose recipients are alice and bob, and mallory, who is not one. */
export async function world(options: DeskOptions = {}): Promise<World> {
  const desk = await startDesk(options);
  const admin = await setupAdmin(desk);
  const alice = await enrolAccount(desk, admin, 'alice');
  const bob = await enrolAccount(desk, admin, 'bob');
  const mallory = await enrolAccount(desk, admin, 'mallory');
  const { channelId } = await addChannel(desk, admin, 'Procurement watch', [alice, bob]);
  const w: World = {
    desk,
    admin,
    alice,
    bob,
    mallory,
    channelId,
    signedList: (...args) => signedList(desk, ...args),
    publishList: (...args) => publishList(desk, ...args),
    streamLength: (stream) => streamLength(desk.store, stream),
    submitReport: () => submitReport(w),
    sealDeploymentKey: (...args) => sealDeploymentKeyFor(desk, ...args),
    shareDeploymentKey: (...args) => shareDeploymentKey(desk, ...args),
  };
  return w;
}

/** A new channel whose first signed recipient list names these accounts; projected. */
export async function addChannel(
  desk: Desk,
  admin: Account,
  name: string,
  recipients: readonly Account[],
): Promise<{ channelId: string; list: RecipientList }> {
  const ch = await desk.call('POST', '/api/channels', { cookie: admin.cookie, body: { name } });
  const channelId = ch.body['channelId'] as string;
  const list = signedList(desk, channelId, 1, recipients);
  const pub = await publishList(desk, admin, channelId, list);
  if (pub.status !== 200) throw new Error(`recipients failed: ${pub.status}`);
  await desk.settle();
  return { channelId, list };
}

/** `by` posts `recipientList` for the channel, If-Match the channel stream's current revision. */
export async function publishList(
  desk: Desk,
  by: Account,
  channelId: string,
  recipientList: unknown,
): Promise<Reply> {
  const revision = (await streamLength(desk.store, `channel-${channelId}`)) - 1;
  return desk.call('POST', `/api/channels/${channelId}/recipients`, {
    cookie: by.cookie,
    ifMatch: `"${revision}"`,
    body: { recipientList },
  });
}

/**
 * An account the world's admin enrols for the enclosing describe (or spec file), after the world
 * is built (call it after `worldForSuite`). Filled in place, like the world.
 */
export function accountForSuite(
  w: World,
  handle: string,
  role?: 'administrator' | 'investigator',
): Account {
  const account = {} as Account;
  beforeAll(async () => {
    Object.assign(account, await enrolAccount(w.desk, w.admin, handle, role));
  });
  return account;
}

/**
 * A world for the enclosing describe (or spec file): built before its tests run, its desk
 * closed after them. The object is filled in place, so the tests read it as they run.
 */
export function worldForSuite(options: DeskOptions = {}): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await world(options));
  });
  afterAll(() => w.desk?.close());
  return w;
}

type ReportCommand = Parameters<typeof handleReportCommand>[2];

/** A report command as intake runs it for the whistleblower, at the desk's clock. */
function asWhistleblower(w: World, reportId: string, command: Omit<ReportCommand, 'metadata'>) {
  return handleReportCommand(w.desk.store, reportId, {
    ...command,
    metadata: { now: w.desk.clock.now, eventId: randomUUID(), actor: { kind: 'whistleblower' } },
  } as ReportCommand);
}

/** What intake does on a submission: a report in `channelId`, wrapped to alice and bob. */
export async function submitReport(w: World): Promise<string> {
  const reportId = randomUUID();
  const envelope = fakeSubmissionEnvelope(reportId, w.channelId);
  envelope.recipients = [w.alice, w.bob].map((a) => ({
    recipientId: a.investigatorId,
    wrappedKey: fakeB64(80, a.handle),
  }));
  await asWhistleblower(w, reportId, {
    type: 'SubmitReport',
    data: { reportId, channelId: w.channelId, envelope },
  });
  await w.desk.settle();
  return reportId;
}

/** What intake does once a blob is stored: EvidenceAdded on the report; returns the evidence id. */
export async function addEvidence(
  w: World,
  reportId: string,
  blobId: string,
  paddedSize: number,
): Promise<string> {
  const evidenceId = randomUUID();
  await asWhistleblower(w, reportId, {
    type: 'AddEvidence',
    data: {
      reportId,
      evidenceId,
      blobId,
      paddedSize,
      header: fakeAttachmentHeader(reportId, evidenceId),
    },
  });
  return evidenceId;
}

/** What intake does on a whistleblower's reply: MessagePosted on the report; returns its id. */
export async function whistleblowerReply(w: World, reportId: string): Promise<string> {
  const messageId = randomUUID();
  await asWhistleblower(w, reportId, {
    type: 'PostMessage',
    data: {
      reportId,
      messageId,
      envelope: fakeMessageEnvelope(reportId, messageId, 'whistleblower', {
        authorKey: fakeSignKey(reportId),
      }),
    },
  });
  await w.desk.settle();
  return messageId;
}

export async function streamLength(store: EventStore, stream: string): Promise<number> {
  return (await store.readStream(stream)).length;
}

/** The administrator deactivates `account`, at the revision it reads first. */
export async function deactivateAccount(desk: Desk, admin: Account, account: Account) {
  const path = `/api/investigators/${account.investigatorId}`;
  const current = await desk.call('GET', path, { cookie: admin.cookie });
  return desk.call('POST', `${path}/deactivate`, {
    cookie: admin.cookie,
    ifMatch: current.headers.get('etag') ?? '',
    body: {},
  });
}

/** `account` redeems a TOTP reset code on the re-enrolment page, with their login secret. */
export function redeemTotpReset(desk: Desk, account: Account, enrolmentCode: string) {
  return desk.call('POST', '/api/enrolment/totp-reset', {
    body: {
      investigatorId: account.investigatorId,
      enrolmentCode,
      loginSecret: account.loginSecret,
    },
  });
}

/** An RFC 9457 problem answer with this status and a title. */
export function expectProblem(r: Reply, status: number): void {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body['status']).toBe(status);
  expect(typeof r.body['title']).toBe('string');
}

/**
 * What an earlier version of the desk wrote for an invited investigator who enrolled and
 * confirmed TOTP: no key proof, the TOTP secret in plain. Appended after the invitation, then
 * projected; returns the vault enrolled.
 */
export async function appendLegacyEnrolment(
  desk: Desk,
  investigatorId: string,
  loginSecret: string,
  totpSecret: string,
) {
  const keys = fakeEnrolledKeys(investigatorId);
  await desk.store.append(
    investigatorStream(investigatorId),
    [
      {
        id: randomUUID(),
        type: 'InvestigatorEnrolled',
        data: {
          investigatorId,
          ...keys,
          loginVerifier: await createLoginVerifier(
            await loadBackend(),
            loginSecret,
            TEST_ONLY_CHEAP_PARAMS,
          ),
          totpSecret,
          enrolledAt: desk.clock.now.toISOString(),
        },
      },
      {
        id: randomUUID(),
        type: 'InvestigatorTotpConfirmed',
        data: { investigatorId, confirmedAt: desk.clock.now.toISOString() },
      },
    ],
    { expectedRevision: 0n },
  );
  await desk.settle();
  return keys.vault;
}

/**
 * An account invited now whose enrolment an earlier desk wrote (appendLegacyEnrolment): returns
 * what its owner signs in with.
 */
export async function inviteLegacyAccount(desk: Desk, admin: Account, handle: string) {
  const invite = await desk.call('POST', '/api/investigators', {
    cookie: admin.cookie,
    body: { handle, role: 'investigator' },
  });
  expect(invite.status).toBe(201);
  const investigatorId = invite.body['investigatorId'] as string;
  const secret = loginSecret();
  const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const vault = await appendLegacyEnrolment(desk, investigatorId, secret, totpSecret);
  return { investigatorId, handle, loginSecret: secret, totpSecret, vault };
}

/** An administrator's browser rotates: the current seed signs the transition to a new key. */
/** The deployment key (`seed`, the desk's by default) sealed to an administrator's box key. */
export const sealDeploymentKeyFor = (
  desk: Desk,
  to: Pick<Account, 'investigatorId' | 'keys'>,
  seed: Uint8Array = desk.deployment.seed,
) =>
  sealDeploymentKey(desk.backend, {
    seed,
    administratorId: to.investigatorId,
    boxPublicKey: to.keys.box.publicKey,
  });

/** `by` posts a share of the deployment key (`POST /api/deployment/key-shares`). */
export const shareDeploymentKey = (desk: Desk, by: Account, sealedKey: unknown) =>
  desk.call('POST', '/api/deployment/key-shares', { cookie: by.cookie, body: { sealedKey } });

export async function rotateDeploymentKey(
  desk: Desk,
  admin: Account,
  currentSeed: Uint8Array,
  sequence = 1,
) {
  const next = generateDeploymentKey(desk.backend);
  const r = await desk.call('POST', '/api/deployment/rotation', {
    cookie: admin.cookie,
    body: {
      transition: signDeploymentKeyTransition(desk.backend, {
        sequence,
        previousSeed: currentSeed,
        nextPublicKey: next.publicKey,
      }),
      sealedKey: sealDeploymentKey(desk.backend, {
        seed: next.seed,
        administratorId: admin.investigatorId,
        boxPublicKey: admin.keys.box.publicKey,
      }),
    },
  });
  expect(r.status).toBe(201);
  return next;
}

/**
 * Intake beside a desk world, as one deployment runs them: the same event store, blob store and
 * read models (whistleblowers sign in through the locator projection), taking reports for the
 * world's channel.
 */
export function startIntakeBeside(
  w: World,
  shared: {
    store: EventStore;
    db: Database.Database;
    blobStore: BlobStore;
    clock?: ReturnType<typeof testClock>;
  },
): Promise<IntakeHarness> {
  return startIntake({
    store: shared.store,
    blobStore: shared.blobStore,
    ...(shared.clock && { clock: shared.clock }),
    deps: {
      listChannels: async () => [{ ...channels[0]!, id: w.channelId }],
      findReportByLocator: async (locator) => findReportByLocator(shared.db, locator),
    },
  });
}
