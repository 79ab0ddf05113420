import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CspDirectives } from '../http/headers.ts';

const metaCsp =
  /<meta\s+http-equiv=["']content-security-policy["']\s+content=(?:"([^"]*)"|'([^']*)')/gi;

function parsePolicy(policy: string, into: Map<string, Set<string>>): void {
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const set = into.get(name.toLowerCase()) ?? new Set<string>();
    for (const v of values) set.add(v);
    into.set(name.toLowerCase(), set);
  }
}

function htmlFiles(dir: string, skip: readonly string[], base = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const rel = `${base}/${name}`;
    if (
      skip.some(
        (prefix) => rel === prefix || rel.startsWith(`${prefix}/`) || rel.startsWith(`${prefix}.`),
      )
    )
      continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path, skip, rel));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * One CSP header for the whistleblower pages, built from the front-end build: SvelteKit puts
 * each prerendered page's policy, with the sha256 hashes of its inline scripts, in a <meta> tag;
 * the union of those policies over the served pages is sent as the header (one policy, not
 * helmet's default stacked on Kit's, which would block Kit's start-up script). The build's
 * `csp.json` (frontend/scripts/csp-manifest.js: `groups.whistleblower.directives`) is merged in
 * too. `frame-ancestors 'none'` is added by securityHeaders, since <meta> cannot carry it.
 * Anything unsafe other than 'wasm-unsafe-eval' (and 'unsafe-hashes' for hashed style
 * attributes) is refused, so a build mistake cannot weaken the policy silently.
 */
export function cspFromBuild(
  staticDir: string,
  skip: readonly string[] = ['/desk'],
): CspDirectives {
  const merged = new Map<string, Set<string>>();
  for (const file of htmlFiles(staticDir, skip)) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(metaCsp))
      parsePolicy((match[1] ?? match[2] ?? '').replaceAll('&#39;', "'"), merged);
  }
  const manifest = join(staticDir, 'csp.json');
  if (existsSync(manifest)) {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as {
      header?: unknown;
      directives?: unknown;
      groups?: { whistleblower?: { directives?: unknown } };
    };
    if (typeof parsed.header === 'string') parsePolicy(parsed.header, merged);
    // frontend/scripts/csp-manifest.js writes groups.whistleblower.directives (version 1).
    for (const directives of [parsed.directives, parsed.groups?.whistleblower?.directives]) {
      if (!directives || typeof directives !== 'object') continue;
      for (const [name, values] of Object.entries(directives as Record<string, unknown>)) {
        if (Array.isArray(values)) parsePolicy(`${name} ${values.join(' ')}`, merged);
      }
    }
  }
  if (merged.size === 0) merged.set('default-src', new Set(["'self'"]));
  const directives: CspDirectives = {};
  for (const [name, values] of merged) {
    for (const v of values) {
      const lower = v.toLowerCase();
      if (lower.startsWith("'unsafe-") && lower !== "'unsafe-hashes'") {
        throw new Error(`refusing an unsafe CSP source in the build: ${name} ${v}`);
      }
      if (v === '*' || lower.startsWith('http:') || lower.startsWith('https:')) {
        throw new Error(`refusing a remote CSP source in the build: ${name} ${v}`);
      }
    }
    directives[name] = [...values];
  }
  return directives;
}
