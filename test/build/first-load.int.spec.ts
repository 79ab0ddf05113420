// The whistleblower's first load stays under 150 KB gzipped in every language (issue 16),
// measured on the real build output: the landing page's scripts and their static imports, plus
// every language's catalogue chunk, which every page fetches at start whatever the choice (so
// the server learns nothing from which one is fetched). Each language file is a chunk of its
// own, outside the landing page's static imports.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUDGET,
  languageFirstLoads,
  localeChunks,
  pageFirstLoad,
} from '../../frontend/scripts/first-load.js';
import { buildDir, ensureFrontendBuild } from '../e2e/support/frontend-build.ts';

const localesDir = fileURLToPath(new URL('../../frontend/src/lib/i18n/locales', import.meta.url));
const languageCodes = readdirSync(localesDir)
  .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .sort();

describe('first load per language', () => {
  ensureFrontendBuild();

  it('carries every language file as its own chunk, English in the landing page', () => {
    const chunks = localeChunks(buildDir);
    expect([...chunks.keys()].sort()).toEqual(languageCodes);
    const landing = pageFirstLoad(buildDir, 'index.html');
    const inLanding = [...chunks].filter(([, url]) =>
      [...landing.paths].some((p) => p.endsWith(url)),
    );
    expect(inLanding.map(([code]) => code)).toEqual(['en']);
  });

  it('stays under 150 KB gzipped in every language', () => {
    const loads = languageFirstLoads(buildDir);
    expect(loads.map((l) => l.code)).toEqual(languageCodes);
    for (const load of loads) expect(load.gzip, load.code).toBeLessThanOrEqual(BUDGET);
    // Every language downloads the same files: the landing page and every catalogue.
    expect(new Set(loads.map((l) => l.gzip)).size).toBe(1);
    expect(loads[0]!.gzip).toBeGreaterThan(pageFirstLoad(buildDir, 'index.html').gzip);
  });
});
