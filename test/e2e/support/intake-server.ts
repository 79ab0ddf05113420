// A real intake service (services/intake, in process, memory event store and blob store)
// serving the real front-end build on 127.0.0.1, port 0, with one channel whose recipient list
// is signed by a deployment key made here. The investigator's side is played with the protocol
// package directly until services/desk has routes.
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
  generateBoxKeyPair,
  generateSigningKeyPair,
  loadBackend,
  signRecipientList,
  type BoxKeyPair,
  type CryptoBackend,
  type RecipientList,
  type SigningKeyPair,
} from '@integrity-desk/protocol';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildDir } from './frontend-build.ts';
import { testChannel } from './fake-deployment.ts';

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
  investigator: Investigator;
  /** A new investigator's key pairs (not on any list until published). */
  newInvestigator(): Investigator;
  /**
   * Publishes the channel's next recipient list (version + 1), signed by the deployment key, or
   * by a key the browser does not trust with `forged`.
   */
  publishRecipients(recipients: readonly Investigator[], options?: { forged?: boolean }): number;
  /** The next `count` appends of `EvidenceAdded` fail, as on a disk that went away for a moment. */
  failEvidenceAppends(count: number): void;
  close(): Promise<void>;
}

export async function startIntake(
  options: { config?: IntakeConfigOverrides } = {},
): Promise<IntakeServer> {
  const backend = await loadBackend();
  const store = createMemoryEventStore();
  const blobStore = createMemoryBlobStore();
  const deploymentKey = generateSigningKeyPair(backend);
  const channelId = randomUUID();
  const newInvestigator = (): Investigator => ({
    recipientId: randomUUID(),
    box: generateBoxKeyPair(backend),
    sign: generateSigningKeyPair(backend),
  });
  const investigator = newInvestigator();
  let recipients: RecipientList | undefined;
  const publishRecipients: IntakeServer['publishRecipients'] = (list, options = {}) => {
    const version = (recipients?.version ?? 0) + 1;
    recipients = signRecipientList(
      backend,
      {
        channelId,
        version,
        recipients: list.map((i) => ({
          recipientId: i.recipientId,
          boxPublicKey: i.box.publicKey,
          signPublicKey: i.sign.publicKey,
        })),
      },
      options.forged ? generateSigningKeyPair(backend).seed : deploymentKey.seed,
    );
    return version;
  };
  publishRecipients([investigator]);
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
  const app = createIntakeApp({
    store: faultyStore,
    blobStore,
    staticDir: buildDir,
    listChannels: async () => [
      {
        id: channelId,
        name: testChannel.name,
        questionnaire: {
          questions: testChannel.questionnaire,
        } as unknown as Channel['questionnaire'],
        recipients,
      },
    ],
    findReportByLocator: async (locator) => {
      for (const event of await store.readAll()) {
        if (event.type !== 'ReportSubmitted') continue;
        const data = event.data as {
          reportId: string;
          envelope: { whistleblower: { locator: string; signPublicKey: string } };
        };
        const wb = data.envelope.whistleblower;
        if (wb.locator === locator)
          return { reportId: data.reportId, signPublicKey: wb.signPublicKey };
      }
      return undefined;
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
      deploymentSignPublicKey: deploymentKey.publicKey,
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
    investigator,
    newInvestigator,
    publishRecipients,
    failEvidenceAppends: (count) => void (evidenceFaults = count),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
