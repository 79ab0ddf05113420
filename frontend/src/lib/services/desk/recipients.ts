// Publishing a channel's recipients: the administrator's browser collects the investigators'
// public keys, checks each one's possession proof and shows its safety number, which the
// administrator compares with the person out of band (by phone or in person) and confirms; only
// then does it sign exactly those keys with the deployment key (its seed sealed to this
// administrator, opened only in the worker) and send the signed list, which the desk stores only
// if it verifies. The desk's word about whose keys these are counts for nothing (SECURITY.md,
// Protocol step 10): a desk that swaps a box key breaks the proof, one that swaps both keys
// changes the number.
import { deskApi } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';
import type { CandidateRecipient } from '$lib/crypto/jobs';
import type { CheckedRecipient } from '$lib/crypto/desk-key-binding';
import { signWithDeploymentKey } from './list-signing';

export type PublishOutcome =
  'done' | 'conflict' | 'no-keys' | 'unproven' | 'unconfirmed' | 'no-deployment-key' | 'failed';

/** One person about to be signed into a list, as the administrator reviews them. */
export type Reviewed =
  | { investigatorId: string; state: 'no-keys' | 'failed' }
  | {
      investigatorId: string;
      state: 'unproven' | 'ready';
      keys: CandidateRecipient;
      safetyNumber: string | null;
    };

/** Fetches one person's keys and checks their proof in the worker (which holds no secret for it). */
export async function reviewRecipient(investigatorId: string): Promise<Reviewed> {
  const person = await deskApi.investigator(investigatorId);
  if (!person.ok) return { investigatorId, state: 'failed' };
  const { boxPublicKey, signPublicKey, keyProof } = person.value;
  if (!boxPublicKey || !signPublicKey) return { investigatorId, state: 'no-keys' };
  const keys: CandidateRecipient = {
    investigatorId,
    boxPublicKey,
    signPublicKey,
    keyProof: keyProof ?? null,
  };
  let checked: CheckedRecipient | undefined;
  try {
    [checked] = await runInWorker({
      kind: 'deskCheckRecipients',
      people: [keys],
    });
  } catch {
    return { investigatorId, state: 'failed' };
  }
  return {
    investigatorId,
    state: checked?.proofHolds ? 'ready' : 'unproven',
    keys,
    safetyNumber: checked?.safetyNumber ?? null,
  };
}

/**
 * Signs and publishes the reviewed people's keys, exactly those whose numbers were shown: every
 * one must be ready (keys proven) and confirmed as compared by the administrator.
 */
export async function publishRecipients(
  channelId: string,
  reviewed: readonly Reviewed[],
  compared: ReadonlySet<string>,
): Promise<PublishOutcome> {
  if (reviewed.some((r) => r.state === 'failed')) return 'failed';
  if (reviewed.some((r) => r.state === 'no-keys')) return 'no-keys';
  // A broken proof is said first: no comparison makes those keys signable.
  if (reviewed.some((r) => r.state === 'unproven')) return 'unproven';
  const recipients: CandidateRecipient[] = [];
  for (const r of reviewed) {
    if (r.state !== 'ready') return 'unproven';
    if (!compared.has(r.investigatorId)) return 'unconfirmed';
    // A plain copy: the page keeps reviews in reactive state, which postMessage cannot clone.
    const { investigatorId, boxPublicKey, signPublicKey, keyProof } = r.keys;
    recipients.push({ investigatorId, boxPublicKey, signPublicKey, keyProof });
  }
  const channel = await deskApi.channel(channelId);
  if (!channel.ok) return 'failed';
  const signed = await signWithDeploymentKey((deploymentKey) => ({
    kind: 'deskSignRecipientList',
    channelId,
    version: (channel.value.recipientsVersion ?? 0) + 1,
    recipients,
    deploymentKey,
    currentList: channel.value.recipientList ?? null,
  }));
  if ('error' in signed) {
    if (signed.error === 'KeyProofFailed') return 'unproven';
    // This administrator holds no copy of the deployment key: a holder must share it first.
    return signed.error === 'NoDeploymentKey' ? 'no-deployment-key' : 'failed';
  }
  const published = await deskApi.publishRecipients(channelId, channel.etag, signed.list);
  if (published.ok) return 'done';
  return published.problem.status === 412 ? 'conflict' : 'failed';
}
