import { errorClass } from '@integrity-desk/http';
import { createDeskApp } from '@integrity-desk/desk';
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import { createFsBlobStore, createIntakeApp, createIntakeLogger } from '@integrity-desk/intake';
import { createNodeBackend } from '@integrity-desk/protocol/node';
import {
  allProjections,
  blobHeldElsewhere,
  createProjectionRunner,
  createReportPurger,
  startRetentionJob,
  startReminderJob,
  findReportByLocator,
  listPublicChannels,
  findReferralTarget,
  openReadModels,
  queueTotals,
  type ProjectionRunner,
} from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import { dirname } from 'node:path';
import type { Config } from './config.ts';
import { deploymentCryptoSettings } from './crypto-settings.ts';
import { openSharedState } from './shared-state.ts';
import { withDeskPages } from './desk-pages.ts';
import { announceDemo, stillDemo } from './demo/announce.ts';
import { runFrontendBuild } from './frontend/build.ts';
import { startPinnedFrontend } from './frontend/pinned.ts';
import { deskLogger } from './logging.ts';
import { startEmailNotifications } from './notifications/start.ts';
import { optionalSecretFile, persistentSecret, readSecretFile } from './secrets.ts';
import { close, defaultListenLimits, listen, type ListenLimits } from './listen.ts';
import { checkDataDir, openingFailed } from './health/data-dir.ts';
import { removeStaleSnapshots } from './backup/stale-snapshots.ts';
import { createReadiness, watchStoreFailure } from './health/readiness.ts';
import { createMetrics, pollSources } from './metrics/registry.ts';
import { startMetricsServer } from './metrics/server.ts';
import { measured, measuredBlobs } from './metrics/store.ts';

export interface Platform {
  store: EventStore;
  runner: ProjectionRunner;
  urls: { intake?: string; desk?: string; metrics?: string };
  stop(): Promise<void>;
}

/** The event store the configuration names (also the recovery tool's, src/recover). */
export async function openStore(
  config: Config,
  onBatch?: (appends: number) => void,
): Promise<EventStore> {
  if (config.eventStore.kind === 'sqlite')
    return createSqliteEventStore({ file: config.eventStore.file, ...(onBatch && { onBatch }) });
  // Loaded only when asked for, so the embedded deployment never loads the gRPC client.
  const { createEsdbEventStore } = await import('@integrity-desk/eventstore/esdb');
  return createEsdbEventStore({ connectionString: config.eventStore.connectionString });
}

/**
 * Starts what the configuration asks for. Every role runs its own projection runner over its
 * own read-model file, so intake and desk can run as separate processes against a cluster.
 */
