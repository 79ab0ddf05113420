import {
  handleCommand,
  investigatorDecider,
  investigatorStream,
  type InvestigatorCommand,
} from '@integrity-desk/reports';
import type { DeskContext } from '../context.ts';
import type { PendingFailures } from './failure-ledger.ts';

type Recorded =
  | { readonly type: 'RecordSignIn' }
  | { readonly type: 'RecordSignOut' }
  | ({ readonly type: 'RecordSignInFailures' } & PendingFailures);

/**
 * Appends a sign-in, sign-out or aggregated failures to the account's stream. Nothing the
 * caller sent is in it beyond the account: no address, no user agent, the minute only. These
 * appends do not name a revision (no decision rests on them), so a concurrent change of the
 * stream is retried instead of failing.
 */
export async function recordSignInEvent(
  ctx: DeskContext,
  investigatorId: string,
  what: Recorded,
): Promise<void> {
  const { deps } = ctx;
  const data =
    what.type === 'RecordSignInFailures'
      ? { investigatorId, failures: what.failures, throttled: what.throttled }
      : { investigatorId };
  const actor =
    what.type === 'RecordSignInFailures'
      ? ({ kind: 'system' } as const)
      : ({ kind: 'investigator', investigatorId } as const);
  const command = {
    type: what.type,
    data,
    metadata: { now: deps.clock.now(), eventId: deps.ids.uuid(), actor },
  } as InvestigatorCommand;
  await handleCommand(
    deps.store,
    investigatorStream(investigatorId),
    investigatorDecider,
    command,
    {
      attempts: 5,
    },
  );
}
