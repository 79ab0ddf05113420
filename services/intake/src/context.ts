import { errorClass, systemClock, type Clock } from '@integrity-desk/http';
import {
  createMemoryStore,
  createSharedState,
  type MemoryStore,
  type SharedState,
} from '@integrity-desk/shared-state';
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
  /**
   * What every intake process behind one address shares (sessions, spent challenges, attempts,
   * limits): this process's memory unless the server passes Redis's (REDIS_URL).
   */
  readonly state: SharedState;
  /** The in-memory store behind `state` when no shared one was given (its counts, for tests). */
  readonly memory: MemoryStore | undefined;
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
  // Bounded like the maps it replaced: past it, guards fail closed (503) rather than forget.
  const memory = deps.sharedState
    ? undefined
    : createMemoryStore({ now, maxEntries: config.pow.maxSpent + config.maxSessions + 50_000 });
  const state = deps.sharedState ?? createSharedState(memory!, random(32));
  return {
    deps,
    config,
    clock,
    now,
    random,
    challengeKey,
    state,
    memory,
    pow: createPow(config.pow, challengeKey, random, now, {
      spent: state.namespace('pow-spent'),
      attempts: state.namespace('pow-attempts'),
    }),
    tokens: createSessionTokens({
      idleMs: config.sessionIdleMs,
      store: state.namespace('intake-session'),
      random,
    }),
    limits: createRateLimits(config.rateLimits, state.namespace('intake-limit')),
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
