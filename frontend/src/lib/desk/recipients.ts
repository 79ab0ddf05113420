// Publishing a channel's recipients: the administrator's browser collects the investigators'
// public keys, signs the list with the deployment key held in its vault, and sends the signed
// list. The server stores it and cannot change it without the signature failing in every browser.
import { deskApi } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';

export type PublishOutcome = 'done' | 'conflict' | 'no-keys' | 'failed';

export async function publishRecipients(
  channelId: string,
  investigatorIds: string[],
): Promise<PublishOutcome> {
  const recipients = [];
  for (const investigatorId of investigatorIds) {
    const person = await deskApi.investigator(investigatorId);
    if (!person.ok) return 'failed';
    const { boxPublicKey, signPublicKey } = person.value;
    if (!boxPublicKey || !signPublicKey) return 'no-keys';
    recipients.push({ recipientId: investigatorId, boxPublicKey, signPublicKey });
  }
  const channel = await deskApi.channel(channelId);
  if (!channel.ok) return 'failed';
  const list = await runInWorker<unknown>({
    kind: 'deskSignRecipientList',
    channelId,
    version: (channel.value.recipientsVersion ?? 0) + 1,
    recipients,
  });
  const published = await deskApi.publishRecipients(channelId, channel.etag, list);
  if (published.ok) return 'done';
  return published.problem.status === 412 ? 'conflict' : 'failed';
}
