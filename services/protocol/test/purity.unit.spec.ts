// The package must not read a clock, the environment or the network, nor do I/O: scan sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
/**
 * The Node backend (`@integrity-desk/protocol/node`, servers only) is the one source that may
 * import sodium-native; the isomorphic index never imports it, so no browser bundle contains it.
 */
const NODE_ENTRY = join(SRC, 'backend', 'node.ts');
/** The Node entry's verification thread: only it may import node:worker_threads. */
const NODE_THREAD = join(SRC, 'backend', 'verify-thread.ts');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ['Date', /\bDate\b/],
  ['performance', /\bperformance\b/],
  ['process', /\bprocess\./],
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['sendBeacon', /sendBeacon/],
  ['localStorage', /localStorage|sessionStorage|indexedDB/],
  ['document', /\bdocument\.[a-z]/],
  ['node: imports', /from ['"]node:/],
  ['fs/net/http', /from ['"](fs|net|http|https|os|child_process|dgram|dns)['"]/],
  ['require', /\brequire\s*\(/],
  ['Math.random', /Math\.random/],
  ['console', /\bconsole\./],
  ['setTimeout/setInterval', /\bset(Timeout|Interval)\b/],
];

describe('purity', () => {
  const all = files(SRC);
  const sources = all.filter((f) => f !== NODE_ENTRY && f !== NODE_THREAD);

  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN)('no source uses %s', (_name, pattern) => {
    const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the Node entry imports sodium-native and the package only, and nothing imports it', () => {
    expect(all).toContain(NODE_ENTRY);
    const node = readFileSync(NODE_ENTRY, 'utf8');
    const imports = [...node.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    // A set: the entry names the package twice, once for its type and once to load it.
    expect([...new Set(imports.filter((m) => !m!.startsWith('./')))]).toEqual(['sodium-native']);
    for (const f of sources)
      expect(readFileSync(f, 'utf8'), f).not.toMatch(
        /['"][.\w/-]*\/(node|verify-thread)(\.ts)?['"]/,
      );
    for (const [, pattern] of FORBIDDEN) expect(node).not.toMatch(pattern);
  });

  it('the verification thread imports node:worker_threads only, and only the Node entry imports it', () => {
    expect(all).toContain(NODE_THREAD);
    const thread = readFileSync(NODE_THREAD, 'utf8');
    const imports = [...thread.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports).toEqual(['node:worker_threads']);
    expect(readFileSync(NODE_ENTRY, 'utf8')).toMatch(/from '\.\/verify-thread\.ts'/);
    for (const [name, pattern] of FORBIDDEN)
      if (name !== 'node: imports') expect(thread, name).not.toMatch(pattern);
  });

  it('imports only its declared dependencies', () => {
    const allowed = /^(\.|libsodium-wrappers-sumo$|@noble\/(ciphers|hashes|curves)\/|zod$)/;
    for (const f of sources) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
        expect(m[1], f).toMatch(allowed);
      }
    }
  });
});
