import type { EventStore } from '@integrity-desk/eventstore';
import {
  handleCommand,
  investigatorDecider,
  investigatorStream,
  type Actor,
} from '@integrity-desk/reports';
import { commandMetadata } from '../context.ts';
import type { Clock, Ids } from '../deps.ts';
import { hashCode, newEnrolmentCode } from '../setup/routes.ts';

/** Validity of a reset code unless the deployment says otherwise (DeskConfig.enrolmentValidHours). */
export const DEFAULT_CODE_VALID_HOURS = 72;

/**
 * Puts an account into TOTP reset: its second factor stops working at once and a new one-time
 * code (128 bits) is made, of which only the SHA-256 enters the event. The same step for an
 * administrator's reset (credentials/routes.ts) and the operator's (recovery/), so both leave the
 * account in exactly the state the investigator finishes from with their login secret.
 * The code is returned to be shown once; it is never logged or stored.
 */
export async function issueTotpReset(
  deps: { readonly store: EventStore; readonly clock: Clock; readonly ids: Ids },
  reset: {
    readonly investigatorId: string;
    readonly actor: Actor;
    readonly validForHours: number;
    /** The revision the caller decided on (If-Match); a stream that moved on fails with 412. */
    readonly expectedRevision?: bigint;
  },
): Promise<{ code: string; revision: bigint; expiresAt: string }> {
  const code = newEnrolmentCode(deps.ids);
  const result = await handleCommand(
    deps.store,
    investigatorStream(reset.investigatorId),
    investigatorDecider,
    {
      type: 'ResetTotp',
      data: {
        investigatorId: reset.investigatorId,
        enrolmentCodeHash: hashCode(code),
        validForHours: reset.validForHours,
      },
      metadata: commandMetadata(deps, reset.actor),
    },
    reset.expectedRevision === undefined ? {} : { expectedRevision: reset.expectedRevision },
  );
  const event = result.events.find((e) => e.type === 'InvestigatorTotpReset');
  return { code, revision: result.revision, expiresAt: event?.data.expiresAt ?? '' };
}
