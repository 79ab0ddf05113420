/** The no-JavaScript pages, one function each: data in, HTML out, nothing else. */
import type { Channel } from '../deps.ts';
import { html, page, receiptInput, weakerPromise, type Html } from './html.ts';
import { fill, inLanguage, type SafeLocale, type SafeMessages } from './i18n/index.ts';
import type { Question } from './questions.ts';
import { referralsSection } from './referral-page.ts';
import type { SafeReferral } from './referral.ts';

const statusKeys: Record<string, keyof SafeMessages> = {
  submitted: 'statusSubmitted',
  acknowledged: 'statusAcknowledged',
  in_review: 'statusInReview',
  investigating: 'statusInvestigating',
  closed: 'statusClosed',
};

const returnLink = (l: SafeLocale) =>
  html`<p><a href="${inLanguage('/safe/return', l)}">${l.m.returnLink}</a></p>`;

export function channelsPage(channels: readonly Channel[], l: SafeLocale): string {
  const items = channels.map(
    (c) =>
      html`<li>
        <a href="${inLanguage(`/safe/report/${encodeURIComponent(c.id)}`, l)}">${c.name}</a>
      </li>`,
  );
  return page(
    l.m.channelsTitle,
    html`<h1>${l.m.channelsHeading}</h1>
      ${weakerPromise(l)}
      <h2>${l.m.channelsChoose}</h2>
      ${
        items.length > 0
          ? html`<ul>
              ${items}
            </ul>`
          : html`<p>${l.m.channelsNone}</p>`
      }
      ${returnLink(l)}`,
    l,
    '/safe',
  );
}

function questionField(q: Question, l: SafeLocale): Html {
  const id = `q-${q.id}`;
  const marker = html`<span class="muted">(${q.required ? l.m.required : l.m.optional})</span>`;
  const help = q.help ? html`<p class="muted" lang="${q.lang}" dir="auto">${q.help}</p>` : '';
  const required = q.required ? html` required` : '';
  if (q.options) {
    // Yes and no are the page's words; a choice's options are the channel's, in its language.
    const optionLang = q.kind === 'yesno' ? l.code : q.lang;
    return html`<fieldset>
      <legend><span lang="${q.lang}" dir="auto">${q.label}</span> ${marker}</legend>
      ${help}
      ${q.options.map(
        (o) =>
          html`<label class="option"
            ><input type="radio" name="${id}" value="${o.key}" ${required} />
            <span lang="${optionLang}" dir="auto">${o.label}</span></label
          >`,
      )}
    </fieldset>`;
  }
  const input =
    q.kind === 'longtext'
      ? html`<textarea id="${id}" name="${id}" dir="auto" ${required}></textarea>`
      : html`<input
          id="${id}"
          name="${id}"
          type="${q.kind === 'date' ? 'date' : 'text'}"
          autocomplete="off"
          dir="auto"
          ${required}
        />`;
  return html`<label for="${id}"
      ><span lang="${q.lang}" dir="auto">${q.label}</span> ${marker}</label
    >${help}${input}`;
}

export function reportFormPage(input: {
  channel: Channel;
  questions: readonly Question[];
  token: string;
  maxFiles: number;
  maxMiB: number;
  locale: SafeLocale;
}): string {
  const { channel, questions, token, locale: l } = input;
  const path = `/safe/report/${encodeURIComponent(channel.id)}`;
  const title = fill(l.m.reportTitle, { name: channel.name });
  return page(
    title,
    html`<h1>${title}</h1>
      ${weakerPromise(l)}
      <form method="post" action="${inLanguage(path, l)}" enctype="multipart/form-data">
        <input type="hidden" name="form" value="${token}" />
        ${questions.map((q) => questionField(q, l))}
        <label for="files"
          >${fill(l.m.reportFiles, { files: input.maxFiles, mib: input.maxMiB })}</label
        >
        <input id="files" name="files" type="file" multiple />
        <button type="submit">${l.m.reportSend}</button>
      </form>
      <p><a href="${inLanguage('/safe', l)}">${l.m.reportAnother}</a></p>`,
    l,
    path,
  );
}

