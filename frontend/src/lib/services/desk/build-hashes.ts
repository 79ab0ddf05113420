import { getJson } from '$lib/api/http';

/** The served build's manifest.json (frontend/scripts/file-manifest.js), as the desk serves it. */
export interface BuildManifest {
  commit: string;
  dirty: boolean;
  pinnedDeploymentKey: string | null;
  files: Record<string, string>;
}

export async function loadBuildManifest(): Promise<BuildManifest | undefined> {
  const result = await getJson<BuildManifest>('/manifest.json');
  return result.ok ? result.value : undefined;
}

/** `sha256sum` lines ("<hash>  <path>"), so a copy can be checked with `sha256sum -c`. */
export function hashLines(manifest: BuildManifest): string {
  return Object.entries(manifest.files)
    .map(([path, hash]) => `${hash}  ${path}`)
    .join('\n');
}
