/** The no-JavaScript pages, one function each: data in, HTML out, nothing else. */
import type { Channel } from '../deps.ts';
import { html, page, weakerPromise, type Html } from './html.ts';
import type { Question } from './questions.ts';

const statusLabels: Record<string, string> = {
  submitted: 'Received',
  acknowledged: 'Acknowledged',
  in_review: 'Being assessed',
  investigating: 'Under investigation',
  closed: 'Closed',
};

const returnLink = html`<p><a href="/safe/return">I have a receipt: return to my report</a></p>`;

export function channelsPage(channels: readonly Channel[]): string {
  const items = channels.map(
    (c) => html`<li><a href="/safe/report/${encodeURIComponent(c.id)}">${c.name}</a></li>`,
  );
  return page(
    'Report without JavaScript',
    html`<h1>Report wrongdoing without JavaScript</h1>
      ${weakerPromise}
      <h2>Choose the organisation to report to</h2>
      ${
        items.length > 0
          ? html`<ul>
              ${items}
            </ul>`
          : html`<p>No organisation takes reports at the moment.</p>`
      }
      ${returnLink}`,
  );
}

function questionField(q: Question): Html {
  const id = `q-${q.id}`;
  const marker = html`<span class="muted">(${q.required ? 'required' : 'optional'})</span>`;
  const help = q.help ? html`<p class="muted" lang="${q.lang}" dir="auto">${q.help}</p>` : '';
  const required = q.required ? html` required` : '';
  if (q.options) {
    // Yes and no are the page's words; a choice's options are the channel's, in its language.
    const optionLang = q.kind === 'yesno' ? 'en' : q.lang;
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
}): string {
  const { channel, questions, token } = input;
  return page(
    `Report to ${channel.name}`,
    html`<h1>Report to ${channel.name}</h1>
      ${weakerPromise}
      <form
        method="post"
        action="/safe/report/${encodeURIComponent(channel.id)}"
        enctype="multipart/form-data"
      >
        <input type="hidden" name="form" value="${token}" />
        ${questions.map(questionField)}
        <label for="files"
          >Files (optional: at most ${input.maxFiles}, ${input.maxMiB} MiB together)</label
        >
        <input id="files" name="files" type="file" multiple />
        <button type="submit">Lock and send the report</button>
      </form>
      <p><a href="/safe">Choose another organisation</a></p>`,
  );
}

export function receiptPage(input: {
  receipt: string;
  files: number;
  filesFailed: number;
}): string {
  return page(
    'Your receipt',
    html`<h1>Your report was received</h1>
      <p>
        ${input.files > 0 ? `It was locked with ${input.files} file(s). ` : ''}Write down this
        receipt, or keep it somewhere only you can reach. With it you can come back, read the
        organisation's questions and answer them. It is shown only once: nobody can give it to you
        again.
      </p>
      <p class="receipt" data-testid="receipt">${input.receipt}</p>
      ${input.filesFailed > 0 ? html`<p class="notice">${input.filesFailed} file(s) could not be stored, the report itself was. You can send them with JavaScript on, returning with this receipt.</p>` : ''}
      <p>Anyone who has the receipt can read your report: do not share it.</p>
      ${returnLink}`,
  );
}

export function returnPage(token: string): string {
  return page(
    'Return with your receipt',
    html`<h1>Return to your report</h1>
      ${weakerPromise} ${receiptForm(token, false)}`,
  );
}

function receiptForm(token: string, withReply: boolean): Html {
  return html`<form method="post" action="/safe/case">
    <input type="hidden" name="form" value="${token}" />
    ${withReply ? html`<label for="reply">Your answer</label><textarea id="reply" name="reply" dir="auto" required></textarea>` : ''}
    <label for="receipt"
      >Your receipt${withReply ? ' (again: the server keeps no key between pages)' : ''}</label
    >
    <input
      id="receipt"
      name="receipt"
      type="password"
      autocomplete="off"
      spellcheck="false"
      required
    />
    <button type="submit">${withReply ? 'Lock and send the answer' : 'Open my report'}</button>
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
  token: string;
  replied: boolean;
  open: boolean;
}): string {
  const messages = input.messages.map(
    (m) =>
      html`<div class="message">
        <p class="muted">
          ${
            m.author === 'whistleblower'
              ? 'You'
              : m.author === 'investigator'
                ? 'Investigator'
                : 'A message that could not be verified'
          }
          · ${m.postedAt.slice(0, 10)}
        </p>
        ${m.text ?? ''}
      </div>`,
  );
  return page(
    'Your report',
    html`<h1>Your report</h1>
      ${weakerPromise}
      <p>
        Status:
        <strong data-testid="case-status">${statusLabels[input.status] ?? input.status}</strong>
        (received ${input.receivedAt.slice(0, 10)})
      </p>
      ${input.replied ? html`<p class="notice" role="status">Your answer was locked and sent.</p>` : ''}
      <h2>Messages</h2>
      ${messages.length > 0 ? messages : html`<p>No messages yet. Come back later.</p>`}
      ${
        input.open
          ? html`<h2>Answer</h2>
              ${receiptForm(input.token, true)}`
          : html`<p>This case is closed and takes no answers.</p>`
      }
      <p><a href="/safe">Leave</a></p>`,
  );
}

export function errorPage(title: string, status: number): string {
  return page(
    'Not sent',
    html`<h1>Nothing was sent</h1>
      <p role="alert">${title}</p>
      <p>Nothing was saved. Your browser's Back button returns to the form with what you typed.</p>
      <p class="muted">(${status})</p>
      <p><a href="/safe">Start page without JavaScript</a></p>`,
  );
}
