import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize, posix } from 'node:path';

/**
 * The whistleblower pages of the static front-end build. The desk pages live in the same build
 * and are never served here (they belong on the staff side's private address).
 */
export function whistleblowerPages(
  staticDir: string | undefined,
  skip: readonly string[] = ['/desk'],
): RequestHandler | undefined {
  if (!staticDir || !existsSync(staticDir)) return undefined;
  const files = express.static(staticDir, {
    index: 'index.html',
    extensions: ['html'],
    dotfiles: 'ignore',
    redirect: false,
    etag: true,
    // Pages must not be cached by shared caches; hashed assets under /_app/immutable may be.
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // The skip list is checked against the path as the file system will see it: decoded and
    // normalised, so `/_app/%2e%2e/desk.html` cannot reach a desk page. A path that does not
    // decode (`/%`, `/%E0%A4%A`) is no file: 404 from the handlers after this one.
    const path = decodedPath(req.path);
    if (
      path === undefined ||
      skip.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}.`))
    )
      return next();
    // Kit's static build writes /report as report.html next to a report/ folder: serve the page.
    if (req.path !== '/' && !extname(req.path)) {
      const page = normalize(`${req.path.replace(/\/+$/, '')}.html`);
      if (!page.startsWith('..') && existsSync(join(staticDir, page))) {
        req.url = page + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
      }
    }
    files(req, res, next);
  };
}

function decodedPath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    if (decoded.includes('\0')) return undefined;
    return posix.normalize(decoded);
  } catch {
    return undefined;
  }
}
