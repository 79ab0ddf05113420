import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const page = (hash: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' '${hash}'"></head><body>page</body></html>`;

/**
 * A small front-end build on disk, shaped as `npm run build` writes it (pages, csp.json, hashed
 * assets under _app/immutable), for tests of the static handlers without building the front end.
 */
export function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idesk-build-'));
  const header = "default-src 'none'; script-src 'self'; frame-ancestors 'none'";
  writeFileSync(join(dir, 'index.html'), page('sha256-HOME='));
  writeFileSync(join(dir, 'report.html'), page('sha256-REPORT='));
  mkdirSync(join(dir, 'report'));
  writeFileSync(join(dir, 'report', 'evidence.html'), page('sha256-EVIDENCE='));
  writeFileSync(join(dir, 'desk.html'), page('sha256-DESK='));
  mkdirSync(join(dir, 'desk'));
  writeFileSync(join(dir, 'desk', 'audit.html'), page('sha256-AUDIT='));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(dir, '_app', 'immutable', 'entry'), { recursive: true });
  writeFileSync(join(dir, '_app', 'immutable', 'entry', 'start.js'), 'console.log(1)');
  writeFileSync(join(dir, '_app', 'version.json'), '{"version":"1"}');
  const pages = {
    '/': { file: 'index.html', group: 'whistleblower', header },
    '/report': { file: 'report.html', group: 'whistleblower', header },
    '/desk': { file: 'desk.html', group: 'desk', header },
    '/desk/audit': { file: 'desk/audit.html', group: 'desk', header },
  };
  writeFileSync(
    join(dir, 'csp.json'),
    JSON.stringify({
      pages,
      groups: { whistleblower: { header, directives: {} }, desk: { header, directives: {} } },
    }),
  );
  return dir;
}
