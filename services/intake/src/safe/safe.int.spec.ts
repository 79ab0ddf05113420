// The no-JavaScript path on the real HTTP server: a report with a file sealed by the server to
// the channel's verified list (and marked so), a return with the receipt that replies, and every
// bad form refused with an HTML page that changes nothing.
import { describe, expect, it } from 'vitest';
import { snapshot } from '../test-support/harness.ts';
import {
  formClient,
  receiptOf,
  safeChannelId,
  safeIntakeEachTest,
  type SafeIntake,
} from '../test-support/safe-harness.ts';

const start = safeIntakeEachTest();

const reportPath = `/safe/report/${safeChannelId}`;

function reportForm(token: string, answers: Record<string, string>, files: File[] = []) {
  const form = new FormData();
  form.set('form', token);
  for (const [id, value] of Object.entries(answers)) form.set(`q-${id}`, value);
  for (const file of files) form.append('files', file);
  return form;
}

const fullAnswers = {
  what: 'The tender was rigged.',
  where: 'Ministry of Works',
  ongoing: 'y',
  seen: 'yes',
};

async function expectHtmlRefusal(
  s: SafeIntake,
  answer: { res: Response; text: string },
  status: number,
  before: string,
) {
  expect(answer.res.status).toBe(status);
  expect(answer.res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(answer.text).toContain('Nothing was saved');
  expect(await snapshot(s.h.store)).toBe(before);
}

describe('the no-JavaScript path', () => {
  it('lists the channels with the weaker promise first, under a policy that allows no script', async () => {
    const safe = await start();
    const c = formClient(safe.h);
    const { res, text } = await c.get('/safe');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(text).toContain('<html lang="en" dir="ltr">');
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('the server sees what you write');
    expect(text).toContain('Integrity Namibia');
    const form = await c.get(reportPath);
    expect(form.text.indexOf('the server sees what you write')).toBeLessThan(
      form.text.indexOf('<form'),
    );
    expect(form.text).toMatch(/<label for="q-what"\s*><span lang="en" dir="auto">What happened\?/);
    // Only in the default language: shown in it, and marked so.
    expect(form.text).toContain('<span lang="de" dir="auto">Welche Organisation ist beteiligt?');
    expect(form.text).toContain('value="y"');
    expect(form.text).toContain('value="yes"');
  });

  it('seals a report with a file to the verified list, marked sealed by the server', async () => {
    const safe = await start();
    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const pdf = new File([Buffer.from('%PDF-1.4 minutes of the meeting')], 'minutes.pdf', {
      type: 'application/pdf',
    });
    const sent = await c.post(reportPath, reportForm(token!, fullAnswers, [pdf]));
    expect(sent.res.status).toBe(201);
    const receipt = receiptOf(sent.text);
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);

    const [report] = await safe.reports();
    expect(report!.answers).toEqual({ language: 'en', answers: fullAnswers });
    expect(report!.sealedBy).toBe('server');
    const files = await safe.evidence(report!.envelope.reportId, report!.reportKey);
    expect(files.map((f) => [f.name, f.bytes.toString()])).toEqual([
      ['minutes.pdf', '%PDF-1.4 minutes of the meeting'],
    ]);

    // Returning: the receipt opens the case and seals a reply under its own keys.
    const back = await c.get('/safe/return');
    const opened = await c.post(
      '/safe/case',
      new URLSearchParams({ form: back.token!, receipt: receipt! }),
    );
    expect(opened.res.status).toBe(200);
    expect(opened.text).toContain('data-testid="case-status">Received<');
    const reply = await c.post(
      '/safe/case',
      new URLSearchParams({
        form: back.token!,
        receipt: receipt!.toLowerCase(),
        reply: 'More soon.',
      }),
    );
    expect(reply.res.status).toBe(200);
    expect(reply.text).toContain('More soon.');
    expect(
      await safe.whistleblowerMessages(
        report!.envelope.reportId,
        report!.reportKey,
        report!.envelope.whistleblower.signPublicKey,
      ),
    ).toEqual(['More soon.']);
  }, 30_000);

  it('refuses a form without its token, from another site, or with a token of another cookie', async () => {
    const safe = await start();
    const s = safe;
    const c = formClient(s.h);
    const { token } = await c.get(reportPath);
    const before = await snapshot(s.h.store);
    await expectHtmlRefusal(s, await c.post(reportPath, reportForm('', fullAnswers)), 403, before);
    await expectHtmlRefusal(
      s,
      await c.post(reportPath, reportForm(token!, fullAnswers), { 'sec-fetch-site': 'cross-site' }),
      403,
      before,
    );
    const other = formClient(s.h);
    await other.get(reportPath);
    await expectHtmlRefusal(
      s,
      await other.post(reportPath, reportForm(token!, fullAnswers)),
      403,
      before,
    );
    const noCookie = await fetch(`${s.h.url}${reportPath}`, {
      method: 'POST',
      body: reportForm(token!, fullAnswers),
    });
    await expectHtmlRefusal(s, { res: noCookie, text: await noCookie.text() }, 403, before);
  });

  it('refuses bad input with a clear page and changes nothing', async () => {
    const safe = await start({ config: { safe: { maxBodyBytes: 64 * 1024, maxFiles: 2 } } });
    const s = safe;
    const c = formClient(s.h);
    const { token } = await c.get(reportPath);
    const before = await snapshot(s.h.store);
    const missing = await c.post(reportPath, reportForm(token!, { what: 'only this' }));
    await expectHtmlRefusal(s, missing, 400, before);
    expect(missing.text).toContain('A required question has no answer.');
    await expectHtmlRefusal(
      s,
      await c.post(reportPath, reportForm(token!, { ...fullAnswers, ongoing: 'Perhaps' })),
      400,
      before,
    );
    const big = new File([Buffer.alloc(100 * 1024, 1)], 'big.bin');
    await expectHtmlRefusal(
      s,
      await c.post(reportPath, reportForm(token!, fullAnswers, [big])),
      413,
      before,
    );
    const three = ['a', 'b', 'c'].map((n) => new File([n], `${n}.txt`));
    await expectHtmlRefusal(
      s,
      await c.post(reportPath, reportForm(token!, fullAnswers, three)),
      413,
      before,
    );
    await expectHtmlRefusal(
      s,
      await c.post(
        '/safe/report/c0ffee00-0000-4000-8000-00000000dead',
        reportForm(token!, fullAnswers),
      ),
      404,
      before,
    );
    await expectHtmlRefusal(
      s,
      await c.post(reportPath, JSON.stringify(fullAnswers) as unknown as URLSearchParams, {
        'content-type': 'application/json',
      }),
      415,
      before,
    );
    const back = await c.get('/safe/return');
    const wrong = await c.post(
      '/safe/case',
      new URLSearchParams({ form: back.token!, receipt: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }),
    );
    await expectHtmlRefusal(s, wrong, 401, before);
  }, 30_000);

  it('refuses a list that does not verify under the pinned key, sealing nothing', async () => {
    const safe = await start({ pinned: 'A'.repeat(43) });
    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const before = await snapshot(safe.h.store);
    await expectHtmlRefusal(
      safe,
      await c.post(reportPath, reportForm(token!, fullAnswers)),
      503,
      before,
    );
  });

  it('takes only its own allowance of reports per window, counting only forms that passed', async () => {
    const safe = await start({ config: { safe: { submitPerWindow: 1 } } });
    const s = safe;
    const c = formClient(s.h);
    const { token } = await c.get(reportPath);
    // Refused forms count towards nothing.
    await c.post(reportPath, reportForm('', fullAnswers));
    await c.post(reportPath, reportForm(token!, { what: 'x' }));
    expect((await c.post(reportPath, reportForm(token!, fullAnswers))).res.status).toBe(201);
    const before = await snapshot(s.h.store);
    const limited = await c.post(reportPath, reportForm(token!, fullAnswers));
    await expectHtmlRefusal(s, limited, 429, before);
    expect(limited.text).toContain('Too many requests');
  }, 30_000);
});
