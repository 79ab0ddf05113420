/**
 * SECURITY.md, "The no-JavaScript path", attacked from outside: a real intake on a loopback port,
 * posted to as a browser without scripts would post, and as one that does not play along would
 * (stalled and oversized bodies, forms from another site, malformed requests, floods). What the
 * happy path already shows (safe.int.spec.ts) and what the canaries show (canary.int.spec.ts) is
 * not repeated here: these are the promises those tests did not try to break.
 */
import { generateSigningKeyPair, sealMessage } from '@integrity-desk/protocol';
import { handleReportCommand, type ReportCommand } from '@integrity-desk/reports';
import { fakeB64 } from '../../reports/src/shared/fixtures.ts';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDir, ensureFrontendBuild } from '../../../test/e2e/support/frontend-build.ts';
import {
  channels,
  makeEnvelope,
  makeReceipt,
  snapshot,
  submit,
  testBackend,
} from '../src/test-support/harness.ts';
import {
  formClient,
  receiptOf,
  safeChannelId,
  startSafeIntake,
} from '../src/test-support/safe-harness.ts';

type Safe = Awaited<ReturnType<typeof startSafeIntake>>;
let safe: Safe | undefined;
const open: { destroy(): void }[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) r.destroy();
  await safe?.h.close();
  safe = undefined;
});

const reportPath = `/safe/report/${safeChannelId}`;
const promise = 'Before you write: what this page can and cannot promise';
const answers = { 'q-what': 'The tender was rigged.', 'q-where': 'Ministry of Works' };

function reportForm(token: string, extra: Record<string, string> = answers, files: File[] = []) {
  const form = new FormData();
  form.set('form', token);
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  for (const file of files) form.append('files', file);
  return form;
}

/** An error page of this path: HTML with the path's own policy, saying nothing was saved. */
function expectErrorPage(res: Response, text: string, status: number) {
  expect({
    status: res.status,
    type: res.headers.get('content-type'),
    csp: res.headers.get('content-security-policy'),
    saidSo: text.includes('Nothing was saved'),
    json: text.trimStart().startsWith('{'),
  }).toEqual({
    status,
    type: expect.stringMatching(/^text\/html/) as unknown,
    csp: expect.stringContaining("script-src 'none'") as unknown,
    saidSo: true,
    json: false,
  });
}

/**
 * A form whose body starts (the token, the beginning of an answer) and then stops arriving, as a
 * slow or hostile client's would; `answer` settles when the server answers it.
 */
function startedForm(url: string, cookie: string, token: string, firstBytes = 'The tender') {
  const { hostname, port } = new URL(url);
  const b = 'stalledboundary';
  const req = request({
    method: 'POST',
    host: hostname,
    port,
    path: reportPath,
    headers: {
      cookie,
      'sec-fetch-site': 'same-origin',
      'content-type': `multipart/form-data; boundary=${b}`,
      'transfer-encoding': 'chunked',
    },
  });
  const answer = new Promise<{ status: number; body: string; connection?: string }>(
    (resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body, connection: res.headers.connection }),
        );
      });
      req.on('error', reject);
    },
  );
  answer.catch(() => undefined);
  req.write(
    `--${b}\r\nContent-Disposition: form-data; name="form"\r\n\r\n${token}\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="q-what"\r\n\r\n${firstBytes}`,
  );
  const handle = { req, answer, destroy: () => req.destroy() };
  open.push(handle);
  return handle;
}

/**
 * A message appended to the log as the desk would, sealed under the report key and signed with
 * `signSeed` under the investigator's id (or, by a compromised server, with a key of its own).
 */
async function appendInvestigatorMessage(
  s: Safe,
  report: { reportKey: Uint8Array; envelope: { reportId: string } },
  by: { investigatorId: string; signSeed: Uint8Array; body: string },
) {
  const reportId = report.envelope.reportId;
  const messageId = randomUUID();
  await s.h.store.append(`report-${reportId}`, [
    {
      id: randomUUID(),
      type: 'MessagePosted',
      data: {
        reportId,
        messageId,
        author: 'investigator',
        investigatorId: by.investigatorId,
        postedAt: '2026-03-10T10:00:00.000Z',
        envelope: sealMessage(await testBackend(), {
          reportKey: report.reportKey,
          reportId,
          messageId,
          authorRole: 'investigator',
          authorSignSeed: by.signSeed,
          sequence: 0,
          body: by.body,
        }),
      },
    },
  ]);
}

