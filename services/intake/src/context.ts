import { errorClass, systemClock, type Clock } from '@integrity-desk/http';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { resolveConfig, type IntakeConfig } from './config.ts';
import type { IntakeDeps } from './deps.ts';
import { systemTimers, type Timers } from './evidence/sweep.ts';
import { createRateLimits } from './http/rate-limits.ts';
import {
  createIntakeLogger,
  createRequestCounters,
  type RequestCounters,
} from './http/request-log.ts';
import { backendProvider, type CryptoBackend } from './http-domain/protocol.ts';
import { createPow, type Pow } from './pow/pow.ts';
import { createSessionTokens, type SessionTokens } from './auth/tokens.ts';

/** What every intake router is given (`xRoutes(ctx)`), made once per app from its deps. */
export interface IntakeContext {
  readonly deps: IntakeDeps;
  readonly config: IntakeConfig;
  readonly clock: Clock;
  /** The clock in milliseconds, for expiries. */
  readonly now: () => number;
  /** `n` random bytes: the injected source, or the system CSPRNG. */
  readonly random: (n: number) => Buffer;
  /** Key of the stateless proof-of-work and session challenges (HMAC-SHA-256). */
  readonly challengeKey: Buffer;
  readonly pow: Pow;
  /** Receipt sessions: bearer token to report. */
  readonly tokens: SessionTokens;
  readonly limits: ReturnType<typeof createRateLimits>;
  readonly backend: () => Promise<CryptoBackend>;
  readonly logger: Logger;
  readonly timers: Timers;
  /** Request lines and failures, counted and logged once an hour, never at request time. */
  readonly counters: RequestCounters;
}

export function createContext(deps: IntakeDeps): IntakeContext {
  const config = resolveConfig(deps.config);
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const random = deps.random ? (n: number) => deps.random!.bytes(n) : (n: number) => randomBytes(n);
  const challengeKey = deps.challengeKey ?? random(32);
  const logger = deps.logger ?? createIntakeLogger();
  return {
    deps,
    config,
    clock,
    now,
    random,
    challengeKey,
    pow: createPow(config.pow, challengeKey, random, now),
    tokens: createSessionTokens({
      idleMs: config.sessionIdleMs,
      max: config.maxSessions,
      now,
      random,
    }),
    limits: createRateLimits(config.rateLimits, now),
    backend: backendProvider(deps.cryptoBackend),
    logger,
    timers: deps.timers ?? systemTimers,
    counters: createRequestCounters(logger),
  };
}

/** Counts a failure with the hourly counts: the problem and the error's class, nothing else. */
export function countFailure(ctx: IntakeContext, problem: string, error: unknown): void {
  ctx.counters.count('error', 'requests failed', { problem, error: errorClass(error) });
}
