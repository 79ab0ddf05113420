/**
 * /safe: the whistleblower pages for a browser that runs no JavaScript (Tor Browser "Safest").
 * Plain HTML forms; the server seals what they carry on arrival and keeps only the sealed
 * envelope (SECURITY.md, "The no-JavaScript path", says what this promises and what it does not).
 *
 * Without scripts there is no proof of work, so the path is held by: a signed double-submit form
 * token (CSRF), global allowances per window of its own (a flood here cannot use up the allowance
 * of the JavaScript path, whose requests pay), counted only for forms that passed every cheap
 * check, and a bound on the forms parsed and sealed at once (memory and Argon2id). No IP address
 * is used or kept, as everywhere in intake.
 */
import { errorClass } from '@integrity-desk/http';
import type { ReceiptKeys } from '@integrity-desk/protocol';
import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { z } from 'zod';
import { idSchema } from '../http-domain/protocol.ts';
import type { IntakeContext } from '../context.ts';
import { submissionEventId, submitReport } from '../http-domain/reports.ts';
import { noStore } from '../http/headers.ts';
import { kindOf, problems, ProblemError } from '../http/problem.ts';
import { createWindowCounter } from '../http/rate-limits.ts';
import { checkReceiptTyped, openCase, postReply, receiptCase } from './case.ts';
import { answerOnServer } from './referral.ts';
import { storeSealedFile } from './evidence.ts';
import { readForm, type PostedForm } from './form-body.ts';
import { createFormTokens } from './form-token.ts';
import { safeCsp } from './html.ts';
import {
  casePage,
  channelsPage,
  errorPage,
  receiptPage,
  reportFormPage,
  returnPage,
} from './pages.ts';
import { problemText, safeLocale } from './i18n/index.ts';
import { answersFrom, questionsOf } from './questions.ts';
import { deploymentTrust, forgetKeys, sealAnswers, sealFile, type SealedOnServer } from './seal.ts';

const MiB = 1024 * 1024;
const MAX_REPLY_CHARS = 20_000;
const referralAnswer = z.strictObject({
  referralId: idSchema,
  answer: z.enum(['accept', 'decline']),
});

/** A referral form's answer (`referral`, `answer`), or undefined for any other form. */
function referralAnswerOf(
  fields: ReadonlyMap<string, string>,
): { referralId: string; accept: boolean } | undefined {
  const referralId = fields.get('referral');
  const answer = fields.get('answer');
  if (referralId === undefined && answer === undefined) return undefined;
  const parsed = referralAnswer.safeParse({ referralId, answer });
  if (!parsed.success) throw new ProblemError('invalidRequest');
  return { referralId: parsed.data.referralId, accept: parsed.data.answer === 'accept' };
}

/** At most `n` forms at once in this process; beyond, a 503 at once rather than a queue. */
function createGate(n: number) {
  let busy = 0;
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (busy >= n) throw new ProblemError('unavailable');
    busy += 1;
    try {
      return await work();
    } finally {
      busy -= 1;
    }
  };
}

