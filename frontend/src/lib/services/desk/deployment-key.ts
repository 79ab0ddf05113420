// The deployment key on the admin page: sharing this administrator's copy with a colleague, and
// replacing the key. The seed is opened, sealed and signed with in the worker only; the page
// sends sealed copies and a transition the current key signed, never the key.
import { deskApi } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';

export type DeploymentKeyOutcome = 'done' | 'no-deployment-key' | 'unproven' | 'failed';

function outcomeOf(error: unknown): DeploymentKeyOutcome {
  const name = error instanceof Error ? error.message : '';
  if (name === 'KeyProofFailed') return 'unproven';
  return name === 'NoDeploymentKey' ? 'no-deployment-key' : 'failed';
}

/**
 * Seals the deployment key to the colleague's box key as the desk gives it for their account, and
 * only if their possession proof holds (checked in the worker).
 */
export async function shareDeploymentKey(administratorId: string): Promise<DeploymentKeyOutcome> {
  const [deploymentKey, person] = await Promise.all([
    deskApi.deploymentKey(),
    deskApi.investigator(administratorId),
  ]);
  if (!deploymentKey.ok || !person.ok) return 'failed';
  const { boxPublicKey, signPublicKey, keyProof } = person.value;
  if (!boxPublicKey || !signPublicKey) return 'failed';
  try {
    const sealedKey = await runInWorker({
      kind: 'deskShareDeploymentKey',
      deploymentKey: deploymentKey.value,
      colleague: { investigatorId: administratorId, boxPublicKey, signPublicKey, keyProof },
    });
    return (await deskApi.shareDeploymentKey(sealedKey)).ok ? 'done' : 'failed';
  } catch (error) {
    return outcomeOf(error);
  }
}

/** A new deployment key: the current one signs the transition; the new seed is sealed to me. */
export async function rotateDeploymentKey(): Promise<DeploymentKeyOutcome> {
  const deploymentKey = await deskApi.deploymentKey();
  if (!deploymentKey.ok) return 'failed';
  try {
    const rotation = await runInWorker({
      kind: 'deskRotateDeploymentKey',
      deploymentKey: deploymentKey.value,
    });
    return (await deskApi.rotateDeploymentKey(rotation)).ok ? 'done' : 'failed';
  } catch (error) {
    return outcomeOf(error);
  }
}
