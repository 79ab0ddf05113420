/**
 * Returning without JavaScript: the server derives the receipt's keys for this request only,
 * opens the case exactly as the whistleblower's worker does (the envelope this receipt signed,
 * never the server's word for the key), reads the thread, and seals a reply under the receipt's
 * signing key. Nothing of it outlives the request.
 */
import {
  nextThreadSequence,
  openReturnedCase,
  openThreadMessages,
  isValidReceipt,
  RECEIPT_KDF_VERSIONS,
  referredChannelIds,
  sealMessage,
  type CryptoBackend,
  type ReceiptKeys,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import type { IntakeContext } from '../context.ts';
import { postWhistleblowerMessage, readCaseView, type CaseView } from '../http-domain/reports.ts';
import { ProblemError } from '../http/problem.ts';
import type { CaseMessage } from './pages.ts';
import { openReferrals, type SafeReferral } from './referral.ts';
import { forgetKeys, receiptKeysFor, verifiedRecipients, type Trust } from './seal.ts';

export interface OpenedCase {
  readonly view: CaseView;
  readonly reportKey: Uint8Array;
  readonly messages: readonly CaseMessage[];
  readonly nextSequence: number;
  readonly referrals: readonly SafeReferral[];
}

/** The same refusal for an unknown receipt and one that does not open its case. */
function refused(ctx: IntakeContext): ProblemError {
  return new ProblemError(ctx.deps.projectionsBehind?.() ? 'unavailable' : 'sessionRefused');
}

/**
 * A mistyped receipt (its check symbol) is refused here, before the form takes anything from the
 * return allowance and before any derivation: only a form that passed every cheap check counts.
 * The same refusal as an unknown receipt.
 */
export function checkReceiptTyped(ctx: IntakeContext, receipt: string): void {
  if (!isValidReceipt(receipt)) throw refused(ctx);
}

/**
 * The receipt's keys and its case: each derivation version in turn, newest first (as the
 * worker's return walks them), until one's locator names a report. A mistyped receipt (its check
 * symbol) and an unknown one get the same refusal.
 */
export async function receiptCase(
  ctx: IntakeContext,
  b: CryptoBackend,
  receipt: string,
  trust: Trust,
): Promise<{ keys: ReceiptKeys; reportId: string }> {
  for (const version of RECEIPT_KDF_VERSIONS) {
    let keys: ReceiptKeys;
    try {
      keys = await receiptKeysFor(b, receipt, version, trust.settings);
    } catch {
      throw refused(ctx);
    }
    const located = await ctx.deps.findReportByLocator(keys.locator);
    if (located) return { keys, reportId: located.reportId };
    forgetKeys(keys);
  }
  throw refused(ctx);
}

export async function openCase(
  ctx: IntakeContext,
  b: CryptoBackend,
  keys: ReceiptKeys,
  trust: Trust,
  reportId: string,
): Promise<OpenedCase> {
  const view = await readCaseView(ctx.deps.store, reportId);
  if (!view) throw refused(ctx);
  let reportKey: Uint8Array;
  try {
    reportKey = openReturnedCase(b, view, keys).reportKey;
  } catch {
    throw refused(ctx);
  }
  // Investigators may author messages only with keys of the channel's verified list, and after a
  // referral took effect with keys of the target channel's, verified the same way.
  const channels = await ctx.deps.listChannels();
  const listed = (channelId: string): string[] => {
    const channel = channels.find((c) => c.id === channelId);
    try {
      return channel
        ? verifiedRecipients(b, channel, trust).recipients.map((r) => r.signPublicKey)
        : [];
    } catch {
      return [];
    }
  };
  const source = {
    reportKey,
    reportId: view.reportId,
    authors: { whistleblower: keys.signPublicKey, investigators: listed(view.channelId) },
  };
  const referred = referredChannelIds(b, view.referrals ?? [], source).flatMap(listed);
  const thread = openThreadMessages(
    b,
    view.messages.map((m) => m.envelope),
    {
      ...source,
      authors: { ...source.authors, investigators: [...source.authors.investigators, ...referred] },
    },
  );
  return {
    view,
    reportKey,
    nextSequence: nextThreadSequence(thread, keys.signPublicKey),
    referrals: await openReferrals(ctx, b, view, source),
    messages: view.messages.map((m, i) => {
      const opened = thread[i];
      return opened?.verified
        ? { author: opened.envelope.authorRole, text: opened.body, postedAt: m.postedAt }
        : { author: undefined, text: undefined, postedAt: m.postedAt };
    }),
  };
}

/** Seals the reply under the report key and the receipt's signing key, and posts it. */
export async function postReply(
  ctx: IntakeContext,
  b: CryptoBackend,
  input: { keys: ReceiptKeys; opened: OpenedCase; text: string },
): Promise<void> {
  const { view, reportKey, nextSequence } = input.opened;
  if (view.status === 'closed') throw new ProblemError('reportClosed');
  const messageId = randomUUID();
  const envelope = sealMessage(b, {
    reportKey,
    reportId: view.reportId,
    messageId,
    authorRole: 'whistleblower',
    authorSignSeed: input.keys.signSeed,
    sequence: nextSequence,
    body: input.text,
  });
  await postWhistleblowerMessage(ctx.deps.store, {
    reportId: view.reportId,
    messageId,
    envelope,
    now: ctx.clock.now(),
  });
}
