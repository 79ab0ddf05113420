import {
  createAccessRecorder,
  parseRecorded,
  readAggregate,
  type AccessRecorder,
  type Actor,
  type CommandMetadata,
} from '@integrity-desk/reports';
import {
  channelDecider,
  channelStream,
  investigatorDecider,
  investigatorStream,
  type ChannelState,
  type InvestigatorState,
} from '@integrity-desk/reports';
import {
  createLoginVerifier,
  type CryptoBackend,
  type LoginVerifier,
} from '@integrity-desk/protocol';
import { createNodeBackend } from '@integrity-desk/protocol/node';
import { StreamNotFoundError } from '@integrity-desk/eventstore';
import {
  createMemoryStore,
  createSharedState,
  type SharedState,
} from '@integrity-desk/shared-state';
import type { Request, Response } from 'express';
import type { DeskDeps } from './deps.ts';
import { LoginThrottle, RequestBudget } from './auth/throttle.ts';
import { TotpReplayGuard } from './auth/totp-replay.ts';
import { readSessionToken, SessionStore } from './auth/sessions.ts';
import { deriveDeskKeys, type DeskKeys } from './auth/server-keys.ts';
import { FailureLedger } from './auth/failure-ledger.ts';
import { SignInGate } from './auth/signin-gate.ts';
import { ProblemError } from './http/problem.ts';
import { LiveCaseList } from './case-list/live.ts';

/** Who is calling, re-read from the investigator's stream on every request. */
export interface Caller {
  readonly investigatorId: string;
  readonly handle: string;
  readonly role: 'administrator' | 'investigator';
  /** The signing key enrolled on the account: the only key their messages and notes may carry. */
  readonly signPublicKey: string;
}

/** The metadata of a command `actor` issues now: the desk's clock, a fresh event id. */
export function commandMetadata(
  deps: Pick<DeskDeps, 'clock' | 'ids'>,
  actor: Actor,
): CommandMetadata {
  return { now: deps.clock.now(), eventId: deps.ids.uuid(), actor };
}

/** The metadata of a command the signed-in investigator issues now. */
export function callerMetadata(
  deps: Pick<DeskDeps, 'clock' | 'ids'>,
  caller: Pick<Caller, 'investigatorId'>,
): CommandMetadata {
  return commandMetadata(deps, { kind: 'investigator', investigatorId: caller.investigatorId });
}

export interface DeskContext {
  readonly deps: DeskDeps;
  /**
   * What every desk process behind one address shares (sessions, throttles, TOTP replay guards):
   * this process's memory unless the server passes Redis's (REDIS_URL).
   */
  readonly state: SharedState;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;
  /** Failed sign-ins per existing account, aggregated before they are written. */
  readonly failures: FailureLedger;
  /** Bounds the Argon2id hashes of sign-in attempts for the whole desk. */
  readonly signInGate: SignInGate;
  /** Requests for sign-in KDF parameters, per handle. */
  readonly kdfBudget: RequestBudget;
  /** Subkeys of the server key: TOTP sealing, decoy KDF salts (auth/server-keys.ts). */
  readonly keys: DeskKeys;
  readonly backend: () => Promise<CryptoBackend>;
  /** Folded state per existing account, extended from its revision (readInvestigator). */
  readonly accounts: Map<string, { state: InvestigatorState; revision: bigint }>;
  /** TOTP steps used per investigator: a code works once, on every process. */
  readonly totpReplay: TotpReplayGuard;
  readonly setup: { token: string | undefined };
  /** A verifier of a random secret, checked for unknown handles (equal timing). */
  readonly dummyVerifier: () => Promise<LoginVerifier>;
  /** Who opened which case and downloaded which evidence, once per hour (reports/access). */
  readonly access: AccessRecorder;
  /** The case list in memory, kept up to date from the read models (case-list/live.ts). */
  readonly caseList: LiveCaseList;
}

