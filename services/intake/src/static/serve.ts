import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

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
    if (
      skip.some(
        (p) => req.path === p || req.path.startsWith(`${p}/`) || req.path.startsWith(`${p}.`),
      )
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
