// What a first page load costs, measured on the build output: every script the page references
// (entry, modulepreloads, imports), followed transitively through static imports, never through
// dynamic import() (libsodium and the crypto worker load on demand). Every page also fetches
// every language's catalogue chunk at start, whatever the visitor chose (so the requests say
// nothing about the choice: src/lib/i18n/registry.ts): a language's first load is the landing
// page's plus all of them, the same files in every language.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = 150 * 1024;

const staticImport =
  /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']|export\s*[\w*{}\s,$]*from\s*["']([^"']+\.js)["']/g;

function scriptsOf(html) {
  const found = new Set();
  for (const m of html.matchAll(/(?:href|src)="([^"]+\.js)"/g)) found.add(m[1]);
  for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) found.add(m[1]);
  return found;
}

function closure(build, entries) {
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
      queue.push(new URL(spec, 'http://x' + path.slice(build.length)).pathname);
    }
  }
  return seen;
}

function measure(files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}

/** The first load of a prerendered page (index.html, desk.html, ...). */
export function pageFirstLoad(build, page) {
  const html = readFileSync(join(build, page), 'utf8');
  const files = closure(
    build,
    [...scriptsOf(html)].map((u) => new URL(u, 'http://x/').pathname),
  );
  return { page, ...measure(files), paths: files };
}

/**
 * Each language's catalogue chunk, found by its content (`meta:{code:"de"` as the minifier
 * writes it), so a language added as a file is measured without being named here.
 */
export function localeChunks(build) {
  const dir = join(build, '_app/immutable/chunks');
  const found = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const m of source.matchAll(/meta:\{code:["'`]([\w-]+)["'`],name:/g))
      found.set(m[1], `/_app/immutable/chunks/${name}`);
  }
  return found;
}

/** The whistleblower's first load (the landing page) in each language the build carries. */
export function languageFirstLoads(build) {
  const landing = pageFirstLoad(build, 'index.html');
  const chunks = localeChunks(build);
  const files = new Set([...landing.paths, ...closure(build, [...chunks.values()])]);
  const all = measure(files);
  return [...chunks.keys()].sort().map((code) => ({ code, ...all }));
}
