import type { EventStore } from '@integrity-desk/eventstore';
import type { CryptoBackend, DeploymentCryptoSettings } from '@integrity-desk/protocol';
import type { SharedState } from '@integrity-desk/shared-state';
import type { Logger } from 'pino';
import type { IntakeConfigOverrides } from './config.ts';
import type { BlobStore } from './evidence/blob-store.ts';
import type { Timers } from './evidence/sweep.ts';
import type { Clock, Ids, RequestObserver } from '@integrity-desk/http';

export type { Clock };

/** Injected randomness (tokens, challenge nonces, secrets). Must be a CSPRNG in production. */
export type Random = Pick<Ids, 'bytes'>;

/** A recipient organisation as deployment info shows it. Everything here is public. */
export interface Channel {
  readonly id: string;
  readonly name: string;
  readonly questionnaire: unknown;
  /** The recipient list signed by the deployment key; the browser checks the signature. */
  readonly recipients: unknown;
}

export interface IntakeDeps {
  readonly store: EventStore;
  readonly blobStore: BlobStore;
  /** The channels open for submissions (the lead wires the channels read model). */
  readonly listChannels: () => Promise<readonly Channel[]>;
  /**
   * A referral's target: an active channel with a signed list, which may take no submissions of
   * its own (`findReferralTarget` of @integrity-desk/reports). Absent: looked up in listChannels.
   */
  readonly findReferralTarget?: (
    channelId: string,
  ) => Promise<Pick<Channel, 'id' | 'name' | 'recipients'> | undefined>;
  /**
   * The report of a receipt locator and the whistleblower's signing key, or undefined: the
   * `whistleblower-locators` read model, e.g. `async (locator) => findReportByLocator(db,
   * locator)` from @integrity-desk/reports. One indexed lookup, whatever the report's history:
   * a receipt session must take the same time for a known locator as for an unknown one.
   */
  readonly findReportByLocator: (
    locator: string,
  ) => Promise<{ readonly reportId: string; readonly signPublicKey: string } | undefined>;
  /**
   * Whether a report other than `reportId` has an `EvidenceAdded` naming the blob: the sweep
   * erases a finished upload's blob that no event names only when this says no. The server
   * passes the evidence-blobs read model (`blobHeldElsewhere` of @integrity-desk/reports); by
   * default the whole log is read through the event store port, for each such blob.
   */
  readonly blobHeldElsewhere?: (blobId: string, reportId: string) => Promise<boolean>;
  readonly clock?: Clock;
  /** Runs the sweep of abandoned uploads; unref'd `setInterval` by default. */
  readonly timers?: Timers;
  readonly random?: Random;
  readonly config?: IntakeConfigOverrides;
  /**
   * Receives hourly counts of requests (method, route template, status; count, longest duration)
   * and failures (problem, error class), never a line at request time, and the sweep's counts.
   */
  readonly logger?: Logger;
  /** Told of every answered request (method, route template, status, duration): the metrics. */
  readonly onAnswered?: RequestObserver;
  /**
   * Keys for the stateless proof-of-work and session challenges (HMAC-SHA-256). Random per
   * process by default: a restart invalidates outstanding challenges, which clients just refetch.
   * Several processes behind one address are given the same key, or a challenge one issued would
   * not open on another.
   */
  readonly challengeKey?: Buffer;
  /**
   * What several intake processes behind one address share: receipt sessions, spent challenges,
   * paid attempts (the difficulty) and rate limits. In this process's memory by default; the
   * server passes a Redis-backed one when REDIS_URL is set (@integrity-desk/shared-state).
   */
  readonly sharedState?: SharedState;
  /** Crypto settings of the deployment (receipt KDF salt and parameters, pinned signing key). */
  readonly cryptoSettings?:
    DeploymentCryptoSettings | (() => Promise<DeploymentCryptoSettings | undefined>);
  /**
   * The deployment key the served front-end build pins (its manifest), read at each use: the
   * no-JavaScript path verifies recipient lists against it exactly as the build's pages do
   * (following the deployment's key transitions). Absent or undefined: the announced key, as an
   * unpinned build trusts it.
   */
  readonly pinnedDeploymentKey?: () => string | undefined;
  /** A demonstration deployment: deployment info says so and every page shows a banner. */
  readonly demo?: boolean;
  /** Protocol backend for signature checks; the Node backend (`createNodeBackend()`) when absent. */
  readonly cryptoBackend?: CryptoBackend;
  /**
   * Front-end build to serve the whistleblower pages from; API only when absent. A function is
   * asked at every request: the server swaps in a rebuilt (pinned) build in one step.
   */
  readonly staticDir?: string | (() => string | undefined);
  /**
   * Whether intake can take a report now (storage writable, log sound, projections caught up),
   * for `/readyz`; without it intake is always ready.
   */
  readonly readiness?: () => Promise<{ readonly ready: boolean }>;
  /**
   * Whether the read models behind `findReportByLocator` are behind the log (the projection
   * runner retrying after a fault): a receipt that finds no report is then told to try again
   * (503), not that it is wrong.
   */
  readonly projectionsBehind?: () => boolean;
}
