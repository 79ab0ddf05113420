/**
 * Whether a submission envelope wraps the report key to this investigator: its plain recipient
 * ids only, no cryptography, so the page can tell "sealed before you were added" apart without
 * the worker, and the worker knows whether to open the report through a key share.
 */
export function sealedTo(envelope: unknown, investigatorId: string | undefined): boolean {
  const recipients = (envelope as { recipients?: { recipientId?: unknown }[] }).recipients ?? [];
  return recipients.some((r) => r.recipientId === investigatorId);
}
