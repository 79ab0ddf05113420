import { WrongExpectedVersionError, type EventStore } from '@integrity-desk/eventstore';
import {
  findInvestigatorByHandle,
  investigatorDecider,
  investigatorStream,
  listInvestigators,
  readAggregate,
  type InvestigatorState,
  type TotpAtRest,
} from '@integrity-desk/reports';
import type Database from 'better-sqlite3';
import { deriveDeskKeys } from '../auth/server-keys.ts';
import { DEFAULT_CODE_VALID_HOURS, issueTotpReset } from '../credentials/totp-reset.ts';
import type { Clock, Ids } from '../deps.ts';

/**
 * Recovery for the person who runs the server, from its command line (services/server's
 * `npm run desk:recover`), for the two ways a desk locks itself out: the last administrator
 * lost their authenticator, or the server key was lost or replaced. Both end in the TOTP reset
 * an administrator's reset makes (credentials/totp-reset.ts), recorded with the actor
 * `operator`; the investigator finishes it with their own login secret, so the operator can
 * force a new authenticator but never sign in as anyone (SECURITY.md, Operator recovery).
 */
export interface RecoveryDeps {
  readonly store: EventStore;
  /** The staff directory (handle to account); every decision re-reads the account's stream. */
  readonly readModels: Database.Database;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly validForHours?: number;
}

export interface OperatorReset {
  readonly handle: string;
  readonly investigatorId: string;
  /** What the desk's reset page asks for: `<investigatorId>:<code>`. Shown once, never stored. */
  readonly resetCode: string;
  readonly expiresAt: string;
}

/** A refusal in one line for the operator's terminal; nothing was changed. */
export class RecoveryRefusedError extends Error {
  override readonly name = 'RecoveryRefusedError';
}

const handlePattern = /^[a-z0-9._-]{2,64}$/;

async function reset(
  deps: RecoveryDeps,
  handle: string,
  investigatorId: string,
  revision: bigint,
): Promise<OperatorReset> {
  try {
    const issued = await issueTotpReset(deps, {
      investigatorId,
      actor: { kind: 'operator' },
      validForHours: deps.validForHours ?? DEFAULT_CODE_VALID_HOURS,
      expectedRevision: revision,
    });
    return {
      handle,
      investigatorId,
      resetCode: `${investigatorId}:${issued.code}`,
      expiresAt: issued.expiresAt,
    };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError)
      throw new RecoveryRefusedError(
        `the account "${handle}" changed while this ran (a sign-in?); nothing was reset, run it again`,
      );
    throw error;
  }
}

/** Puts one account, named by its handle, into TOTP reset; refuses all but an active one (or one in reset). */
export async function resetTotpByOperator(
  deps: RecoveryDeps,
  handle: string,
): Promise<OperatorReset> {
  if (!handlePattern.test(handle))
    throw new RecoveryRefusedError('a handle is 2 to 64 of a-z, 0-9, ".", "_" and "-"');
  const found = findInvestigatorByHandle(deps.readModels, handle);
  const read = found
    ? await readAggregate(deps.store, investigatorStream(found.investigatorId), investigatorDecider)
    : undefined;
  const state = read?.state;
  // The directory finds; the stream decides (a stale read model must not reset another account).
  if (
    !read ||
    read.revision === 'no_stream' ||
    !state ||
    state.status === 'none' ||
    state.handle !== handle
  )
    throw new RecoveryRefusedError(`no account has the handle "${handle}"`);
  if (state.status === 'deactivated')
    throw new RecoveryRefusedError(`the account "${handle}" is deactivated; nothing was reset`);
  if (state.status === 'invited' || state.status === 'enrolled')
    throw new RecoveryRefusedError(
      `the account "${handle}" has not finished enrolment; an administrator invites it again`,
    );
  return reset(deps, handle, state.investigatorId, read.revision);
}

const sealedElsewhere = (totp: TotpAtRest | undefined, keyId: string) =>
  totp?.kind === 'sealed' && totp.sealed.keyId !== keyId;

/**
 * What a new server key means for an account, pure: `reset` when its second factor (or the one
 * it bound after a reset and has not confirmed) is sealed under another key, `unconfirmed` for an
 * enrolment whose secret no desk with this key can check (it never became an account; an
 * administrator deactivates it and invites again), otherwise nothing.
 */
export function afterKeyChange(
  state: InvestigatorState,
  keyId: string,
): 'reset' | 'unconfirmed' | undefined {
  if (state.status === 'active') return sealedElsewhere(state.totp, keyId) ? 'reset' : undefined;
  if (state.status === 'totp_reset')
    return sealedElsewhere(state.pendingTotp, keyId) ? 'reset' : undefined;
  if (state.status === 'enrolled')
    return sealedElsewhere(state.totp, keyId) ? 'unconfirmed' : undefined;
  return undefined;
}

export interface KeyChangeOutcome {
  /** Fingerprint of the server key the desk now holds (the `keyId` of new seals). */
  readonly keyId: string;
  readonly reset: readonly OperatorReset[];
  /** Handles that would be reset (all of them with `dryRun`, else those a conflict stopped). */
  readonly pending: readonly string[];
  readonly unconfirmed: readonly string[];
}

/**
 * After the server key was replaced (lost, or suspected leaked): every account whose TOTP secret
 * is sealed under another key is put into TOTP reset, so each person binds a new authenticator
 * with their own login secret. Accounts already sealed under this key are left alone, so running
 * it twice resets nobody twice. `dryRun` lists them and changes nothing.
 */
export async function resetAfterKeyChange(
  deps: RecoveryDeps,
  serverKey: Uint8Array,
  options: { readonly dryRun?: boolean } = {},
): Promise<KeyChangeOutcome> {
  const keyId = deriveDeskKeys(serverKey).totpSealKeyId;
  const done: OperatorReset[] = [];
  const pending: string[] = [];
  const unconfirmed: string[] = [];
  for (const entry of listInvestigators(deps.readModels)) {
    const read = await readAggregate(
      deps.store,
      investigatorStream(entry.investigatorId),
      investigatorDecider,
    );
    const what = read.revision === 'no_stream' ? undefined : afterKeyChange(read.state, keyId);
    if (what === 'unconfirmed') unconfirmed.push(entry.handle);
    if (what !== 'reset' || read.revision === 'no_stream') continue;
    if (options.dryRun) {
      pending.push(entry.handle);
      continue;
    }
    // One account's failure must not lose the codes already made for the others.
    try {
      done.push(await reset(deps, entry.handle, entry.investigatorId, read.revision));
    } catch {
      pending.push(entry.handle);
    }
  }
  return { keyId, reset: done, pending, unconfirmed };
}
