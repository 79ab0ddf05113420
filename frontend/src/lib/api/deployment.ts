import { getJson } from './http';

/**
 * What every page may show about the deployment. Both services answer GET /api/v1/deployment;
 * a `demo: true` there puts the demonstration banner on every page.
 */
export interface DeploymentInfo {
  name?: string;
  demo?: boolean;
}

export async function loadDeploymentInfo(): Promise<DeploymentInfo | undefined> {
  const result = await getJson<DeploymentInfo>('/api/v1/deployment');
  return result.ok ? result.value : undefined;
}
