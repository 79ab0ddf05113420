import {
  handleCommand,
  investigatorDecider,
  investigatorStream,
  type InvestigatorCommand,
} from '@integrity-desk/reports';
import { callerMetadata, commandMetadata, type DeskContext } from '../context.ts';
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
  const command: InvestigatorCommand =
    what.type === 'RecordSignInFailures'
      ? {
          type: what.type,
          data: { investigatorId, failures: what.failures, throttled: what.throttled },
          metadata: commandMetadata(deps, { kind: 'system' }),
        }
      : {
          type: what.type,
          data: { investigatorId },
          metadata: callerMetadata(deps, { investigatorId }),
        };
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
