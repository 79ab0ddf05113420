import { auditLogProjection } from './audit/projection.ts';
import { caseListProjection } from './cases/projection.ts';
import { staffDirectoryProjection } from './directory/projection.ts';
import { whistleblowerLocatorsProjection } from './locators/projection.ts';
import type { Projection } from './projection.ts';
import { reportQueueProjection } from './queues/projection.ts';
import { referralsProjection } from './referrals/projection.ts';
import { evidenceBlobsProjection, pendingPurgesProjection } from './retention/projection.ts';

/** Every read model the services use; the server's runner and the rebuild CLI run this list. */
export const allProjections: readonly Projection[] = [
  reportQueueProjection,
  caseListProjection,
  whistleblowerLocatorsProjection,
  staffDirectoryProjection,
  auditLogProjection,
  evidenceBlobsProjection,
  pendingPurgesProjection,
  referralsProjection,
];
