import { ReportDomainError } from '../report/errors.ts';

/** A share or rotation by someone who holds no copy of the current key, or of another key. */
export class DeploymentKeyRefusedError extends ReportDomainError {
  override readonly name = 'DeploymentKeyRefusedError';
  override readonly code = 'deployment_key_refused';
}
