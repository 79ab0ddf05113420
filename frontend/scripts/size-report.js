// After `vite build`: how much JavaScript the whistleblower's first page load costs, gzipped.
// "First load" is every script the landing page references (entry, modulepreloads, imports),
// followed transitively through static imports, never through dynamic import() (libsodium and
// the crypto worker load on demand). Fails the build above the budget (150 KB).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDir } from './build-identity.js';

const build = buildDir();
const BUDGET = 150 * 1024;

const staticImport =
  /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']|export\s*[\w*{}\s,$]*from\s*["']([^"']+\.js)["']/g;

function scriptsOf(html) {
  const found = new Set();
  for (const m of html.matchAll(/(?:href|src)="([^"]+\.js)"/g)) found.add(m[1]);
  for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) found.add(m[1]);
  return found;
}

function closure(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const url = queue.pop();
    const path = join(build, url.replace(/^\.?\//, ''));
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    for (const m of source.matchAll(staticImport)) {
      const spec = m[1] ?? m[2];
      const next = new URL(spec, 'http://x' + path.slice(build.length)).pathname;
      queue.push(next);
    }
  }
  return [...seen];
}

function report(page) {
  const html = readFileSync(join(build, page), 'utf8');
  const files = closure([...scriptsOf(html)].map((u) => new URL(u, 'http://x/').pathname));
  const gz = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const raw = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  return { page, files: files.length, raw, gzip: gz };
}

const pages = ['index.html', 'report.html', 'return.html', 'desk.html'].filter((p) =>
  existsSync(join(build, p)),
);
const results = pages.map(report);
for (const r of results) {
  console.log(
    `first load ${r.page.padEnd(14)} ${String(r.files).padStart(3)} files  ${(r.raw / 1024).toFixed(1)} KB raw  ${(r.gzip / 1024).toFixed(1)} KB gzip`,
  );
}
writeFileSync(
  join(build, 'size-report.json'),
  JSON.stringify({ budgetGzipBytes: BUDGET, pages: results }, null, 2) + '\n',
);
const landing = results.find((r) => r.page === 'index.html');
if (!landing || landing.gzip > BUDGET) {
  console.error(`whistleblower first load over budget: ${landing?.gzip} > ${BUDGET} bytes gzip`);
  process.exit(1);
}
