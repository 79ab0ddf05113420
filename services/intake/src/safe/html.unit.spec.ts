// The pages' only style sheet is allowed by its hash: the hash in the policy must be the one of
// the text the page carries, whatever a formatter does to the template around it.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { escapeHtml, html, page, safeCsp } from './html.ts';
import { safeLocale } from './i18n/index.ts';

it('allows exactly the style element the page carries, and no script', () => {
  const styles = [
    ...page('x', html`<p>y</p>`, safeLocale('ar'), '/safe').matchAll(/<style>([\s\S]*?)<\/style>/g),
  ];
  expect(styles).toHaveLength(1);
  const hash = createHash('sha256').update(styles[0]![1]!).digest('base64');
  expect(safeCsp).toContain(`style-src 'sha256-${hash}'`);
  expect(safeCsp).toContain("script-src 'none'");
});

it('escapes every interpolation that is not already HTML', () => {
  const hostile = `<script>alert("x")</script>' onload='x`;
  expect(html`<p title="${hostile}">${hostile}</p>`.value).not.toMatch(/<script|'|"x"/);
  expect(escapeHtml('&<>"\'')).toBe('&#38;&#60;&#62;&#34;&#39;');
});
