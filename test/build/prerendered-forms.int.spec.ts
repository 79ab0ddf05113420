// Every page is prerendered, so its forms reach the browser before the scripts that handle
// them. A submit button that works in that moment lets the browser submit the form itself: the
// page reloads at `?` and what was typed (a receipt, a password) is gone. Every submit button in
// every prerendered page must therefore start disabled; the root layout enables them once it
// has mounted ($lib/state/hydration.svelte.ts). So must every other button and the language
// switcher, whose click or choice would be lost in that moment. Read from the real build output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir, ensureFrontendBuild } from '../e2e/support/frontend-build.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_app' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const submitButtons = (html: string) =>
  [...html.matchAll(/<button\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\btype="submit"/.test(tag) || !/\btype=/.test(tag));
const scriptedControls = (html: string) =>
  [...html.matchAll(/<button\b[^>]*>|<select\b[^>]*id="language-switcher"[^>]*>/g)].map(
    (m) => m[0],
  );

describe('prerendered forms', () => {
  ensureFrontendBuild();

  it('start with every submit button disabled, on every page that has a form', () => {
    const pages = htmlFiles(buildDir).map((file) => ({
      page: relative(buildDir, file),
      html: readFileSync(file, 'utf8'),
    }));
    const withForms = pages.filter(({ html }) => html.includes('<form'));
    // The pages people sign in, return and set up on are among them (the check reads something).
    expect(withForms.map((p) => p.page)).toEqual(
      expect.arrayContaining(['return.html', 'desk.html', 'desk/setup.html', 'desk/enrol.html']),
    );
    const enabled = withForms.flatMap(({ page, html }) =>
      submitButtons(html)
        .filter((tag) => !/\bdisabled\b/.test(tag))
        .map((tag) => `${page}: ${tag}`),
    );
    expect(enabled).toEqual([]);
    expect(withForms.flatMap(({ html }) => submitButtons(html)).length).toBeGreaterThan(0);
  });

  it('start with every other button and the language switcher disabled too', () => {
    const controls = htmlFiles(buildDir).flatMap((file) =>
      scriptedControls(readFileSync(file, 'utf8')).map((tag) => ({
        page: relative(buildDir, file),
        tag,
      })),
    );
    expect(controls.filter((c) => c.tag.includes('language-switcher')).length).toBeGreaterThan(3);
    expect(controls.filter((c) => !/\bdisabled\b/.test(c.tag))).toEqual([]);
  });
});
