import { readAggregate } from '@integrity-desk/reports';
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
  loadBackend,
  type CryptoBackend,
  type LoginVerifier,
} from '@integrity-desk/protocol';
import type { Request, Response } from 'express';
import type { DeskDeps } from './deps.ts';
import { LoginThrottle, RequestBudget } from './auth/throttle.ts';
import { readSessionToken, SessionStore } from './auth/sessions.ts';
import { deriveDeskKeys, type DeskKeys } from './auth/server-keys.ts';
import { FailureLedger } from './auth/failure-ledger.ts';
import { ProblemError } from './http/problem.ts';

/** Who is calling, re-read from the investigator's stream on every request. */
export interface Caller {
  readonly investigatorId: string;
  readonly handle: string;
  readonly role: 'administrator' | 'investigator';
}

export interface DeskContext {
  readonly deps: DeskDeps;
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;
  /** Failed sign-ins per existing account, aggregated before they are written. */
  readonly failures: FailureLedger;
  /** Requests for sign-in KDF parameters, per handle. */
  readonly kdfBudget: RequestBudget;
  /** Subkeys of the server key: TOTP sealing, decoy KDF salts (auth/server-keys.ts). */
  readonly keys: DeskKeys;
  readonly backend: () => Promise<CryptoBackend>;
  /** Last TOTP time step accepted per investigator: a code works once. */
  readonly lastTotpStep: Map<string, number>;
  readonly setup: { token: string | undefined };
  /** A verifier of a random secret, checked for unknown handles (equal timing). */
  readonly dummyVerifier: () => Promise<LoginVerifier>;
}

export function createContext(deps: DeskDeps): DeskContext {
  let backend: Promise<CryptoBackend> | undefined;
  let dummy: Promise<LoginVerifier> | undefined;
  const getBackend = () => {
    if (deps.cryptoBackend) return Promise.resolve(deps.cryptoBackend);
    backend ??= loadBackend();
    return backend;
  };
  return {
    deps,
    sessions: new SessionStore(
      deps.clock,
      deps.ids,
      (deps.config.sessionIdleMinutes ?? 30) * 60_000,
    ),
    throttle: new LoginThrottle(deps.clock),
    failures: new FailureLedger(deps.clock),
    kdfBudget: new RequestBudget(deps.clock),
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
    lastTotpStep: new Map(),
    setup: { token: undefined },
  };
}

export function readInvestigator(ctx: DeskContext, investigatorId: string) {
  return readAggregate(ctx.deps.store, investigatorStream(investigatorId), investigatorDecider);
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
  const investigatorId = token === undefined ? undefined : ctx.sessions.touch(token);
  if (!token || !investigatorId) throw new ProblemError('unauthenticated');
  const { state } = await readInvestigator(ctx, investigatorId);
  if (state.status !== 'active') {
    ctx.sessions.destroy(token);
    throw new ProblemError('unauthenticated');
  }
  const caller: Caller = { investigatorId, handle: state.handle, role: state.role };
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
