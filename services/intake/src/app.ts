import { errorClass } from '@integrity-desk/http';
import express, { type Express, type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { caseRoutes } from './cases/routes.ts';
import type { IntakeConfig } from './config.ts';
import { countFailure, createContext } from './context.ts';
import type { IntakeDeps } from './deps.ts';
import { deploymentRoutes } from './deployment/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { startUploadSweep } from './evidence/sweep.ts';
import { apiOnlyCsp, noStore, permissionsPolicy, securityHeaders } from './http/headers.ts';
import { problemHandler, sendProblem } from './http/problem.ts';
import { requestLog } from './http/request-log.ts';
import { blobNamedInLog, unrecordedBlobNamed } from './http-domain/reports.ts';
import { requireSession, receiptSessionRoutes } from './auth/routes.ts';
import { cspFromBuild } from './static/csp-from-build.ts';
import { whistleblowerPages } from './static/serve.ts';
import { safeErrorPages, safeRoutes } from './safe/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';
import { submitRoutes } from './submit/routes.ts';

export interface IntakeApp extends Express {
  /** Read-only view of internals for tests and metrics (counts only, never content). */
  readonly intake: {
    readonly config: IntakeConfig;
    /** Live receipt sessions in this process's memory (undefined with a shared store). */
    readonly sessions: () => number | undefined;
    readonly powBits: () => Promise<number>;
    /** Stops background work (the sweep of abandoned uploads); call after the server closed. */
    readonly close: () => Promise<void>;
    /**
     * Counts a failure outside the app (the server's listener guard) with the hourly counts,
     * so even that leaves no line at request time.
     */
    readonly countFailure: (error: unknown) => void;
  };
}

/**
 * The public intake service. Everything it needs is injected; it reads no environment.
 * Routes live under /api/v1; with a `staticDir` it also serves the whistleblower pages.
 */
export function createIntakeApp(deps: IntakeDeps): IntakeApp {
  const ctx = createContext(deps);
  const { config, clock, logger, timers, counters, pow } = ctx;
  // Request lines leave the process once an hour as counts, never when a request is answered.
  const hourly = timers.every(3_600_000, async () => counters.flush());
  const site = servedSite(deps.staticDir, (error) =>
    logger.error({ error: errorClass(error) }, 'new build refused'),
  );

  const sweep = startUploadSweep({
    blobStore: deps.blobStore,
    clock,
    expiryMs: config.uploadExpiryMs,
    intervalMs: config.uploadSweepIntervalMs,
    timers,
    blobNamed: (upload) =>
      unrecordedBlobNamed(
        deps.store,
        upload,
        deps.blobHeldElsewhere ??
          ((blobId, reportId) => blobNamedInLog(deps.store, blobId, reportId)),
      ),
    // Two counts: abandoned uploads removed, unrecorded blobs erased.
    onSwept: (counts) => logger.info(counts, 'abandoned uploads removed'),
    onError: (error) => logger.error({ error: errorClass(error) }, 'sweep failed'),
  });

  const app = express() as unknown as IntakeApp;
  // Behind Tor or a reverse proxy every request comes from the same address; X-Forwarded-For is
  // ignored unless the deployment says which proxy to trust (and even then nothing stores it).
  app.set('trust proxy', config.trustProxy);
  app.set('x-powered-by', false);
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestLog(counters, ctx.deps.onAnswered));
  app.use((req, res, next) => site().headers(req, res, next));
  app.use(permissionsPolicy);
  // No CORS: a preflight gets a plain refusal without any Access-Control-* header, so browsers
  // refuse cross-origin calls to the API (Express would otherwise answer OPTIONS with 200).
  app.use((req, res, next) => {
    if (req.method === 'OPTIONS') sendProblem(res, 'methodNotAllowed');
    else next();
  });

  // Before the API's limits: a supervisor polls these; readiness is cached, so polling is cheap.
  app.use(healthRoutes(ctx));

  const api = express.Router();
  // No limit on every request: one that counted requests before they paid anything would let
  // a free flood close the door for everyone. The costly routes are gated by proof of work.
  api.use(noStore);
  api.use(deploymentRoutes(ctx));
  api.use(statisticsRoutes(ctx));
  api.use(submitRoutes(ctx));
  api.use(receiptSessionRoutes(ctx));
  api.use('/case', requireSession(ctx));
  api.use(caseRoutes(ctx));
  api.use((_req, res) => sendProblem(res, 'notFound'));
  app.use('/api/v1', api);

  // Pages for browsers without JavaScript: HTML forms, HTML errors (never problem JSON).
  app.use(
    '/safe',
    safeRoutes(ctx),
    safeErrorPages((kind, error) => countFailure(ctx, kind, error)),
  );

  app.use((req, res, next) => {
    const pages = site().pages;
    if (pages) pages(req, res, next);
    else next();
  });
  app.use((_req, res) => sendProblem(res, 'notFound'));
  app.use(
    // The error's class only: messages can carry ids or input, and nothing else is logged.
    problemHandler((kind, error) => countFailure(ctx, kind, error)),
  );

  Object.defineProperty(app, 'intake', {
    value: {
      config,
      sessions: () => ctx.memory?.count('intake-session:'),
      powBits: () => pow.difficulty.bits(),
      close: () => {
        hourly.stop();
        return sweep.stop();
      },
      countFailure: (error: unknown) => countFailure(ctx, 'internal', error),
    },
  });
  return app;
}

interface Site {
  readonly dir: string | undefined;
  readonly pages: RequestHandler | undefined;
  readonly headers: RequestHandler;
}

/**
 * The pages and security headers of the build being served, made again when the server swaps in
 * another build (a CSP built from the build's own hashes belongs to that build). A build whose
 * policy is refused (cspFromBuild) at start is an error; one swapped in later is not served:
 * the previous build stays, and `onRefused` says why.
 */
function servedSite(
  staticDir: IntakeDeps['staticDir'],
  onRefused: (error: unknown) => void,
): () => Site {
  const dirOf = typeof staticDir === 'function' ? staticDir : () => staticDir;
  const make = (dir: string | undefined): Site => {
    const pages = whistleblowerPages(dir);
    const csp = pages && dir && existsSync(dir) ? cspFromBuild(dir) : apiOnlyCsp;
    return { dir, pages, headers: securityHeaders(csp) };
  };
  let site = make(dirOf());
  let refused: string | undefined;
  return () => {
    const dir = dirOf();
    if (dir === site.dir || dir === refused) return site;
    try {
      site = make(dir);
    } catch (error) {
      refused = dir;
      onRefused(error);
    }
    return site;
  };
}