export async function startPlatform(
  config: Config,
  log: (line: string) => void,
  /** Request bounds of both servers; tests pass smaller ones (src/listen.ts says why these). */
  options: { listenLimits?: ListenLimits } = {},
): Promise<Platform> {
  const listenOptions = {
    limits: options.listenLimits ?? defaultListenLimits,
    // The class only, as everywhere: a message can carry request data.
    onError: (error: unknown) => log(`request failed outside the app: ${errorClass(error)}`),
  };
  // One clear line instead of SQLite's "unable to open database file" (main prints it, exit 1).
  checkDataDir(config.dataDir);
  // A backup killed mid-way left its plain copy of the log: it must not outlive a restart.
  const leftovers = await removeStaleSnapshots(config.dataDir);
  if (leftovers > 0)
    log(`removed ${leftovers} file(s) of a backup killed mid-way (a copy of the log)`);
  // A deployment seeded by --demo stays one, started with --demo or not (src/demo/marker.ts).
  const demo = stillDemo(config.dataDir, log) || config.demo;
  // The operator's metrics (METRICS_PORT), when asked for: nothing is measured otherwise.
  const metrics = config.metrics ? createMetrics() : undefined;
  const watched = await opening(config, async () =>
    watchStoreFailure(measured(await openStore(config, metrics?.batch), metrics)),
  );
  const store = watched.store;
  log(
    config.eventStore.kind === 'sqlite'
      ? `event store: embedded SQLite at ${config.eventStore.file}`
      : 'event store: EventStoreDB',
  );
  // Read models are disposable (rebuilt from the log), so the reports package opens them with
  // synchronous=NORMAL; its folder may not exist yet when the log lives in EventStoreDB.
  mkdirSync(dirname(config.readModelsFile), { recursive: true });
  const readModels = await opening(config, async () =>
    openReadModels(config.readModelsFile, (file) => new Database(file)),
  );
  const runner = createProjectionRunner({
    store,
    db: readModels,
    projections: allProjections,
    // Retried with backoff until it catches up (a full disk freed, a store back): the read
    // models never stay behind the log, and no restart is needed.
    onError: (error, retryInMs) =>
      log(
        `projections: applying the log failed (${errorCode(error)}), retrying in ${Math.round(retryInMs / 1000)} s`,
      ),
    onRecovered: () => log('projections: caught up again, following the log'),
  });
  await opening(config, () => runner.start());
  log('projections: caught up, following the log');
  // For /readyz on both services: storage writable, log sound, projections caught up.
  const readiness = createReadiness({
    dirs: [config.dataDir, config.blobDir],
    store,
    runner,
    storeFailed: watched.failed,
  });

  // Sessions, spent challenges, limits and guards: in memory, or shared through Redis.
  const shared = await openSharedState(config, log);
  // libsodium, with Ed25519 verification in its native build: both services verify signatures.
  const backend = await createNodeBackend();
  // One evidence store: intake writes uploads into it, desk reads them for recipients.
  const blobs = measuredBlobs(createFsBlobStore({ dir: config.blobDir }), metrics);
  const cryptoSettings = deploymentCryptoSettings(store, backend);
  let reprintDemo: (() => void) | undefined;
  // The front end both services serve: rebuilt with the deployment key pinned once there is one.
  const frontend =
    config.role === 'projections'
      ? undefined
      : await startPinnedFrontend({
          dataDir: config.dataDir,
          fallbackDir: config.staticDir,
          deploymentKey: async () => (await cryptoSettings())?.deploymentSignPublicKey,
          mode: config.frontendRebuild,
          build: runFrontendBuild,
          log,
          intervalMs: config.frontendCheckMs,
          // The pinned build's lines scroll the demo's sign-in away: it is printed again.
          onPinned: () => reprintDemo?.(),
        });
  const staticDir = () => frontend?.dir();
  const servers: Server[] = [];
  /** Work that outlives requests (intake's upload sweep), stopped after the servers closed. */
  const background: (() => Promise<void>)[] = [];
  const urls: Platform['urls'] = {};
  if (config.role === 'all' || config.role === 'intake') {
    const app = createIntakeApp({
      store,
      blobStore: blobs,
      // The sweep erases a blob no event names only if no other report holds the same bytes. A
      // report that did moments ago may be missing from this read model still; the sweep never
      // erases a blob completed that recently.
      blobHeldElsewhere: async (blobId, reportId) =>
        blobHeldElsewhere(readModels, blobId, reportId),
      cryptoBackend: backend,
      listChannels: async () => listPublicChannels(readModels) as never,
      findReferralTarget: async (channelId) => findReferralTarget(readModels, channelId),
      findReportByLocator: async (locator) => findReportByLocator(readModels, locator),
      cryptoSettings,
      ...(shared.state ? { sharedState: shared.state } : {}),
      ...(shared.challengeKey ? { challengeKey: shared.challengeKey } : {}),
      demo,
      staticDir,
      // The no-JavaScript pages verify recipient lists against what the served build pins.
      pinnedDeploymentKey: () => frontend?.manifest()?.pinnedDeploymentKey ?? undefined,
      config: {
        trustProxy: config.trustProxy,
        uploadExpiryMs: config.uploadExpiryMs,
        uploadSweepIntervalMs: config.uploadSweepMs,
      },
      readiness,
      projectionsBehind: () => runner.failing(),
      ...(metrics && { onAnswered: metrics.answered('intake') }),
      // Hourly counts per method, route template and status at `info`; no line per request.
      logger: createIntakeLogger(process.stdout, config.logLevel),
    });
    const { server, url } = await listen(
      app,
      config.intake.host,
      config.intake.port,
      // A failure outside the app is counted with intake's hourly counts, never a line now.
      { ...listenOptions, onError: (error: unknown) => app.intake.countFailure(error) },
    );
    servers.push(server);
    background.push(() => app.intake.close());
    urls.intake = url;
    log(`intake (public, whistleblowers) listening on ${url}`);
  }
  if (config.role === 'all' || config.role === 'desk') {
    // Listen first: the desk needs its own origin (CSRF checks, the setup link) and with port 0
    // that is known only once the socket is bound.
    let app: RequestListener = (_req, res) => {
      res.writeHead(503).end();
    };
    const { server, url } = await listen(
      (req, res) => app(req, res),
      config.desk.host,
      config.desk.port,
      listenOptions,
    );
    const origin = config.deskOrigin ?? url;
    // Retention purges run where the desk runs: it shares the blob directory with intake.
    const purger = createReportPurger({
      store,
      readModels,
      blobs,
      clock: { now: () => new Date() },
      ids: { uuid: () => randomUUID() },
      waitForProjections: (position) => runner.waitFor(position),
    });
    let gotSetupToken: (token: string) => void = () => undefined;
    const setupToken = new Promise<string>((resolve) => (gotSetupToken = resolve));
    const api = createDeskApp({
      store,
      readModels,
      clock: { now: () => new Date() },
      ids: { uuid: () => randomUUID(), bytes: (n) => randomBytes(n) },
      cryptoBackend: backend,
      // Evidence ciphertext that intake stored, for recipients to download.
      blobStore: blobs,
      purger,
      readiness,
      ...(shared.state ? { sharedState: shared.state } : {}),
      logger: deskLogger(log, config.logLevel),
      ...(metrics && { onAnswered: metrics.answered('desk') }),
      config: {
        origin,
        serverKey:
          config.deskKey.kind === 'provided'
            ? readSecretFile(config.deskKey.file)
            : persistentSecret(config.deskKey.file),
        ...withLegacyDecoyKey(config.legacyDeskDecoyKeyFile),
        onSetupToken: (token) => {
          gotSetupToken(token);
          if (!demo)
            log(`first run: open ${origin}/desk/setup and enter the one-time setup token ${token}`);
        },
      },
    });
    app = withDeskPages(staticDir, api, { demo });
    log(
      config.retentionDays === undefined
        ? 'retention: RETENTION_DAYS is not set, closed reports are kept until an administrator purges them'
        : `retention: closed reports are purged ${config.retentionDays} days after closing (checked at start and hourly)`,
    );
    // At start and hourly: first the purges a crash left half done, then what is past its period.
    // Several desk processes may run it at once: every step of a purge is idempotent.
    const retention = startRetentionJob({
      purger,
      readModels,
      clock: { now: () => new Date() },
      retentionDays: config.retentionDays,
      intervalMs: config.retentionRunMs,
      onRun: (run) =>
        log(
          `retention: ${run.purged} report(s) purged, ${run.finished} unfinished purge(s) completed`,
        ),
      onError: (error) => log(`retention: a purge failed, retried next run (${errorClass(error)})`),
    });
    background.push(() => retention.stop());
    // Deadline reminders and escalations, as events with derived ids: every desk process may
    // run the job, each reminder is recorded once (services/reports/src/reminders).
    const reminders = startReminderJob({
      store,
      readModels,
      clock: { now: () => new Date() },
      intervalMs: config.reminderRunMs,
      leadMs: config.reminderLeadMs,
      onError: (error) =>
        log(`reminders: recording a reminder failed, retried next run (${errorClass(error)})`),
    });
    background.push(() => reminders.stop());
    // E-mail that says only that there is work, where SMTP is configured.
    const notifications = startEmailNotifications(config, {
      store,
      readModels,
      log,
      ...(metrics && { onFailure: metrics.notificationFailed }),
    });
    if (notifications) background.push(() => notifications.stop());
    servers.push(server);
    urls.desk = url;
    log(`desk (staff, keep private) listening on ${url}`);
    if (config.demo)
      reprintDemo = await announceDemo(url, config.dataDir, setupToken, backend, log);
  }
  if (metrics && config.metrics) {
    pollSources(metrics, {
      projectionLag: async () =>
        (await store.readAll({ after: runner.position(), maxCount: 10_000 })).length,
      queueSizes: () => queueTotals(readModels),
    });
    const { server, url } = await startMetricsServer(
      metrics,
      readiness,
      config.metrics.host,
      config.metrics.port,
    );
    servers.push(server);
    urls.metrics = url;
    log(
      `metrics (operator only, keep private) listening on ${url}/metrics, with /healthz and /readyz`,
    );
  }
  return {
    store,
    runner,
    urls,
    async stop() {
      await Promise.all(servers.map(close));
      await Promise.all(background.map((stop) => stop()));
      await shared.close();
      await frontend?.stop();
      await runner.stop();
      readModels.close();
      await store.close();
    },
  };
}

/** Runs a start-up step; a failure that is DATA_DIR's doing becomes its one-line explanation. */
async function opening<T>(config: Config, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw openingFailed(config.dataDir, error) ?? error;
  }
}

/** The class, and an errno or SQLite code when there is one: never a message (it names paths). */
function errorCode(error: unknown): string {
  const name = errorClass(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? `${name} ${code}` : name;
}

/** Deployments made before the server key keep their decoy key, so decoy salts stay the same. */
function withLegacyDecoyKey(file: string): { kdfDecoyKey?: Uint8Array } {
  const key = optionalSecretFile(file);
  return key ? { kdfDecoyKey: key } : {};
}
