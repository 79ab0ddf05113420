// Signing a channel's recipient list with the deployment key: its seed is sealed to this
// administrator and opened only in the worker, which signs (SECURITY.md, Protocol steps 10, 11).
// Publishing the list it returns is the caller's: each page reads its own outcome.
import { deskApi } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';
import type { DeploymentKeyForAdmin, JobOf } from '$lib/crypto/jobs';

type SigningJob = JobOf<'deskSignRecipientList' | 'deskResignRecipientList'>;

/**
 * The list the worker signs in `job` (given this administrator's sealed deployment key), or why
 * not: the worker's error name, `''` for an error without one, `'failed'` if the desk gave no key.
 */
export async function signWithDeploymentKey(
  job: (deploymentKey: DeploymentKeyForAdmin) => SigningJob,
): Promise<{ list: unknown } | { error: string }> {
  const deploymentKey = await deskApi.deploymentKey();
  if (!deploymentKey.ok) return { error: 'failed' };
  try {
    return { list: await runInWorker(job(deploymentKey.value)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : '' };
  }
}
