import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repositoryRoot } from './frontend/build.ts';
import { z } from 'zod';

/**
 * The only place that reads the environment. Every other package receives its settings through
 * `createApp(deps)`-style factories.
 */
const port = z.coerce.number().int().min(0).max(65535);
const HOUR = 60 * 60_000;

/** Thresholds of the services' logs, most to least; nothing below `info` is ever logged. */
export const logLevels = ['info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const configSchema = z
  .object({
    DATA_DIR: z.string().min(1).default('./data'),
    EVENT_STORE: z.enum(['sqlite', 'esdb']).default('sqlite'),
    ESDB_CONNECTION_STRING: z.string().optional(),
    /** Loopback by default: intake goes public through Tor or a reverse proxy, desk stays private. */
    INTAKE_HOST: z.string().default('127.0.0.1'),
    INTAKE_PORT: port.default(8080),
    DESK_HOST: z.string().default('127.0.0.1'),
    DESK_PORT: port.default(8081),
    ROLE: z.enum(['all', 'intake', 'desk', 'projections']).default('all'),
    /**
     * The operator's port: Prometheus `/metrics`, `/healthz`, `/readyz`. Unset: none, except with
     * ROLE=projections, which has no other port a supervisor could ask (9464 then). Loopback by
     * default: metrics are for the operator's own scraper, never for the public address.
     */
    METRICS_HOST: z.string().default('127.0.0.1'),
    METRICS_PORT: port.optional(),
    /** The desk's public origin when it is reached through a proxy, e.g. https://desk.example.org. */
    DESK_ORIGIN: z.url().optional(),
    /** The front-end build served by intake and desk (default: frontend/build when it exists). */
    STATIC_DIR: z.string().optional(),
    /**
     * The desk's server key (32 bytes, raw or as 64 hex characters), which seals TOTP secrets at
     * rest. Default: $DATA_DIR/secrets/desk.key, made on first start. When set, the file must
     * exist and is never written: with several desk processes (EventStoreDB) give every one the
     * same file, e.g. a Docker secret, and keep a copy apart from the event log's backups.
     */
    DESK_KEY_FILE: z.string().min(1).optional(),
    /**
     * Several intake or desk processes behind one address share their short-lived state
     * (sessions, spent challenges, limits, throttles, TOTP replay guards) through this Redis,
     * e.g. redis://redis:6379 or rediss://:password@host:6380. Unset: each process keeps it in
     * memory (one process per role). Nothing durable and nothing that identifies anyone goes
     * there (SECURITY.md, Shared state).
     */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'expected redis://host:port or rediss://host:port')
      .optional(),
    /**
     * The 32-byte secret (raw or 64 hex characters) every process behind one address shares: it
     * keys the hashes of everything in Redis, seals its values and signs intake's challenges.
     * Default: $DATA_DIR/secrets/shared-state.key, made on first start (processes on one
     * DATA_DIR share it); give separate machines the same file.
     */
    SHARED_STATE_KEY_FILE: z.string().min(1).optional(),
    /**
     * The read models of this process (default $DATA_DIR/read-models.sqlite). Disposable, rebuilt
     * from the log; every process follows the log into its own, so several processes on one
     * DATA_DIR each need their own file.
     */
    READ_MODELS_FILE: z.string().min(1).optional(),
    /** Only set behind a reverse proxy you control; never needed behind Tor. */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /**
     * Hours without a chunk after which an unfinished evidence upload is removed. Uploads over
     * Tor can take an hour and resume after a dropped connection: at least 2, default a day.
     */
    UPLOAD_EXPIRY_HOURS: z.coerce
      .number()
      .min(2)
      .max(24 * 90)
      .default(24),
    /**
     * Days a report is kept after it was closed; then the retention job purges it (EU Directive
     * 2019/1937 Art. 18). Unset: no automatic purge (an existing deployment must not start
     * deleting on an upgrade); administrators can still purge a closed report by hand.
     */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
    /**
     * Hours before an acknowledgement or feedback deadline that its reminder is due (to the
     * assignees, or the channel's recipients); an escalation to the administrators follows once
     * it is missed. Default 48.
     */
    REMINDER_LEAD_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(48),
    /**
     * The lowest level the services log: `info` (one line per intake request, the default),
     * `warn`, `error` or `silent`. The composition root's own lines (where it listens, the setup
     * token, projections that failed and recovered) are printed whatever the level: an operator needs them.
     * With `--demo` the default is `warn`, so the printed sign-in stays on a newcomer's screen.
     */
    LOG_LEVEL: z.enum(logLevels).optional(),
    /**
     * `auto` (default): once setup has made the deployment key, the server rebuilds the front end
     * with it pinned, by itself, and serves that build (kept under DATA_DIR/frontend). `off`: the
     * operator builds with VITE_DEPLOYMENT_SIGN_PUBLIC_KEY and serves it through STATIC_DIR.
     */
    FRONTEND_REBUILD: z.enum(['auto', 'off']).default('auto'),
    /**
     * E-mail notifications (issue 14): the SMTP server the desk hands its fixed-text messages to.
     * Unset: nothing is sent and nothing fails. SMTP_PASSWORD_FILE holds the password.
     */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
    SMTP_SECURE: z.enum(['true', 'false']).default('false'),
    /** STARTTLS required (default), except to a relay on this machine (loopback). */
    SMTP_REQUIRE_TLS: z.enum(['true', 'false']).optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD_FILE: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(3).optional(),
    /** The subject of every notification (say nothing in it either). */
    NOTIFY_SUBJECT: z.string().min(1).max(200).default('Desk notification'),
    /** The UTC hour of the daily message and the daily digest. */
    NOTIFY_DAILY_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  })
  .refine((c) => c.SMTP_HOST === undefined || c.SMTP_FROM !== undefined, {
    message: 'SMTP_HOST needs SMTP_FROM (the sender address of notifications)',
    path: ['SMTP_FROM'],
  })
  .refine((c) => c.EVENT_STORE !== 'esdb' || !!c.ESDB_CONNECTION_STRING, {
    message: 'EVENT_STORE=esdb needs ESDB_CONNECTION_STRING (e.g. esdb+discover://node1:2113)',
    path: ['ESDB_CONNECTION_STRING'],
  });

