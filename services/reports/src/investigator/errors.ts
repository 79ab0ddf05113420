import { ReportDomainError } from '../report/errors.ts';

export class InvestigatorNotFoundError extends ReportDomainError {
  override readonly name = 'InvestigatorNotFoundError';
  override readonly code = 'investigator_not_found';
}
/** Wrong or expired enrolment code: one error for both, so a caller learns nothing more. */
export class EnrolmentRefusedError extends ReportDomainError {
  override readonly name = 'EnrolmentRefusedError';
  override readonly code = 'enrolment_refused';
}
