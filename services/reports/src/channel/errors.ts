import { ReportDomainError } from '../report/errors.ts';

export class ChannelNotFoundError extends ReportDomainError {
  override readonly name = 'ChannelNotFoundError';
  override readonly code = 'channel_not_found';
}
/**
 * A recipient list the desk will not store: its signature does not verify against the current
 * deployment key, or it names someone who is not an active account with those enrolled keys.
 */
export class RecipientListRefusedError extends ReportDomainError {
  override readonly name = 'RecipientListRefusedError';
  override readonly code = 'recipient_list_refused';
}

/** A publish whose version is not the next one: someone else published in between. */
export class StaleVersionError extends ReportDomainError {
  override readonly name = 'StaleVersionError';
  override readonly code = 'stale_version';
}