export function safeRoutes(ctx: IntakeContext): Router {
  const router = Router();
  const { config, deps } = ctx;
  const limits = ctx.state.namespace('intake-limit');
  const windowMs = config.rateLimits.windowMs;
  const submitAllowance = createWindowCounter(
    config.safe.submitPerWindow,
    windowMs,
    limits,
    'safe-submit',
  );
  const returnAllowance = createWindowCounter(
    config.safe.returnPerWindow,
    windowMs,
    limits,
    'safe-return',
  );
  const gate = createGate(config.safe.concurrent);
  const tokens = createFormTokens(ctx.challengeKey, ctx.random);
  const formLimits = { maxBodyBytes: config.safe.maxBodyBytes, maxFiles: config.safe.maxFiles };

  const headers: RequestHandler = (_req, res, next) => {
    // Replaces the site's policy: these pages run no script of any kind.
    res.setHeader('Content-Security-Policy', safeCsp);
    res.type('html');
    next();
  };
  router.use(noStore, headers);

  const channelOf = async (id: string | undefined) => {
    const channel = (await deps.listChannels()).find((c) => c.id === id);
    if (!channel) throw new ProblemError('unknownChannel');
    return channel;
  };
  /** The posted form, if its token holds for this browser's cookie (else nothing is done). */
  const postedForm = async (req: Parameters<RequestHandler>[0]): Promise<PostedForm> => {
    const form = await readForm(req, formLimits);
    if (!tokens.holds(req, form.fields.get('form'))) throw new ProblemError('formRefused');
    return form;
  };
  const taken = async (allowance: { take(): Promise<boolean> }) => {
    if (!(await allowance.take())) throw new ProblemError('rateLimited');
  };

  /** The page's language: `?lang=` on every link and form action of these pages (i18n/). */
  const localeOf = (req: Parameters<RequestHandler>[0]) => safeLocale(req.query['lang']);

  router.get('/', async (req, res) => {
    res.send(channelsPage(await deps.listChannels(), localeOf(req)));
  });

  router.get('/report/:channelId', async (req, res) => {
    const channel = await channelOf(req.params['channelId']);
    const locale = localeOf(req);
    res.send(
      reportFormPage({
        channel,
        questions: questionsOf(channel.questionnaire, locale),
        token: tokens.issue(req, res),
        maxFiles: config.safe.maxFiles,
        maxMiB: Math.floor(config.safe.maxBodyBytes / MiB),
        locale,
      }),
    );
  });

  router.post('/report/:channelId', async (req, res) => {
    const channel = await channelOf(req.params['channelId']);
    const locale = localeOf(req);
    const page = await gate(async () => {
      const form = await postedForm(req);
      const answers = answersFrom(questionsOf(channel.questionnaire, locale), form.fields);
      // Counted only now: a form refused above took nothing from anyone's allowance.
      await taken(submitAllowance);
      const b = await ctx.backend();
      const trust = await deploymentTrust(ctx, b);
      let sealed: SealedOnServer | undefined;
      try {
        // With the language they were given in, inside the seal, as the pages seal them.
        sealed = await sealAnswers(b, {
          channel,
          trust,
          answers: { language: locale.code, answers },
        });
        const { envelope } = sealed;
        await submitReport(deps.store, {
          envelope,
          eventId: submissionEventId(envelope),
          now: ctx.clock.now(),
          sealedBy: 'server',
        });
        // The report is durable and its receipt must be shown whatever happens to a file now.
        let failed = 0;
        for (const file of form.files) {
          try {
            const one = sealFile(b, {
              reportKey: sealed.reportKey,
              reportId: envelope.reportId,
              file,
            });
            await storeSealedFile(ctx, envelope.reportId, one);
          } catch (error) {
            failed += 1;
            ctx.counters.count('error', 'no-script file not stored', { error: errorClass(error) });
          }
        }
        return receiptPage({
          receipt: sealed.receipt,
          files: form.files.length - failed,
          filesFailed: failed,
          locale,
        });
      } finally {
        forgetKeys(sealed?.keys);
        sealed?.reportKey.fill(0);
      }
    });
    res.status(201).send(page);
  });

  router.get('/return', (req, res) => {
    res.send(returnPage(tokens.issue(req, res), localeOf(req)));
  });

  router.post('/case', async (req, res) => {
    const page = await gate(async () => {
      const form = await postedForm(req);
      const receipt = form.fields.get('receipt') ?? '';
      const reply = (form.fields.get('reply') ?? '').trim();
      const referral = referralAnswerOf(form.fields);
      if (receipt.length > 200 || reply.length > MAX_REPLY_CHARS || (referral && reply !== ''))
        throw new ProblemError('invalidRequest');
      checkReceiptTyped(ctx, receipt);
      await taken(returnAllowance);
      const b = await ctx.backend();
      const trust = await deploymentTrust(ctx, b);
      let keys: ReceiptKeys | undefined;
      try {
        const found = await receiptCase(ctx, b, receipt, trust);
        keys = found.keys;
        let opened = await openCase(ctx, b, keys, trust, found.reportId);
        if (reply !== '' || referral) {
          if (referral) await answerOnServer(ctx, b, { ...opened, keys, trust, ...referral });
          else await postReply(ctx, b, { keys, opened, text: reply });
          opened.reportKey.fill(0);
          opened = await openCase(ctx, b, keys, trust, found.reportId);
        }
        opened.reportKey.fill(0);
        return casePage({
          status: opened.view.status,
          receivedAt: opened.view.receivedAt,
          messages: opened.messages,
          referrals: opened.referrals,
          token: tokens.issue(req, res),
          replied: reply !== '',
          open: opened.view.status !== 'closed',
          locale: localeOf(req),
        });
      } finally {
        forgetKeys(keys);
      }
    });
    res.send(page);
  });

  router.use((_req, _res, next) => next(new ProblemError('notFound')));
  return router;
}

/**
 * Errors on these pages are pages in the page's language: a fixed text per problem kind (never
 * the error's message), its status, and that nothing was saved. The same kinds and counts as the
 * API's problems.
 */
export function safeErrorPages(
  report: (kind: string, error: unknown) => void,
): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const kind = kindOf(error);
    if (kind === 'internal' || kind === 'unavailable' || kind.startsWith('storage'))
      report(kind, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const entry = problems[kind];
    // A body refused before it was read is never read: the connection closes after the page.
    if (!req.complete) res.setHeader('Connection', 'close');
    if ('retryAfterSeconds' in entry) res.setHeader('Retry-After', String(entry.retryAfterSeconds));
    res.setHeader('Content-Security-Policy', safeCsp);
    const locale = safeLocale(req.query['lang']);
    res
      .status(entry.status)
      .type('html')
      .send(errorPage(problemText(locale, kind), entry.status, locale));
  };
}