export interface Config {
  dataDir: string;
  eventStore: { kind: 'sqlite'; file: string } | { kind: 'esdb'; connectionString: string };
  readModelsFile: string;
  /** Redis shared by several processes behind one address; undefined: memory of this process. */
  redisUrl: string | undefined;
  /** The secret those processes share (keys in Redis, intake's challenges). */
  sharedStateKey: { kind: 'provided' | 'generated'; file: string };
  blobDir: string;
  intake: { host: string; port: number };
  deskOrigin: string | undefined;
  staticDir: string | undefined;
  desk: { host: string; port: number };
  /** Where the operator's metrics and health port listens; undefined: not at all. */
  metrics: { host: string; port: number } | undefined;
  /** The desk's server key: a file the operator provides, or one made under DATA_DIR. */
  deskKey: { kind: 'provided' | 'generated'; file: string };
  /** Decoy key file of deployments made before the server key (kept so decoys do not change). */
  legacyDeskDecoyKeyFile: string;
  role: 'all' | 'intake' | 'desk' | 'projections';
  trustProxy: boolean;
  /** Unfinished uploads untouched this long are removed; swept every `uploadSweepMs`. */
  uploadExpiryMs: number;
  uploadSweepMs: number;
  /** Days after closing before the retention job purges a report; undefined: never by itself. */
  retentionDays: number | undefined;
  /** How often the retention job runs (it also runs at start). */
  retentionRunMs: number;
  /** How long before a deadline its reminder is due; the reminder job runs every `reminderRunMs`. */
  reminderLeadMs: number;
  reminderRunMs: number;
  /** E-mail notifications; undefined: none are sent. */
  notifications:
    | {
        smtp: {
          host: string;
          port: number;
          secure: boolean;
          requireTls: boolean;
          user: string | undefined;
          passwordFile: string | undefined;
          from: string;
        };
        subject: string;
        dailyHour: number;
        stateFile: string;
        runMs: number;
      }
    | undefined;
  /** The services' log threshold (intake's request log, the desk's operational lines). */
  logLevel: LogLevel;
  /** Whether the server rebuilds the front end with the deployment key pinned by itself. */
  frontendRebuild: 'auto' | 'off';
  /** How often it looks for a new deployment key (after setup, a rotation). */
  frontendCheckMs: number;
  demo: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'config'}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const demo = argv.includes('--demo');
  const dataDir = resolve(c.DATA_DIR);
  return {
    dataDir,
    eventStore:
      c.EVENT_STORE === 'esdb'
        ? { kind: 'esdb', connectionString: c.ESDB_CONNECTION_STRING! }
        : { kind: 'sqlite', file: resolve(dataDir, 'events.sqlite') },
    readModelsFile: c.READ_MODELS_FILE
      ? resolve(c.READ_MODELS_FILE)
      : resolve(dataDir, 'read-models.sqlite'),
    redisUrl: c.REDIS_URL,
    sharedStateKey: c.SHARED_STATE_KEY_FILE
      ? { kind: 'provided', file: resolve(c.SHARED_STATE_KEY_FILE) }
      : { kind: 'generated', file: resolve(dataDir, 'secrets', 'shared-state.key') },
    blobDir: resolve(dataDir, 'blobs'),
    intake: { host: c.INTAKE_HOST, port: c.INTAKE_PORT },
    deskOrigin: c.DESK_ORIGIN?.replace(/\/$/, ''),
    staticDir: c.STATIC_DIR ? resolve(c.STATIC_DIR) : defaultStaticDir(),
    desk: { host: c.DESK_HOST, port: c.DESK_PORT },
    metrics: metricsAt(c.METRICS_HOST, c.METRICS_PORT, c.ROLE),
    deskKey: c.DESK_KEY_FILE
      ? { kind: 'provided', file: resolve(c.DESK_KEY_FILE) }
      : { kind: 'generated', file: resolve(dataDir, 'secrets', 'desk.key') },
    legacyDeskDecoyKeyFile: resolve(dataDir, 'secrets', 'desk-decoy.key'),
    role: c.ROLE,
    trustProxy: c.TRUST_PROXY === 'true',
    uploadExpiryMs: c.UPLOAD_EXPIRY_HOURS * HOUR,
    // Hourly, or more often for a short expiry: an upload lives at most a quarter longer.
    uploadSweepMs: Math.min(HOUR, (c.UPLOAD_EXPIRY_HOURS * HOUR) / 4),
    retentionDays: c.RETENTION_DAYS,
    retentionRunMs: HOUR,
    reminderLeadMs: c.REMINDER_LEAD_HOURS * HOUR,
    // Every quarter of an hour: a reminder is recorded at most that long after it fell due.
    reminderRunMs: HOUR / 4,
    notifications:
      c.SMTP_HOST === undefined
        ? undefined
        : {
            smtp: {
              host: c.SMTP_HOST,
              port: c.SMTP_PORT,
              secure: c.SMTP_SECURE === 'true',
              requireTls:
                c.SMTP_REQUIRE_TLS === undefined
                  ? !isLoopbackHost(c.SMTP_HOST)
                  : c.SMTP_REQUIRE_TLS === 'true',
              user: c.SMTP_USER,
              passwordFile: c.SMTP_PASSWORD_FILE && resolve(c.SMTP_PASSWORD_FILE),
              from: c.SMTP_FROM!,
            },
            subject: c.NOTIFY_SUBJECT,
            dailyHour: c.NOTIFY_DAILY_HOUR,
            stateFile: resolve(dataDir, 'notifications.sqlite'),
            runMs: 60_000,
          },
    logLevel: c.LOG_LEVEL ?? (demo ? 'warn' : 'info'),
    frontendRebuild: c.FRONTEND_REBUILD,
    frontendCheckMs: 5_000,
    demo,
  };
}

/** frontend/build of this checkout, when it has been built. */
function defaultStaticDir(): string | undefined {
  const dir = join(repositoryRoot, 'frontend', 'build');
  return existsSync(dir) ? dir : undefined;
}

/** The metrics port, if any: ROLE=projections gets one by default, being otherwise unreachable. */
function metricsAt(
  host: string,
  port: number | undefined,
  role: Config['role'],
): Config['metrics'] {
  if (port !== undefined) return { host, port };
  return role === 'projections' ? { host, port: 9464 } : undefined;
}

/** A mail relay on this machine: the message never crosses a network, so clear text is fine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