export function receiptPage(input: {
  receipt: string;
  files: number;
  filesFailed: number;
  locale: SafeLocale;
}): string {
  const { m } = input.locale;
  return page(
    m.receiptTitle,
    html`<h1>${m.receiptHeading}</h1>
      ${input.files > 0 ? html`<p>${fill(m.receiptFiles, { count: input.files })}</p>` : ''}
      <p>${m.receiptKeep}</p>
      <p class="receipt" dir="ltr" data-testid="receipt">${input.receipt}</p>
      ${input.filesFailed > 0 ? html`<p class="notice">${fill(m.receiptFilesFailed, { count: input.filesFailed })}</p>` : ''}
      <p>${m.receiptShare}</p>
      ${returnLink(input.locale)}`,
    input.locale,
  );
}

export function returnPage(token: string, l: SafeLocale): string {
  return page(
    l.m.returnTitle,
    html`<h1>${l.m.returnHeading}</h1>
      ${weakerPromise(l)} ${receiptForm(token, false, l)}`,
    l,
    '/safe/return',
  );
}

function receiptForm(token: string, withReply: boolean, l: SafeLocale): Html {
  return html`<form method="post" action="${inLanguage('/safe/case', l)}">
    <input type="hidden" name="form" value="${token}" />
    ${withReply ? html`<label for="reply">${l.m.formReply}</label><textarea id="reply" name="reply" dir="auto" required></textarea>` : ''}
    ${receiptInput('receipt', withReply ? l.m.formReceiptAgain : l.m.formReceipt)}
    <button type="submit">${withReply ? l.m.formSendReply : l.m.formOpen}</button>
  </form>`;
}

export interface CaseMessage {
  readonly author: 'whistleblower' | 'investigator' | undefined;
  readonly text: string | undefined;
  readonly postedAt: string;
}

export function casePage(input: {
  status: string;
  receivedAt: string;
  messages: readonly CaseMessage[];
  referrals: readonly SafeReferral[];
  token: string;
  replied: boolean;
  open: boolean;
  locale: SafeLocale;
}): string {
  const l = input.locale;
  const { m } = l;
  const messages = input.messages.map(
    (msg) =>
      html`<div class="message">
        <p class="muted">
          ${
            msg.author === 'whistleblower'
              ? m.caseYou
              : msg.author === 'investigator'
                ? m.caseInvestigator
                : m.caseUnverified
          }
          · <span dir="ltr">${msg.postedAt.slice(0, 10)}</span>
        </p>
        <span dir="auto">${msg.text ?? ''}</span>
      </div>`,
  );
  const status = statusKeys[input.status];
  return page(
    m.caseTitle,
    html`<h1>${m.caseTitle}</h1>
      ${weakerPromise(l)}
      <p>
        ${m.caseStatus}
        <strong data-testid="case-status">${status ? m[status] : input.status}</strong>
        ${fill(m.caseReceived, { date: input.receivedAt.slice(0, 10) })}
      </p>
      ${input.replied ? html`<p class="notice" role="status">${m.caseReplied}</p>` : ''}
      ${referralsSection(input.referrals, input.token, l)}
      <h2>${m.caseMessages}</h2>
      ${messages.length > 0 ? messages : html`<p>${m.caseNoMessages}</p>`}
      ${
        input.open
          ? html`<h2>${m.caseAnswer}</h2>
              ${receiptForm(input.token, true, l)}`
          : html`<p>${m.caseClosed}</p>`
      }
      <p><a href="${inLanguage('/safe', l)}">${m.caseLeave}</a></p>`,
    l,
  );
}

export function errorPage(text: string, status: number, l: SafeLocale): string {
  return page(
    l.m.errorTitle,
    html`<h1>${l.m.errorHeading}</h1>
      <p role="alert">${text}</p>
      <p>${l.m.errorNothingSaved}</p>
      <p class="muted">(${status})</p>
      <p><a href="${inLanguage('/safe', l)}">${l.m.errorStart}</a></p>`,
    l,
  );
}
