// The no-JavaScript pages in the whistleblower's language (Tor Browser "Safest" users are the
// ones who most need them): every catalogue complete and of the same shape as English, the
// choice carried in `?lang=` by every link and form so it survives each page, the questionnaire
// in that language where the administrator wrote it, the language sealed with the answers, and
// errors in it too. Unknown codes are English.
import { describe, expect, it } from 'vitest';
import { snapshot } from '../test-support/harness.ts';
import {
  formClient,
  receiptOf,
  safeChannelId,
  safeIntakeEachTest,
} from '../test-support/safe-harness.ts';
import { en } from './i18n/en.ts';
import { safeLocales } from './i18n/index.ts';

const start = safeIntakeEachTest();

const reportPath = `/safe/report/${safeChannelId}`;
const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<[^>]+>/g)].map((m) => m[0]);
/** Words that are the same in a language as in English (names, loanwords). */
const sameAsEnglish = new Set(['fr:caseMessages']);

describe('the no-JavaScript pages in other languages', () => {
  it('have every catalogue complete, with the slots and markup of English and nothing left in English', () => {
    expect(safeLocales.map((l) => l.code)).toEqual(['en', 'af', 'de', 'pt', 'fr', 'ar']);
    for (const { code, m } of safeLocales) {
      expect(Object.keys(m).sort(), code).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(m) as [keyof typeof en, string][]) {
        expect(text.trim(), `${code}:${key}`).not.toBe('');
        expect(slots(text), `${code}:${key}`).toEqual(slots(en[key]));
        // Markup only where English has it, and only ours: strong, em, the link to the start page.
        expect(tags(text).length, `${code}:${key}`).toBe(tags(en[key]).length);
        for (const tag of tags(text))
          expect(tag, `${code}:${key}`).toMatch(/^<\/?(strong|em|a)( href="\/")?>$/);
        if (code !== 'en' && !sameAsEnglish.has(`${code}:${key}`))
          expect(text, `${code}:${key}`).not.toBe(en[key]);
      }
    }
  });

  it('carry the chosen language through links and forms, mirrored for Arabic, English for an unknown code', async () => {
    const safe = await start();
    const c = formClient(safe.h);
    const de = await c.get('/safe?lang=de');
    expect(de.text).toContain('<html lang="de" dir="ltr">');
    expect(de.text).toContain('Missstände melden ohne JavaScript');
    expect(de.text).toContain('<strong>sieht der Server, was Sie schreiben');
    expect(de.text).toContain(`href="${reportPath}?lang=de"`);
    expect(de.text).toContain('href="/safe/return?lang=de"');
    // Every language offered, each named in itself, the current one marked.
    for (const l of safeLocales)
      expect(de.text).toMatch(new RegExp(`hreflang="${l.code}"[^>]*>${l.name}<`));
    expect(de.text).toMatch(/href="\/safe\?lang=de"[^>]*aria-current="page"/);
    expect(de.text).toMatch(/href="\/safe"[^>]*hreflang="en"/);

    const ar = await c.get('/safe/return?lang=ar');
    expect(ar.text).toContain('<html lang="ar" dir="rtl">');
    expect(ar.text).toContain('action="/safe/case?lang=ar"');
    expect(ar.text).toContain('العودة إلى بلاغك');

    for (const odd of ['xx', 'de-DE', '../en', '']) {
      const page = await c.get(`/safe?lang=${encodeURIComponent(odd)}`);
      expect(page.res.status, odd).toBe(200);
      expect(page.text, odd).toContain('<html lang="en" dir="ltr">');
      expect(page.text, odd).toContain(`href="${reportPath}"`);
      expect(page.text, odd).toContain('href="/safe/return"');
    }
  });

  it('ask the questions in that language, seal the language with the answers, and answer in it through the receipt and the case', async () => {
    const safe = await start();
    const c = formClient(safe.h);
    const form = await c.get(`${reportPath}?lang=de`);
    expect(form.text).toContain(`action="${reportPath}?lang=de"`);
    expect(form.text).toContain('<span lang="de" dir="auto">Was ist passiert?');
    expect(form.text).toContain('<span lang="de" dir="auto">Ja</span>');
    const body = new FormData();
    body.set('form', form.token!);
    body.set('q-what', 'Die Ausschreibung war abgesprochen.');
    body.set('q-where', 'Ministerium für Bauwesen');
    body.set('q-ongoing', 'y');
    body.set('q-seen', 'yes');
    const sent = await c.post(`${reportPath}?lang=de`, body);
    expect(sent.res.status).toBe(201);
    expect(sent.text).toContain('Ihre Meldung ist eingegangen');
    const receipt = receiptOf(sent.text);
    expect(receipt).toBeDefined();
    const [report] = await safe.reports();
    expect(report!.answers).toEqual({
      language: 'de',
      answers: {
        what: 'Die Ausschreibung war abgesprochen.',
        where: 'Ministerium für Bauwesen',
        ongoing: 'y',
        seen: 'yes',
      },
    });

    const back = await c.get('/safe/return?lang=pt');
    const opened = await c.post(
      '/safe/case?lang=pt',
      new URLSearchParams({ form: back.token!, receipt: receipt! }),
    );
    expect(opened.res.status).toBe(200);
    expect(opened.text).toContain('<html lang="pt" dir="ltr">');
    expect(opened.text).toContain('data-testid="case-status">Recebida<');
    expect(opened.text).toContain('action="/safe/case?lang=pt"');
  }, 30_000);

  it('refuse in that language, with a fixed text, changing nothing', async () => {
    const safe = await start();
    const c = formClient(safe.h);
    await c.get('/safe/return?lang=ar');
    const before = await snapshot(safe.h.store);
    const refused = await c.post(
      '/safe/case?lang=ar',
      new URLSearchParams({ form: 'forged', receipt: 'AAAA' }),
    );
    expect(refused.res.status).toBe(403);
    expect(refused.text).toContain('<html lang="ar" dir="rtl">');
    expect(refused.text).toContain(safeLocales.find((l) => l.code === 'ar')!.m.errorFormRefused);
    expect(await snapshot(safe.h.store)).toBe(before);
  });
});
