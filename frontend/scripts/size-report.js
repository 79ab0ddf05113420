// After `vite build`: how much JavaScript the whistleblower's first page load costs, gzipped,
// per page and per language (scripts/first-load.js says what counts). Fails the build when the
// landing page in any language is above the budget (150 KB).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir } from './build-identity.js';
import { BUDGET, languageFirstLoads, pageFirstLoad } from './first-load.js';

const build = buildDir();
const kb = (n) => (n / 1024).toFixed(1);

const pages = ['index.html', 'report.html', 'return.html', 'desk.html']
  .filter((p) => existsSync(join(build, p)))
  .map((p) => pageFirstLoad(build, p))
  .map(({ paths: _paths, ...r }) => r);
for (const r of pages) {
  console.log(
    `first load ${r.page.padEnd(14)} ${String(r.files).padStart(3)} files  ${kb(r.raw)} KB raw  ${kb(r.gzip)} KB gzip`,
  );
}
const languages = languageFirstLoads(build);
for (const r of languages) {
  console.log(
    `first load index.html in ${r.code.padEnd(6)} ${String(r.files).padStart(3)} files  ${kb(r.raw)} KB raw  ${kb(r.gzip)} KB gzip`,
  );
}
writeFileSync(
  join(build, 'size-report.json'),
  JSON.stringify({ budgetGzipBytes: BUDGET, pages, languages }, null, 2) + '\n',
);
const landing = pages.find((r) => r.page === 'index.html');
const over = [landing, ...languages].filter((r) => !r || r.gzip > BUDGET);
if (over.length > 0) {
  for (const r of over)
    console.error(
      `whistleblower first load over budget: ${r?.code ?? r?.page} ${r?.gzip} > ${BUDGET} bytes gzip`,
    );
  process.exit(1);
}
