import { getJson } from './http';

/**
 * What every page may show about the deployment. Both services answer GET /api/v1/deployment;
 * a `demo: true` there puts the demonstration banner on every page.
 */
export interface DeploymentInfo {
  name?: string;
  demo?: boolean;
}

let info: Promise<DeploymentInfo | undefined> | undefined;

/**
 * Fetched once per page load: the banners that ask are mounted again when the language changes,
 * and a request at that moment would tell the server that someone chose a language, and when.
 */
export function loadDeploymentInfo(): Promise<DeploymentInfo | undefined> {
  info ??= getJson<DeploymentInfo>('/api/v1/deployment').then((result) => {
    if (!result.ok) info = undefined; // tried again by the next banner
    return result.ok ? result.value : undefined;
  });
  return info;
}
