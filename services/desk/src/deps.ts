import type { SharedState } from '@integrity-desk/shared-state';
import type { EventStore } from '@integrity-desk/eventstore';
import type { Argon2Params, CryptoBackend } from '@integrity-desk/protocol';
import type Database from 'better-sqlite3';
import type { BlobReadStream, Clock, Ids, RequestObserver } from '@integrity-desk/http';
import type { ReportPurger } from '@integrity-desk/reports';
import type { GateLimits } from './auth/signin-gate.ts';
import type { CaseFeedLimits } from './case-list/events.ts';

export type { Clock, Ids };

/** Receives operational lines only: never a request body, address, header or secret. */
export interface DeskLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DeskConfig {
  /** The desk's own origin, e.g. https://desk.example.org: state-changing requests must come from it. */
  readonly origin: string;
  /** Idle timeout of a session (default 30 minutes). */
  readonly sessionIdleMinutes?: number;
  /** Called once at start when no administrator exists yet, with the one-time setup token. */
  readonly onSetupToken?: (token: string) => void;
  /** Issuer shown in authenticator apps (default "Integrity Desk"). */
  readonly totpIssuer?: string;
  /** Validity of enrolment codes (default 72 hours). */
  readonly enrolmentValidHours?: number;
  /**
   * Sign-in hashes (Argon2id) at once and waiting, for the whole desk (auth/signin-gate.ts);
   * beyond them a sign-in is answered 503 with Retry-After at once.
   */
  readonly signIn?: GateLimits;
  /** TEST ONLY: pass protocol's TEST_ONLY_CHEAP_PARAMS to make login verifiers cheap. */
  readonly loginVerifierParams?: Argon2Params;
  /**
   * The desk's server key: 32 random bytes kept outside the event log (never in it, nor in a
   * backup of it), the same in every desk process of a deployment and across restarts. Subkeys
   * derived from it seal the TOTP secrets at rest and make the decoy KDF salts
   * (auth/server-keys.ts). Losing it makes every sealed TOTP secret unreadable.
   */
  readonly serverKey: Uint8Array;
  /**
   * Legacy: the separate decoy key file of deployments made before `serverKey`. When given it
   * keys the decoy KDF salts instead of the derived subkey, so they do not change on upgrade.
   */
  readonly kdfDecoyKey?: Uint8Array;
  /** Live case updates: connection limits, polling and heartbeat (case-list/events.ts). */
  readonly caseFeed?: CaseFeedLimits;
}

/**
 * Read-only view of the evidence blob store that intake writes (content-addressed by blobId);
 * `createFsBlobStore({ dir })` from @integrity-desk/intake satisfies it.
 */
export interface EvidenceBlobs {
  /** Opens a finished blob for streaming (size and bytes), undefined when there is none. */
  readStream(blobId: string): Promise<BlobReadStream | undefined>;
}

export interface DeskDeps {
  readonly store: EventStore;
  /** The read-model database the projection runner writes (queues, directory, audit log). */
  readonly readModels: Database.Database;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly logger?: DeskLogger;
  /** Told of every answered request (method, route template, status, duration): the metrics. */
  readonly onAnswered?: RequestObserver;
  readonly config: DeskConfig;
  /** Protocol crypto backend (login verifiers); `loadBackend()` once when absent. */
  readonly cryptoBackend?: CryptoBackend;
  /** Evidence ciphertext (same directory as intake's); evidence downloads answer 404 without it. */
  readonly blobStore?: EvidenceBlobs;
  /**
   * Retention purges (`createReportPurger` from @integrity-desk/reports, over the same store,
   * read models and blob directory); without it `POST /api/reports/:id/purge` answers 404.
   */
  readonly purger?: ReportPurger;
  /**
   * What `/readyz` reports (storage writable, log sound, projections caught up), with the names
   * of the failing checks; without it the desk is always ready.
   */
  readonly readiness?: () => Promise<{ ready: boolean; failing: readonly string[] }>;
  /**
   * What several desk processes behind one address share: sessions, sign-in throttles and
   * failure counts, KDF lookup budgets, TOTP replay guards. In this process's memory by default;
   * the server passes a Redis-backed one when REDIS_URL is set (@integrity-desk/shared-state).
   */
  readonly sharedState?: SharedState;
}
