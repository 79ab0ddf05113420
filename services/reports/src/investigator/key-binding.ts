import { z } from 'zod';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import type { Command } from '../shared/command.ts';
import type { InvestigatorState } from './state.ts';

/**
 * Keys bound to people (SECURITY.md, Protocol step 10). The possession proof, the account's
 * signing key's signature over its id and both public keys, is stored with the enrolled keys so
 * that every administrator's browser can check it before signing the keys into a recipient
 * list. Accounts enrolled before proofs existed add theirs at their next unlock
 * (`InvestigatorKeysProven`); until then no list can name them. An investigator's browser that
 * finds a signed list naming them with other keys raises an alarm, recorded here for the audit
 * log. Pure: the desk verifies each proof before it reaches the decider (as it hashes codes and
 * seals TOTP secrets), so nothing here holds a crypto backend.
 */
const id = z.string().min(1).max(128);
const at = z.iso.datetime();

/** An Ed25519 signature, base64url without padding (64 bytes). */
export const keyProofSchema = z.string().regex(/^[A-Za-z0-9_-]{86}$/);

/** Why a browser raised the alarm: its keys differ in a list, or a list's signature fails. */
export const keyAlarmReasons = ['keys-differ', 'signature-invalid'] as const;
export type KeyAlarmReason = (typeof keyAlarmReasons)[number];

export const keyBindingEventSchemas = [
  z.object({
    type: z.literal('InvestigatorKeysProven'),
    data: z.object({ investigatorId: id, keyProof: keyProofSchema, provenAt: at }),
  }),
  z.object({
    type: z.literal('InvestigatorKeyMismatchAlarmed'),
    data: z.object({
      investigatorId: id,
      channelId: id,
      recipientListVersion: z.number().int().min(0).max(1_000_000_000),
      reason: z.enum(keyAlarmReasons),
      alarmedAt: at,
    }),
  }),
] as const;
export type KeyBindingEvent = z.infer<(typeof keyBindingEventSchemas)[number]>;

export type KeyBindingCommand =
  | Command<'ProveKeys', { investigatorId: string; keyProof: string }>
  | Command<
      'RaiseKeyAlarm',
      {
        investigatorId: string;
        channelId: string;
        recipientListVersion: number;
        reason: KeyAlarmReason;
      }
    >;

export function decideKeyBinding(
  command: KeyBindingCommand,
  state: Exclude<InvestigatorState, { status: 'none' }>,
): KeyBindingEvent[] {
  const iso = command.metadata.now.toISOString();
  // Both are the account's own acts, from its signed-in browser.
  if (state.status !== 'active') throw new IllegalTransitionError(command.type, state.status);
  switch (command.type) {
    case 'ProveKeys': {
      // Ed25519 signatures are deterministic: the same keys give the same proof, so a retry
      // writes nothing and another proof for the same keys cannot be genuine.
      if (state.keyProof === command.data.keyProof) return [];
      if (state.keyProof !== undefined)
        throw new InvalidCommandError('the account has another proof');
      return [
        {
          type: 'InvestigatorKeysProven',
          data: {
            investigatorId: state.investigatorId,
            keyProof: command.data.keyProof,
            provenAt: iso,
          },
        },
      ];
    }
    case 'RaiseKeyAlarm': {
      const d = command.data;
      return [
        {
          type: 'InvestigatorKeyMismatchAlarmed',
          data: {
            investigatorId: state.investigatorId,
            channelId: d.channelId,
            recipientListVersion: d.recipientListVersion,
            reason: d.reason,
            alarmedAt: iso,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      throw new InvalidCommandError(`unknown command ${String(_exhaustive)}`);
    }
  }
}

export function evolveKeyBinding(
  state: InvestigatorState,
  event: KeyBindingEvent,
): InvestigatorState {
  switch (event.type) {
    case 'InvestigatorKeysProven':
      return state.status === 'none' || state.status === 'invited'
        ? state
        : { ...state, keyProof: event.data.keyProof };
    case 'InvestigatorKeyMismatchAlarmed':
      // The audit trail's: an alarm changes nothing the account's rules depend on.
      return state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
