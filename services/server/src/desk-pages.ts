import { apiOnlyCsp, cspHeader, isolationHeaders } from '@integrity-desk/http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

interface CspManifest {
  pages: Record<string, { file: string; group: string; header: string }>;
  groups: Record<string, { header: string }>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The headers the desk API sets (services/desk/src/http/security.ts) on everything this raw
 * listener answers by itself, from the same table (services/http security-headers.ts), so no
 * desk answer goes out without them.
 */
const pageHeaders = isolationHeaders;

/** An answer that is data, not a page: it loads nothing, and is never cached. */
const dataHeaders = {
  ...pageHeaders,
  'content-security-policy': cspHeader(apiOnlyCsp),
  'cache-control': 'no-store',
} as const;

/**
 * Serves the desk pages of the front-end build in front of the desk API: `/desk...` pages with
 * the exact CSP header the build computed for each, and the shared `/_app` assets. Everything
 * else goes to the API. Only files listed in csp.json or under /_app are ever read, so no path
 * can reach outside the build. A function as `staticDir` is asked at every request: the server
 * swaps in a rebuilt (pinned) build in one step.
 */
export function withDeskPages(
  staticDir: string | undefined | (() => string | undefined),
  api: RequestListener,
  options: { demo: boolean },
): RequestListener {
  const withInfo = deploymentInfo(api, options.demo);
  const dirOf = typeof staticDir === 'function' ? staticDir : () => staticDir;
  let served: { dir: string | undefined; listener: RequestListener } | undefined;
  return (req, res) => {
    const dir = dirOf();
    if (served === undefined || served.dir !== dir)
      served = { dir, listener: deskPagesOf(dir, withInfo) };
    served.listener(req, res);
  };
}

function deskPagesOf(staticDir: string | undefined, withInfo: RequestListener): RequestListener {
  const manifestFile = staticDir && join(staticDir, 'csp.json');
  if (!staticDir || !manifestFile || !existsSync(manifestFile)) return withInfo;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CspManifest;
  const groupHeader = manifest.groups['desk']?.header;

  const send = (res: ServerResponse, file: string, csp: string | undefined, head: boolean) => {
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      // Removed or unreadable since it was found (a deploy replacing the build): not there.
      res.writeHead(404, { ...dataHeaders, 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Not found.', status: 404 }));
      return;
    }
    const immutable = file.includes(`${join('_app', 'immutable')}`);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...pageHeaders,
      'content-security-policy': csp ?? dataHeaders['content-security-policy'],
    });
    res.end(head ? undefined : body);
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const get = req.method === 'GET' || req.method === 'HEAD';
    const page = manifest.pages[path === '/' ? '/desk' : path];
    if (get && page && page.group === 'desk') {
      return send(res, join(staticDir, page.file), page.header, req.method === 'HEAD');
    }
    if (get && path === '/favicon.svg' && existsSync(join(staticDir, 'favicon.svg'))) {
      return send(res, join(staticDir, 'favicon.svg'), groupHeader, req.method === 'HEAD');
    }
    // The build's file hashes (frontend/scripts/file-manifest.js), for the admin page to show.
    if (get && path === '/manifest.json' && existsSync(join(staticDir, 'manifest.json'))) {
      return send(res, join(staticDir, 'manifest.json'), groupHeader, req.method === 'HEAD');
    }
    if (get && path.startsWith('/_app/')) {
      const file = assetFile(staticDir, path);
      if (file) return send(res, file, groupHeader, req.method === 'HEAD');
    }
    withInfo(req, res);
  };
}

/**
 * The file under `<staticDir>/_app` that a request path names, or undefined: a path that does
 * not decode (`/_app/%`), leaves _app, or names a directory (`/_app/immutable/`) or nothing is
 * not an asset, and goes on to the API, which answers 404. Any of those once threw out of this
 * raw listener and ended the process.
 */
function assetFile(staticDir: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.length > 1024) return undefined;
  const rel = normalize(decoded).replace(/^\/+/, '');
  if (!rel.startsWith('_app/') || rel.includes('..')) return undefined;
  const file = join(staticDir, rel);
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined; // ENOENT, ENOTDIR (`/_app/version.json/x`), ENAMETOOLONG, EACCES
  }
}

/** The desk pages ask their own origin whether this is a demonstration (for the banner). */
function deploymentInfo(api: RequestListener, demo: boolean): RequestListener {
  return (req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/api/v1/deployment') {
      res.writeHead(200, { ...dataHeaders, 'content-type': 'application/json' });
      res.end(JSON.stringify({ demo }));
      return;
    }
    api(req, res);
  };
}
