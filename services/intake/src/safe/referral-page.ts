/**
 * The case page's referrals (SECURITY.md, Protocol step 11): to which organisation and, when it
 * verified, why; a proposal that asks the whistleblower has an agree and a decline button, with
 * the receipt typed again (the server keeps no key between pages).
 */
import { html, receiptInput, type Html } from './html.ts';
import { fill, inLanguage, type SafeLocale } from './i18n/index.ts';
import type { SafeReferral } from './referral.ts';

function statusLine(r: SafeReferral, organisation: string, l: SafeLocale): string {
  const { m } = l;
  if (r.status === 'proposed')
    return fill(m.caseReferralProposed, { organisation, date: r.proposedAt.slice(0, 10) });
  if (r.status === 'declined') return fill(m.caseReferralDeclined, { organisation });
  return fill(r.mode === 'inform' ? m.caseReferralInformed : m.caseReferralAccepted, {
    organisation,
  });
}

function answerForm(r: SafeReferral, organisation: string, token: string, l: SafeLocale): Html {
  const { m } = l;
  return html`<p>${fill(m.caseReferralChoice, { organisation })}</p>
    <form method="post" action="${inLanguage('/safe/case', l)}">
      <input type="hidden" name="form" value="${token}" />
      <input type="hidden" name="referral" value="${r.referralId}" />
      ${receiptInput(`receipt-${r.referralId}`, m.formReceiptAgain)}
      <button type="submit" name="answer" value="accept">${m.caseReferralAccept}</button>
      <button type="submit" name="answer" value="decline">${m.caseReferralDecline}</button>
    </form>`;
}

export function referralsSection(
  referrals: readonly SafeReferral[],
  token: string,
  l: SafeLocale,
): Html | '' {
  if (referrals.length === 0) return '';
  const { m } = l;
  const items = referrals.map((r) => {
    const organisation = r.organisation ?? m.caseReferralUnknown;
    const asking = r.status === 'proposed' && r.mode === 'consent';
    return html`<div class="referral" data-testid="referral">
      <p>${statusLine(r, organisation, l)}</p>
      ${
        r.reason === undefined
          ? html`<p>${m.caseReferralUnverified}</p>`
          : html`<p class="muted">${m.caseReferralReason}</p>
              <p dir="auto" data-testid="referral-reason">${r.reason}</p>`
      }
      ${asking && r.reason !== undefined ? answerForm(r, organisation, token, l) : ''}
    </div>`;
  });
  return html`<h2>${m.caseReferralTitle}</h2>
    ${items}`;
}
