// A real intake service (services/intake, in process, memory event store and blob store)
// serving the real front-end build on 127.0.0.1, port 0, beside a real desk (services/desk, on
// its own loopback port) over the same store, blobs and read models, as one deployment runs
// them. The desk is set up through its HTTP API from Node (the desk harness: the first
// administrator with the deployment key, an enrolled investigator, a channel with the stories'
// questionnaire and a recipient list signed by the deployment key), and intake serves the channel
// as the desk published it. The investigator then works through the desk's API
// (desk-investigator.ts), opening in Node what the desk pages open in the browser.
import { createMemoryEventStore, type EventStore } from '@integrity-desk/eventstore';
import {
  createIntakeApp,
  createIntakeLogger,
  createMemoryBlobStore,
  type BlobStore,
  type Channel,
  type IntakeConfigOverrides,
} from '@integrity-desk/intake';
import {
  generateSigningKeyPair,
  type BoxKeyPair,
  type CryptoBackend,
  type SigningKeyPair,
} from '@integrity-desk/protocol';
import {
  findReferralTarget,
  findReportByLocator,
  listPublicChannels,
  questionnaireFromVersion1,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import {
  addChannel,
  enrolAccount,
  setupAdmin,
  signedList,
  startDesk,
  type Account,
  type Desk,
} from '../../../services/desk/test/harness.ts';
import { buildDir } from './frontend-build.ts';
import { testChannel } from './fake-deployment.ts';
import { DeskInvestigator } from './desk-investigator.ts';

export interface Investigator {
  recipientId: string;
  box: BoxKeyPair;
  sign: SigningKeyPair;
}

export interface IntakeServer {
  origin: string;
  store: EventStore;
  blobStore: BlobStore;
  backend: CryptoBackend;
  channelId: string;
  /** The desk beside intake (its HTTP API at `desk.base`). */
  desk: Desk;
  /** The channel's first recipient, signed in at the desk. */
  investigator: DeskInvestigator;
  /** A new investigator, enrolled at the desk (on no list until published). */
  newInvestigator(): Promise<DeskInvestigator>;
  /** Another channel, its signed list naming `members` (a referral's target); its id. */
  addChannel(name: string, members: readonly DeskInvestigator[]): Promise<string>;
  /**
   * Publishes the channel's next recipient list through the desk, signed by the deployment key;
   * with `forged`, intake serves a list signed by a key the browser does not trust instead (the
   * desk would refuse to store it: a compromised intake). Returns the version.
   */
  publishRecipients(
    recipients: readonly DeskInvestigator[],
    options?: { forged?: boolean },
  ): Promise<number>;
  /** The next `count` appends of `EvidenceAdded` fail, as on a disk that went away for a moment. */
  failEvidenceAppends(count: number): void;
  close(): Promise<void>;
}

export async function startIntake(
  options: {
    config?: IntakeConfigOverrides;
    /**
     * The front end to serve, given the deployment key once the desk has made it (a build that
     * pins it); default: the shared unpinned build.
     */
    frontendFor?: (deploymentPublicKey: string) => Promise<string>;
  } = {},
): Promise<IntakeServer> {
  const store = createMemoryEventStore();
  const blobStore = createMemoryBlobStore();
  const db = new Database(':memory:');
  const desk = await startDesk({ store, db, blobStore, startAt: new Date() });
  const backend = desk.backend;
  const admin = await setupAdmin(desk);
  let handles = 0;
  const newInvestigator = async () =>
    new DeskInvestigator(desk, await enrolAccount(desk, admin, `investigator${++handles}`));
  const investigator = await newInvestigator();
  const channel = await desk.call('POST', '/api/channels', {
    cookie: admin.cookie,
    body: { name: testChannel.name },
  });
  const channelId = channel.body['channelId'] as string;
  let revision = channel.body['revision'] as number;
  const asAdmin = async (path: string, body: unknown) => {
    const r = await desk.call('POST', `/api/channels/${channelId}/${path}`, {
      cookie: admin.cookie,
      ifMatch: `"${revision}"`,
      body,
    });
    if (r.status !== 200) throw new Error(`desk refused ${path}: ${r.status}`);
    revision = r.body['revision'] as number;
    await desk.settle();
  };
  await asAdmin('questionnaire', {
    version: 1,
    // The stories' questions in English, as an administrator would write them today.
    questionnaire: questionnaireFromVersion1({ questions: testChannel.questionnaire }),
  });
  let version = 0;
  let forgedList: unknown;
  const publishRecipients: IntakeServer['publishRecipients'] = async (list, options = {}) => {
    version += 1;
    const accounts: Account[] = list.map((i) => i.account);
    if (options.forged)
      forgedList = signedList(
        desk,
        channelId,
        version,
        accounts,
        generateSigningKeyPair(backend).seed,
      );
    else
      await asAdmin('recipients', {
        recipientList: signedList(desk, channelId, version, accounts),
      });
    return version;
  };
  await publishRecipients([investigator]);
  let evidenceFaults = 0;
  const faultyStore: EventStore = {
    ...store,
    append: (stream, events, options) => {
      if (evidenceFaults > 0 && events.some((e) => e.type === 'EvidenceAdded')) {
        evidenceFaults -= 1;
        return Promise.reject(new Error('EIO: the disk went away'));
      }
      return store.append(stream, events, options);
    },
  };
  const staticDir = options.frontendFor
    ? await options.frontendFor(desk.deployment.publicKey)
    : buildDir;
  const app = createIntakeApp({
    store: faultyStore,
    blobStore,
    staticDir,
    // What the desk published, as the composition root serves it.
    listChannels: async () =>
      listPublicChannels(db).map((c) => ({
        ...c,
        ...(forgedList !== undefined && { recipients: forgedList }),
      })) as unknown as Channel[],
    findReferralTarget: async (id) => {
      await desk.settle();
      return findReferralTarget(db, id);
    },
    findReportByLocator: async (locator) => {
      await desk.settle();
      return findReportByLocator(db, locator);
    },
    // The production floor for receipts (OWASP: 19 MiB, t=2); the whistleblower's browser pays it.
    cryptoSettings: {
      v: 1,
      receiptKdf: {
        alg: 'argon2id13',
        salt: randomBytes(16).toString('base64url'),
        opsLimit: 2,
        memLimitBytes: 19 * 1024 * 1024,
      },
      vaultKdf: { alg: 'argon2id13', opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 },
      deploymentSignPublicKey: desk.deployment.publicKey,
    },
    config: {
      pow: { baseBits: 8, minBits: 4, maxBits: 12, normalRatePerMinute: 1_000 },
      ...options.config,
    },
    logger: createIntakeLogger(new Writable({ write: (_c, _e, done) => done() })),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    store,
    blobStore,
    backend,
    channelId,
    desk,
    investigator,
    newInvestigator,
    addChannel: async (name, members) =>
      (
        await addChannel(
          desk,
          admin,
          name,
          members.map((m) => m.account),
        )
      ).channelId,
    publishRecipients,
    failEvidenceAppends: (count) => void (evidenceFaults = count),
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await desk.close();
    },
  };
}
