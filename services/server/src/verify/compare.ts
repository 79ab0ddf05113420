import type { BuildManifest } from '../frontend/manifest.ts';

/** What the deployment answered for one path: its status and the SHA-256 of its body. */
export interface Served {
  readonly status: number;
  readonly sha256: string | undefined;
}

export type FileVerdict = 'same' | 'different' | 'missing' | 'desk only';

export interface Comparison {
  readonly files: readonly { path: string; verdict: FileVerdict; detail?: string }[];
  /** True when every file the deployment should serve is served with the local build's bytes. */
  readonly ok: boolean;
}

/** Desk pages: intake never serves them (they belong on the staff side's private address). */
export const isDeskPage = (path: string) => path === 'desk.html' || path.startsWith('desk/');

/**
 * Compares what a deployment served, path by path, with a local build's manifest. A desk page
 * that is not served is not a difference (intake does not serve them); one that is served must
 * match like any other file. Pure: the fetching is the caller's.
 */
export function compareServed(
  local: BuildManifest,
  served: ReadonlyMap<string, Served>,
): Comparison {
  const files = Object.entries(local.files).map(([path, expected]) => {
    const got = served.get(path);
    if (!got || got.status !== 200 || got.sha256 === undefined) {
      if (isDeskPage(path) && got?.status === 404) return { path, verdict: 'desk only' as const };
      return { path, verdict: 'missing' as const, detail: `answered ${got?.status ?? 'nothing'}` };
    }
    return got.sha256 === expected
      ? { path, verdict: 'same' as const }
      : {
          path,
          verdict: 'different' as const,
          detail: `expected ${expected.slice(0, 16)}…, served ${got.sha256.slice(0, 16)}…`,
        };
  });
  return {
    files,
    ok: files.every((f) => f.verdict === 'same' || f.verdict === 'desk only'),
  };
}

/** One line per file, differences first, then a summary line. */
export function printComparison(comparison: Comparison): string[] {
  const label: Record<FileVerdict, string> = {
    different: 'DIFFERENT',
    missing: 'MISSING  ',
    same: 'same     ',
    'desk only': 'desk only',
  };
  const order: FileVerdict[] = ['different', 'missing', 'same', 'desk only'];
  const sorted = [...comparison.files].sort(
    (a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.path.localeCompare(b.path),
  );
  const count = (v: FileVerdict) => comparison.files.filter((f) => f.verdict === v).length;
  return [
    ...sorted.map((f) => `  ${label[f.verdict]}  ${f.path}${f.detail ? `  (${f.detail})` : ''}`),
    comparison.ok
      ? `OK: all ${count('same')} files the deployment serves are byte for byte this build's (${count('desk only')} desk pages are served by the desk only).`
      : `NOT THE SAME: ${count('different')} file(s) differ and ${count('missing')} are missing. Do not trust this deployment's pages until its operator explains why.`,
  ];
}