describe('the no-JavaScript path, attacked', () => {
  it('says its weaker promise before every form, on every page that has one', async () => {
    safe = await startSafeIntake();
    const c = formClient(safe.h);
    const pages: Record<string, string> = {};
    pages['/safe'] = (await c.get('/safe')).text;
    const form = await c.get(reportPath);
    pages[reportPath] = form.text;
    const sent = await c.post(reportPath, reportForm(form.token!));
    expect(sent.res.status).toBe(201);
    const back = await c.get('/safe/return');
    pages['/safe/return'] = back.text;
    const receipt = receiptOf(sent.text)!;
    const opened = await c.post('/safe/case', new URLSearchParams({ form: back.token!, receipt }));
    expect(opened.res.status).toBe(200);
    // The case page asks for a reply: a form where the whistleblower types again.
    pages['case page'] = opened.text;
    const withForms = Object.entries(pages).filter(([, text]) => text.includes('<form'));
    expect(withForms.map(([name]) => name)).toEqual([reportPath, '/safe/return', 'case page']);
    for (const [name, text] of Object.entries(pages)) {
      const at = text.indexOf(promise);
      const firstForm = text.indexOf('<form');
      expect({ name, said: at >= 0, beforeForm: firstForm < 0 || at < firstForm }).toEqual({
        name,
        said: true,
        beforeForm: true,
      });
    }
  }, 30_000);

  it('points to these forms from every static page of the build, before anything can be typed', () => {
    const manifest = ensureFrontendBuild();
    const pages = Object.entries(manifest.pages).filter(([, p]) => p.group === 'whistleblower');
    expect(pages.length).toBeGreaterThan(5);
    for (const [path, p] of pages) {
      const text = readFileSync(join(buildDir, p.file), 'utf8');
      const pointer = /<noscript>[\s\S]*?<a href="\/safe"[\s\S]*?<\/noscript>/.exec(text);
      const typed = ['<input', '<textarea'].map((tag) => text.indexOf(tag)).filter((i) => i >= 0);
      expect({
        path,
        pointer: pointer !== null,
        beforeTyping: pointer !== null && typed.every((i) => pointer.index < i),
      }).toEqual({ path, pointer: true, beforeTyping: true });
    }
    // Every prerendered page of the group is in the manifest: none escapes the check.
    const html = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? html(join(dir, e.name))
          : e.name.endsWith('.html')
            ? [relative(buildDir, join(dir, e.name))]
            : [],
      );
    const files = new Set(Object.values(manifest.pages).map((p) => p.file));
    expect(html(buildDir).filter((f) => !files.has(f))).toEqual([]);
  }, 240_000);

  it('sets its form cookie HttpOnly, SameSite=Strict, for /safe only, and refuses a same-site post', async () => {
    safe = await startSafeIntake();
    const res = await fetch(`${safe.h.url}${reportPath}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    const [pair, ...flags] = cookie.split(';').map((s) => s.trim());
    expect(pair).toMatch(/^safe_form=[A-Za-z0-9_-]{43}$/);
    // Plain HTTP on loopback here: Secure only over HTTPS, or the browser would drop it.
    expect(flags.sort()).toEqual(['HttpOnly', 'Path=/safe', 'SameSite=Strict']);
    // The cookie is a browser session's only: no other path of intake sets or reads one.
    for (const path of ['/', '/api/v1/deployment', '/healthz'])
      expect((await fetch(`${safe.h.url}${path}`)).headers.get('set-cookie')).toBeNull();

    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const before = await snapshot(safe.h.store);
    for (const site of ['same-site', 'cross-site']) {
      const refused = await c.post(reportPath, reportForm(token!), { 'sec-fetch-site': site });
      expectErrorPage(refused.res, refused.text, 403);
    }
    expect(await snapshot(safe.h.store)).toBe(before);
  });

  it('shows the receipt once, never cached, and never puts it into a later page', async () => {
    safe = await startSafeIntake();
    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const sent = await c.post(reportPath, reportForm(token!));
    expect(sent.res.headers.get('cache-control')).toBe('no-store');
    const receipt = receiptOf(sent.text)!;
    const back = await c.get('/safe/return');
    const later = [
      await c.post('/safe/case', new URLSearchParams({ form: back.token!, receipt })),
      await c.post(
        '/safe/case',
        new URLSearchParams({ form: back.token!, receipt, reply: 'One more thing.' }),
      ),
    ];
    expect(later.map((p) => p.res.status)).toEqual([200, 200]);
    const forms = [receipt, receipt.replaceAll('-', ''), receipt.toLowerCase()];
    for (const p of later) {
      expect(p.res.headers.get('cache-control')).toBe('no-store');
      for (const form of forms) expect(p.text.toUpperCase()).not.toContain(form.toUpperCase());
    }
  }, 30_000);

  it('answers a form that grows past the bound before the rest of it arrives, and closes', async () => {
    safe = await startSafeIntake({ config: { safe: { maxBodyBytes: 64 * 1024 } } });
    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const before = await snapshot(safe.h.store);
    const form = startedForm(safe.h.url, c.cookie, token!, 'x'.repeat(128 * 1024));
    // The request is never ended: the answer must not wait for a body that keeps coming.
    const answered = await form.answer;
    expect(answered.status).toBe(413);
    expect(answered.body).toContain('Nothing was saved');
    expect(answered.connection).toBe('close');
    expect(await snapshot(safe.h.store)).toBe(before);
  });

  it('parses and seals at most `concurrent` forms at once: the next is refused at once', async () => {
    safe = await startSafeIntake({ config: { safe: { concurrent: 2 } } });
    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const stalled = [
      startedForm(safe.h.url, c.cookie, token!),
      startedForm(safe.h.url, c.cookie, token!),
    ];
    const before = await snapshot(safe.h.store);
    // Both stalled forms are in the gate once a third is refused.
    await expect
      .poll(async () => (await c.post(reportPath, reportForm(token!))).res.status, {
        timeout: 5_000,
      })
      .toBe(503);
    const refused = await c.post(reportPath, reportForm(token!));
    expectErrorPage(refused.res, refused.text, 503);
    expect(await snapshot(safe.h.store)).toBe(before);

    // Clients that give up free their places: an abandoned form holds nothing for ever.
    for (const s of stalled) s.destroy();
    await expect
      .poll(async () => (await c.post(reportPath, reportForm(token!, {}))).res.status, {
        timeout: 5_000,
      })
      .toBe(400);
    expect((await c.post(reportPath, reportForm(token!))).res.status).toBe(201);
  }, 30_000);

  it('a flood that uses up this path’s allowances leaves the JavaScript path’s untouched', async () => {
    safe = await startSafeIntake({
      // The JavaScript path's allowance as small: one shared count would close both.
      config: {
        safe: { submitPerWindow: 1, returnPerWindow: 1 },
        rateLimits: { submitPerWindow: 1 },
      },
      // The channel the harness's simulated browser seals to, beside the forms' channel.
      deps: { listChannels: async () => [safe!.channel, ...channels] },
    });
    const c = formClient(safe.h);
    const { token } = await c.get(reportPath);
    const sent = await c.post(reportPath, reportForm(token!));
    expect(sent.res.status).toBe(201);
    const limited = await c.post(reportPath, reportForm(token!));
    expectErrorPage(limited.res, limited.text, 429);

    const back = await c.get('/safe/return');
    const receipt = receiptOf(sent.text)!;
    // A refused return (a receipt too long to be one) takes nothing from the allowance.
    const junk = await c.post(
      '/safe/case',
      new URLSearchParams({ form: back.token!, receipt: 'A'.repeat(201) }),
    );
    expect(junk.res.status).toBe(400);
    // Nor does a mistyped one (a wrong symbol: its check symbol refuses it before any work).
    const typo = receipt.replace(/^./, (c) => (c === '2' ? '3' : '2'));
    const mistyped = await c.post(
      '/safe/case',
      new URLSearchParams({ form: back.token!, receipt: typo }),
    );
    expectErrorPage(mistyped.res, mistyped.text, 401);
    const first = await c.post('/safe/case', new URLSearchParams({ form: back.token!, receipt }));
    expect(first.res.status).toBe(200);
    const second = await c.post('/safe/case', new URLSearchParams({ form: back.token!, receipt }));
    expectErrorPage(second.res, second.text, 429);

    // The JavaScript path, which pays with proof of work, still takes reports.
    const js = await submit(safe.h.url, makeEnvelope(await makeReceipt()));
    expect(js.status).toBe(201);
  }, 30_000);

  it('carries the security headers of every intake answer on its pages and errors, with its own policy', async () => {
    safe = await startSafeIntake({ config: { safe: { maxBodyBytes: 64 * 1024 } } });
    const s = safe;
    const c = formClient(s.h);
    const reference = await fetch(`${s.h.url}/api/v1/deployment`);
    const shared = [
      'referrer-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-frame-options',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'permissions-policy',
    ];
    const form = await c.get(reportPath);
    const served: [string, Response][] = [
      ['channels', (await c.get('/safe')).res],
      ['report form', form.res],
      ['return form', (await c.get('/safe/return')).res],
      ['receipt', (await c.post(reportPath, reportForm(form.token!))).res],
      ['missing answer', (await c.post(reportPath, reportForm(form.token!, {}))).res],
      ['no token', (await c.post(reportPath, reportForm(''))).res],
      [
        'too large',
        (
          await c.post(
            reportPath,
            reportForm(form.token!, answers, [new File([Buffer.alloc(100_000)], 'x')]),
          )
        ).res,
      ],
      ['unknown page', (await c.get('/safe/nothing-here')).res],
    ];
    for (const [what, res] of served) {
      const got = Object.fromEntries(shared.map((h) => [h, res.headers.get(h)]));
      const want = Object.fromEntries(shared.map((h) => [h, reference.headers.get(h)]));
      expect({ what, ...got }).toEqual({ what, ...want });
      const csp = (res.headers.get('content-security-policy') ?? '').split(/;\s*/);
      expect({ what, csp: [...csp].sort() }).toEqual({
        what,
        csp: expect.arrayContaining([
          "default-src 'none'",
          "script-src 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ]) as unknown,
      });
      expect({ what, unsafe: /unsafe-/.test(csp.join(';')) }).toEqual({ what, unsafe: false });
      expect({ what, poweredBy: res.headers.get('x-powered-by') }).toEqual({
        what,
        poweredBy: null,
      });
      expect({ what, cache: res.headers.get('cache-control') }).toEqual({
        what,
        cache: 'no-store',
      });
    }
    // Headers the reference answer really has: the comparison above compares something.
    expect(shared.filter((h) => reference.headers.get(h) === null)).toEqual([]);
  }, 30_000);

  it('shows a message the channel’s verified list did not sign as unverified, without its text', async () => {
    safe = await startSafeIntake();
    const s = safe;
    const c = formClient(s.h);
    const { token } = await c.get(reportPath);
    const sent = await c.post(reportPath, reportForm(token!));
    const [report] = await s.reports();
    const b = await testBackend();
    // What only a compromised server can do: write a message into the log itself, sealed under
    // the report key (say, read from a receipt's session) and signed by a key of its own, under
    // the investigator's id.
    const forged = 'FORGED: send the documents to this address';
    await appendInvestigatorMessage(s, report!, {
      investigatorId: s.investigator.recipientId,
      signSeed: generateSigningKeyPair(b).seed,
      body: forged,
    });
    const back = await c.get('/safe/return');
    const opened = await c.post(
      '/safe/case',
      new URLSearchParams({ form: back.token!, receipt: receiptOf(sent.text)! }),
    );
    expect(opened.res.status).toBe(200);
    expect(opened.text).toContain('A message that could not be verified');
    expect(opened.text).not.toContain(forged);
    expect(opened.text).not.toMatch(/>\s*Investigator\s*</);
  }, 30_000);

  it('shows a message of a channel the report was referred to and accepted by as the investigator’s', async () => {
    safe = await startSafeIntake();
    const s = safe;
    const union = s.addChannel('Transport union');
    const c = formClient(s.h);
    const { token } = await c.get(reportPath);
    const sent = await c.post(reportPath, reportForm(token!));
    const [report] = await s.reports();
    const reportId = report!.envelope.reportId;
    // The source's investigator proposes (the reason signed by a key of the source's list, its
    // sealed `to` the union), and the whistleblower accepts.
    const referralId = await s.proposeReferral(report!, union.id, 'the union represents them');
    await handleReportCommand(s.h.store, reportId, {
      type: 'AcceptReferral',
      data: {
        reportId,
        referralId,
        shares: [
          {
            v: 1,
            reportId,
            recipientId: union.investigator.recipientId,
            boxPublicKey: union.investigator.box.publicKey,
            sharedBy: reportId,
            wrappedKey: fakeB64(80, 'wrapped'),
            signature: fakeB64(64, 'signature'),
          },
        ],
      },
      metadata: { now: new Date(), eventId: randomUUID(), actor: { kind: 'whistleblower' } },
    } satisfies ReportCommand);
    // The union's investigator asks, signed with a key of the union's verified list.
    const question = 'Which shifts were paid but never driven?';
    await appendInvestigatorMessage(s, report!, {
      investigatorId: union.investigator.recipientId,
      signSeed: union.investigator.sign.seed,
      body: question,
    });
    const back = await c.get('/safe/return');
    const opened = await c.post(
      '/safe/case',
      new URLSearchParams({ form: back.token!, receipt: receiptOf(sent.text)! }),
    );
    expect(opened.res.status).toBe(200);
    expect(opened.text).not.toContain('A message that could not be verified');
    expect(opened.text).toContain(question);
    expect(opened.text).toMatch(/>\s*Investigator\s*·/);
  }, 30_000);

  it('answers malformed and unexpected requests with its own HTML pages, never problem JSON', async () => {
    safe = await startSafeIntake();
    const s = safe;
    const c = formClient(s.h);
    const { token } = await c.get(reportPath);
    const before = await snapshot(s.h.store);
    const send = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${s.h.url}${path}`, {
        ...init,
        headers: { cookie: c.cookie, 'sec-fetch-site': 'same-origin', ...init.headers },
      });
      return { res, text: await res.text() };
    };
    const many = reportForm(token!);
    for (let i = 0; i < 250; i += 1) many.set(`x${i}`, 'y');
    const oneHuge = reportForm(token!, { ...answers, 'q-what': 'x'.repeat(300 * 1024) });
    const sixFiles = reportForm(
      token!,
      answers,
      [1, 2, 3, 4, 5, 6].map((n) => new File([`file ${n}`], `${n}.txt`)),
    );
    const cases: [string, Promise<{ res: Response; text: string }>, number][] = [
      ['unknown page', send('/safe/nothing-here'), 404],
      ['unknown method', send('/safe', { method: 'DELETE' }), 404],
      ['bad escape in the path', send('/safe/report/%E0%A4%A'), 400],
      [
        'multipart without a boundary',
        send(reportPath, {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data' },
          body: '--x\r\n',
        }),
        400,
      ],
      ['more fields than any questionnaire', c.post(reportPath, many), 413],
      ['one answer past the field bound', c.post(reportPath, oneHuge), 413],
      ['more files than the form takes', c.post(reportPath, sixFiles), 413],
    ];
    for (const [name, answer, status] of cases) {
      const { res, text } = await answer;
      expect({ name, status: res.status }).toEqual({ name, status });
      expectErrorPage(res, text, status);
    }
    expect(await snapshot(s.h.store)).toBe(before);
  }, 30_000);
});
