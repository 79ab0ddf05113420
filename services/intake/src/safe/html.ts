/**
 * The no-JavaScript pages' HTML: escaping, the one layout, and its Content-Security-Policy (no
 * script at all, one hashed inline style sheet, forms to this origin only).
 */
import { createHash } from 'node:crypto';
import { inLanguage, safeLocales, type SafeLocale } from './i18n/index.ts';

/** Text for an element or a quoted attribute: every character HTML could read as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A fragment already escaped (made only by `html` below), so it is never escaped twice. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | readonly Html[] | undefined | false;

/** A template whose every interpolation is escaped unless it is already `Html`. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((part, i) => {
    if (part instanceof Html) out += part.value;
    else if (Array.isArray(part)) out += part.map((p: Html) => p.value).join('');
    else if (part !== undefined && part !== false) out += escapeHtml(String(part as string));
    out += strings[i + 1]!;
  });
  return new Html(out);
}

// Readable at 360 px and up: one column, system fonts, large targets, visible focus.
const style = `
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem}
label,legend{display:block;font-weight:600;margin-top:1rem}
.option{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.25rem 0}
fieldset{border:0;padding:0;margin:0}
input[type=text],input[type=date],input[type=password],textarea{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:1px solid #555;border-radius:4px}
textarea{min-height:8rem}
button,.button{display:inline-block;font:inherit;margin-top:1.5rem;padding:.6rem 1.2rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;text-decoration:none}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #c05600;outline-offset:2px}
.notice{border-left:4px solid #c05600;background:#fff4e5;padding:.75rem 1rem;margin:1rem 0}
.receipt{font-family:ui-monospace,monospace;font-size:1.3rem;word-break:break-all;background:#f2f2f2;padding:1rem}
.message{border:1px solid #ccc;border-radius:4px;padding:.75rem;margin:.75rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.muted{color:#555}
.languages ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 auto;padding:.5rem 1rem;max-width:40rem}
`;

const styleHash = createHash('sha256').update(style).digest('base64');
/** Made apart from the page template, whose whitespace a formatter may change: the hash must hold. */
const styleElement = new Html(`<style>${style}</style>`);

/**
 * No script of any kind may run on these pages (they are for browsers that refuse it, and a page
 * that needs none should not be able to run an injected one); the style sheet by its hash; forms
 * post to this origin only; nothing may frame them.
 */
export const safeCsp = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The language links of a page that can be loaded again (not a receipt or a case: those are answers to a form). */
function languageLinks(here: string, current: SafeLocale): Html {
  return html`<nav aria-label="${current.m.language}" class="languages">
    <ul>
      ${safeLocales.map(
        (l) =>
          html`<li>
            <a
              href="${inLanguage(here, l)}"
              lang="${l.code}"
              hreflang="${l.code}"
              ${l === current ? html`aria-current="page"` : ''}
              >${l.name}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/**
 * A whole page in `locale`; `here` (a path this page is loaded from by GET) adds the language
 * links. Pages that answer a form (the receipt, a case) have none: loading them again would lose
 * what they show.
 */
export function page(title: string, body: Html, locale: SafeLocale, here?: string): string {
  return html`<!doctype html>
    <html lang="${locale.code}" dir="${locale.dir}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title} · Integrity Desk</title>
        ${styleElement}
      </head>
      <body>
        ${here === undefined ? '' : languageLinks(here, locale)}
        <main>${body}</main>
      </body>
    </html> `.value;
}

/** Markup of ours from the catalogue (strong, em, a link to /): never anything from a request. */
const trusted = (markup: string) => new Html(markup);

/**
 * What every form page says first, before anything is typed: what this path promises and what it
 * does not, and how to get the stronger promise (SECURITY.md, "The no-JavaScript path").
 */
export function weakerPromise({ m }: SafeLocale): Html {
  return html`<section class="notice" aria-labelledby="promise">
    <h2 id="promise">${m.promiseHeading}</h2>
    <p>${trusted(m.promiseServerHtml)}</p>
    <p>${trusted(m.promiseStrongerHtml)}</p>
    <p>${m.promiseFiles}</p>
  </section>`;
}

/** The receipt's field: typed again on every form, never put into a page. */
export function receiptInput(id: string, label: string): Html {
  return html`<label for="${id}">${label}</label>
    <input
      id="${id}"
      name="receipt"
      type="password"
      dir="ltr"
      autocomplete="off"
      spellcheck="false"
      required
    />`;
}
