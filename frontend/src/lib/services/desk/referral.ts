// Referral to another coalition member (SECURITY.md, Protocol step 11). The worker, which holds
// the report key, seals the reason under it in the `referrals` thread. Only when the channel
// informs only (a legal duty to forward), as the report channel's own recipient list signs it
// (verified against the pinned deployment key, never the server's word), does it also seal the
// key to the target channel's recipient list, verified the same way. Asking the whistleblower, no share leaves this page: the
// whistleblower's browser makes them if they accept.
import { deskApi } from '$lib/api/desk';
import { plainCopy, runInWorker } from '$lib/crypto';
import type { DeskCase } from '$lib/api/desk';
import { desk } from '$lib/state/desk.svelte';
import { commandOutcome, type LoadedDeskCase } from './case';

export interface ReferralTarget {
  channelId: string;
  name: string;
  recipientList: unknown;
}

export type ReferralOutcome = 'done' | 'refused' | 'conflict' | 'failed';

const listRefusals = new Set(['SignatureError', 'FormatError', 'UnknownAuthorError']);

/** The ids the (not yet verified) list names: the worker refuses any its verified copy lacks. */
function listedIds(list: unknown): string[] {
  const recipients = (list as { recipients?: { recipientId?: unknown }[] } | null)?.recipients;
  return (recipients ?? []).flatMap((r) =>
    typeof r.recipientId === 'string' ? [r.recipientId] : [],
  );
}

/** My next sequence in the case's `referrals` thread: one reason per referral I proposed. */
const nextReasonSequence = (file: DeskCase) =>
  file.referrals.filter((r) => r.by === desk.investigatorId).length;

export async function proposeReferral(
  loaded: LoadedDeskCase,
  target: ReferralTarget,
  reason: string,
  handOver: boolean,
): Promise<ReferralOutcome> {
  const file = plainCopy(loaded.file);
  const list = plainCopy(target.recipientList);
  const referralId = crypto.randomUUID();
  let shares: unknown[];
  let sealedReason: unknown;
  try {
    // The worker decides from the report channel's own signed list, never from the server's
    // word (referral-targets' `referralMode`): no share unless that list signs `inform`.
    ({ shares } = await runInWorker({
      kind: 'deskReferralShares',
      reportId: file.reportId,
      channelId: target.channelId,
      recipientIds: listedIds(list),
      recipientList: list,
      sourceChannelId: file.channelId,
      sourceList: file.recipientList,
      deploymentSignPublicKey: file.deploymentSignPublicKey,
      deploymentKeyTransitions: file.deploymentKeyTransitions ?? [],
    }));
    // The target is sealed with the reason, so the whistleblower's browser can tell that the
    // organisation it is shown is the one the key goes to.
    sealedReason = await runInWorker({
      kind: 'deskSealMessage',
      reportId: file.reportId,
      messageId: referralId,
      sequence: nextReasonSequence(file),
      text: JSON.stringify({ to: target.channelId, reason }),
      thread: 'referrals',
    });
  } catch (error) {
    const name = error instanceof Error ? error.message : '';
    return listRefusals.has(name) ? 'refused' : 'failed';
  }
  const result = await deskApi.refer(file.reportId, loaded.etag, {
    referralId,
    toChannelId: target.channelId,
    handOver,
    ...(shares.length > 0 && { shares }),
    reason: sealedReason,
  });
  return commandOutcome(loaded, result);
}

export async function withdrawReferral(
  loaded: LoadedDeskCase,
  referralId: string,
): Promise<ReferralOutcome> {
  const result = await deskApi.withdrawReferral(loaded.file.reportId, loaded.etag, referralId);
  if (result.ok) return 'done';
  return result.problem.status === 412 ? 'conflict' : 'failed';
}
