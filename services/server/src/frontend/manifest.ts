import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * build/manifest.json (frontend/scripts/file-manifest.js): the SHA-256 of every file of a
 * front-end build, the deployment key it pins and the commit it was built from.
 */
export const buildManifestSchema = z.object({
  version: z.literal(1),
  commit: z.string(),
  dirty: z.boolean(),
  pinnedDeploymentKey: z.string().nullable(),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BuildManifest = z.infer<typeof buildManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

/** The manifest of the build in `dir`, or undefined when it has none (or not a valid one). */
export function readBuildManifest(dir: string | undefined): BuildManifest | undefined {
  if (!dir) return undefined;
  try {
    const parsed = buildManifestSchema.safeParse(
      JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
