import { errorClass, observeAnswers, verifyJsonDepth } from '@integrity-desk/http';
import express, { type Express } from 'express';
import { adminRoutes } from './admin/routes.ts';
import { signInRoutes } from './auth/routes.ts';
import { caseListRoutes } from './case-list/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { createContext } from './context.ts';
import { credentialRoutes } from './credentials/routes.ts';
import { healthRoutes } from './health/routes.ts';
import type { DeskDeps } from './deps.ts';
import { deploymentRoutes } from './deployment/routes.ts';
import { ProblemError, problemHandler } from './http/problem.ts';
import { csrfGuard, jsonOnly, securityHeaders } from './http/security.ts';
import { keyRoutes } from './keys/routes.ts';
import { queueRoutes } from './queues/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { announceSetup, setupRoutes } from './setup/routes.ts';

/**
 * The staff desk: an Express app for a private address. Dependencies are injected; nothing
 * here reads the environment or a clock of its own. On a first run (no deployment yet) it
 * hands a one-time setup token to `config.onSetupToken` (or the logger).
 */
export function createDeskApp(deps: DeskDeps): Express {
  const ctx = createContext(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  if (deps.onAnswered) app.use(observeAnswers(deps.onAnswered));
  app.use(securityHeaders);
  app.use(healthRoutes(ctx));
  app.use(csrfGuard(deps.config.origin));
  app.use(jsonOnly);
  app.use(express.json({ limit: '512kb', strict: true, verify: verifyJsonDepth }));
  app.use(setupRoutes(ctx));
  app.use(signInRoutes(ctx));
  app.use(queueRoutes(ctx));
  app.use(statisticsRoutes(ctx));
  app.use(notificationRoutes(ctx));
  app.use(caseListRoutes(ctx));
  app.use(caseRoutes(ctx));
  app.use(adminRoutes(ctx));
  app.use(deploymentRoutes(ctx));
  app.use(credentialRoutes(ctx));
  app.use(keyRoutes(ctx));
  app.use((_req, _res, next) => next(new ProblemError('notFound')));
  app.use(
    problemHandler((_kind, error) =>
      // The class name only: messages can carry request data.
      deps.logger?.error(`desk: unexpected ${errorClass(error)}`),
    ),
  );
  announceSetup(ctx).catch((error: unknown) =>
    deps.logger?.error(`desk: could not check first-run state (${errorClass(error)})`),
  );
  return app;
}
