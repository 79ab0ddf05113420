/**
 * Typed domain errors. Each names the rule that was broken, so the HTTP layer maps it to a
 * status and a fixed message without ever echoing error.message.
 */
export class ReportDomainError extends Error {
  override readonly name: string = 'ReportDomainError';
  readonly code: string = 'report_rule';
}

export class ReportNotFoundError extends ReportDomainError {
  override readonly name = 'ReportNotFoundError';
  override readonly code = 'report_not_found';
}

export class ReportAlreadySubmittedError extends ReportDomainError {
  override readonly name = 'ReportAlreadySubmittedError';
  override readonly code = 'report_already_submitted';
}

export class ReportPurgedError extends ReportDomainError {
  override readonly name = 'ReportPurgedError';
  override readonly code = 'report_purged';
}

/** The command is not allowed in the report's current status. */
export class IllegalTransitionError extends ReportDomainError {
  override readonly name = 'IllegalTransitionError';
  override readonly code = 'illegal_transition';
  constructor(
    readonly command: string,
    readonly status: string,
  ) {
    super(`${command} is not allowed when the report is ${status}`);
  }
}

export class AlreadyAssignedError extends ReportDomainError {
  override readonly name = 'AlreadyAssignedError';
  override readonly code = 'already_assigned';
}

/** A label the report's channel does not define: only the channel's plain labels are attached. */
export class LabelNotDefinedError extends ReportDomainError {
  override readonly name = 'LabelNotDefinedError';
  override readonly code = 'label_not_defined';
}

export class NotAssignedError extends ReportDomainError {
  override readonly name = 'NotAssignedError';
  override readonly code = 'not_assigned';
}

/** A message, evidence or note id that the report already holds with other content. */
export class DuplicateItemError extends ReportDomainError {
  override readonly name = 'DuplicateItemError';
  override readonly code = 'duplicate_item';
}

/** A key share for a recipient who can already open the report, or already has another share. */
export class KeyShareConflictError extends ReportDomainError {
  override readonly name = 'KeyShareConflictError';
  override readonly code = 'key_share_conflict';
}

/**
 * A message or note not signed with the caller's own key: the whistleblower's is the receipt's
 * signing key in the submission envelope, an investigator's the one enrolled on their account.
 */
export class WrongAuthorError extends ReportDomainError {
  override readonly name = 'WrongAuthorError';
  override readonly code = 'wrong_author';
}

/** A message or note whose sequence is not the next one for its author on this report. */
export class MessageOutOfSequenceError extends ReportDomainError {
  override readonly name = 'MessageOutOfSequenceError';
  override readonly code = 'message_out_of_sequence';
}

/** The command's own data breaks a rule (e.g. changing to the status it already has). */
export class InvalidCommandError extends ReportDomainError {
  override readonly name = 'InvalidCommandError';
  override readonly code = 'invalid_command';
}

/** The retention job's rule: the report was closed too recently to be purged. */
export class RetentionNotElapsedError extends ReportDomainError {
  override readonly name = 'RetentionNotElapsedError';
  override readonly code = 'retention_not_elapsed';
}

/** A referral the command cannot act on: unknown, already answered, or another still open. */
export class ReferralConflictError extends ReportDomainError {
  override readonly name = 'ReferralConflictError';
  override readonly code = 'referral_conflict';
}