export function createContext(deps: DeskDeps): DeskContext {
  let backend: Promise<CryptoBackend> | undefined;
  let dummy: Promise<LoginVerifier> | undefined;
  const getBackend = () => {
    if (deps.cryptoBackend) return Promise.resolve(deps.cryptoBackend);
    // The Node backend: Argon2id off the event loop (sign-in), Ed25519 verification native.
    backend ??= createNodeBackend();
    return backend;
  };
  const state =
    deps.sharedState ??
    createSharedState(
      createMemoryStore({ now: () => deps.clock.now().getTime() }),
      deps.ids.bytes(32),
    );
  return {
    deps,
    state,
    sessions: new SessionStore(
      deps.ids,
      (deps.config.sessionIdleMinutes ?? 30) * 60_000,
      state.namespace('desk-session'),
    ),
    throttle: new LoginThrottle(state.namespace('signin-throttle')),
    failures: new FailureLedger(state.namespace('signin-failures')),
    // Per process: it bounds this machine's hashing, which Redis cannot (auth/signin-gate.ts).
    signInGate: new SignInGate(deps.config.signIn),
    kdfBudget: new RequestBudget(state.namespace('signin-kdf')),
    keys: deriveDeskKeys(deps.config.serverKey, deps.config.kdfDecoyKey),
    backend: getBackend,
    dummyVerifier: () => {
      dummy ??= getBackend().then((b) =>
        createLoginVerifier(
          b,
          deps.ids.bytes(32).toString('base64url'),
          deps.config.loginVerifierParams,
        ),
      );
      return dummy;
    },
    totpReplay: new TotpReplayGuard(state.namespace('totp-step')),
    accounts: new Map(),
    access: createAccessRecorder({ store: deps.store, clock: deps.clock }),
    caseList: new LiveCaseList(deps.readModels),
    setup: { token: undefined },
  };
}

/**
 * An account's state, folded from its stream on every call, so a deactivation or a role change
 * written by any desk process counts at once. Sign-in events make these streams grow for the
 * account's whole life, so the folded state is kept per existing account and only the events
 * after it are read (the store reads them by revision): one small query instead of a re-parse of
 * years of events. Streams that do not exist are never kept, so unknown ids cannot grow it.
 */
export async function readInvestigator(
  ctx: DeskContext,
  investigatorId: string,
): Promise<{ state: InvestigatorState; revision: bigint | 'no_stream' }> {
  const stream = investigatorStream(investigatorId);
  const known = ctx.accounts.get(investigatorId);
  if (!known) {
    const read = await readAggregate(ctx.deps.store, stream, investigatorDecider);
    if (read.revision !== 'no_stream')
      ctx.accounts.set(investigatorId, { state: read.state, revision: read.revision });
    return { state: read.state, revision: read.revision };
  }
  let tail;
  try {
    tail = await ctx.deps.store.readStream(stream, { fromRevision: known.revision + 1n });
  } catch (error) {
    ctx.accounts.delete(investigatorId);
    if (error instanceof StreamNotFoundError)
      return { state: investigatorDecider.initialState, revision: 'no_stream' };
    throw error;
  }
  let { state, revision } = known;
  for (const r of tail) {
    state = investigatorDecider.evolve(state, parseRecorded(investigatorDecider, r));
    revision = r.revision;
  }
  if (tail.length > 0) ctx.accounts.set(investigatorId, { state, revision });
  return { state, revision };
}

export function readChannel(ctx: DeskContext, channelId: string) {
  return readAggregate(ctx.deps.store, channelStream(channelId), channelDecider);
}

/**
 * Authentication, in one place: a live session of an account that is still active. The role
 * comes from the stream, so a demotion or deactivation takes effect on the next request.
 */
export async function requireCaller(
  ctx: DeskContext,
  req: Request,
  res: Response,
): Promise<Caller> {
  const token = readSessionToken(req.get('cookie'));
  const investigatorId = token === undefined ? undefined : await ctx.sessions.touch(token);
  if (!token || !investigatorId) throw new ProblemError('unauthenticated');
  const { state } = await readInvestigator(ctx, investigatorId);
  if (state.status !== 'active') {
    await ctx.sessions.destroy(token);
    throw new ProblemError('unauthenticated');
  }
  const caller: Caller = {
    investigatorId,
    handle: state.handle,
    role: state.role,
    signPublicKey: state.signPublicKey,
  };
  res.locals['caller'] = caller;
  return caller;
}

export async function requireAdmin(ctx: DeskContext, req: Request, res: Response): Promise<Caller> {
  const caller = await requireCaller(ctx, req, res);
  if (caller.role !== 'administrator') throw new ProblemError('forbidden');
  return caller;
}

/** Authorization of report access, in one place: recipients of the report's channel only. */
export function isRecipient(channel: ChannelState, investigatorId: string): boolean {
  return channel.status !== 'none' && channel.recipients.includes(investigatorId);
}

export type ActiveInvestigator = Extract<InvestigatorState, { status: 'active' }>;

/** If-Match: "<revision>" — required on every command that changes an existing stream. */
export function ifMatch(req: Request): bigint {
  const header = req.get('if-match');
  if (header === undefined) throw new ProblemError('preconditionRequired');
  const m = /^(?:W\/)?"(\d{1,18})"$/.exec(header.trim());
  if (!m) throw new ProblemError('invalidRequest');
  return BigInt(m[1] as string);
}

export const etag = (revision: bigint | number) => `"${revision}"`;
