// Messages both ways. Encrypted under the report's message subkey with the header fields as AD,
// then signed (over header, nonce and ciphertext) by the author's Ed25519 key: the receipt
// signing key for the whistleblower, the investigator's vault signing key for staff. Each
// author numbers their messages 0, 1, 2, ... so replays and reordering are detectable.
import {
  encodeFields,
  fromBase64Url,
  fromBase64UrlExact,
  fromUtf8,
  toBase64Url,
  utf8,
} from './bytes.ts';
import {
  DecryptionError,
  FormatError,
  ProtocolError,
  ReplayedMessageError,
  SignatureError,
  UnknownAuthorError,
} from './errors.ts';
import { openWithSubkey, reportSubkey } from './keys.ts';
import { pad, unpad } from './padding.ts';
import type { ProtocolErrorCode } from './errors.ts';
import type { CryptoBackend } from './backend/types.ts';
import type { AuthorRole, MessageEnvelope } from './schemas.ts';
import { MAX_MESSAGE_BYTES, messageEnvelopeSchema } from './schemas.ts';

export const MESSAGE_PAD_FLOOR = 1024;

type Header = Pick<
  MessageEnvelope,
  'reportId' | 'messageId' | 'authorRole' | 'authorKey' | 'sequence'
>;

/**
 * Which thread a message belongs to. Internal notes are sealed and signed under labels of their
 * own, so a note cannot be passed off as a message (a compromised server showing investigators'
 * notes to the whistleblower as verified messages), nor a message as a note.
 */
export type Thread = 'messages' | 'notes' | 'referrals';

/**
 * `referrals`: the sealed reason of a referral to another channel (Protocol step 11), shown to
 * the whistleblower who decides; its own labels, so a reason never passes for a message.
 */
const labels = {
  messages: ['integrity-desk/message/v1', 'integrity-desk/message-signature/v1'],
  notes: ['integrity-desk/note/v1', 'integrity-desk/note-signature/v1'],
  referrals: ['integrity-desk/referral-reason/v1', 'integrity-desk/referral-reason-signature/v1'],
} as const;

function messageAd(h: Header, thread: Thread): Uint8Array {
  return encodeFields(
    labels[thread][0],
    h.reportId,
    h.messageId,
    h.authorRole,
    fromBase64Url(h.authorKey),
    h.sequence,
  );
}

function signingBytes(h: Header, nonce: string, ciphertext: string, thread: Thread): Uint8Array {
  return encodeFields(
    labels[thread][1],
    h.reportId,
    h.messageId,
    h.authorRole,
    fromBase64Url(h.authorKey),
    h.sequence,
    fromBase64Url(nonce),
    fromBase64Url(ciphertext),
  );
}

export interface SealMessageInput {
  reportKey: Uint8Array;
  reportId: string;
  messageId: string;
  authorRole: AuthorRole;
  /** The author's Ed25519 seed (receipt keys' signSeed or the investigator vault's). */
  authorSignSeed: Uint8Array;
  /** This author's next sequence number on this report (0 for their first message). */
  sequence: number;
  body: string;
  /** 'notes' for an internal note (default 'messages'). */
  thread?: Thread;
}

export function sealMessage(backend: CryptoBackend, input: SealMessageInput): MessageEnvelope {
  const header: Header = {
    reportId: input.reportId,
    messageId: input.messageId,
    authorRole: input.authorRole,
    authorKey: toBase64Url(backend.ed25519PublicKey(input.authorSignSeed)),
    sequence: input.sequence,
  };
  const plaintext = pad(utf8(input.body), MESSAGE_PAD_FLOOR);
  if (plaintext.length > MAX_MESSAGE_BYTES) throw new FormatError('message too large');
  const key = reportSubkey(backend, input.reportKey, 'messages');
  const nonce = toBase64Url(backend.randomBytes(24));
  const ciphertext = toBase64Url(
    backend.aeadEncrypt(
      key,
      fromBase64Url(nonce),
      plaintext,
      messageAd(header, input.thread ?? 'messages'),
    ),
  );
  key.fill(0);
  const signature = toBase64Url(
    backend.ed25519Sign(
      signingBytes(header, nonce, ciphertext, input.thread ?? 'messages'),
      input.authorSignSeed,
    ),
  );
  return { v: 1, ...header, nonce, ciphertext, signature };
}

export interface MessageContext {
  reportKey: Uint8Array;
  reportId: string;
  /** Keys allowed to author on this report: the receipt's and the assigned investigators'. */
  authors: { whistleblower: string; investigators: readonly string[] };
  /**
   * Highest sequence already accepted from this message's author, if any; the message must be
   * strictly after it.
   */
  lastSequence?: number;
  /** The thread being read (default 'messages'): a note never opens as a message. */
  thread?: Thread;
}

export interface OpenedMessage {
  envelope: MessageEnvelope;
  body: string;
}

/** Verifies author, signature, order and ciphertext. Throws a typed ProtocolError. */
export function openMessage(
  backend: CryptoBackend,
  envelope: unknown,
  ctx: MessageContext,
): OpenedMessage {
  const parsed = messageEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw new FormatError('message envelope does not match the schema');
  const e = parsed.data;
  if (e.reportId !== ctx.reportId) throw new DecryptionError('message belongs to another report');
  const allowed =
    e.authorRole === 'whistleblower'
      ? e.authorKey === ctx.authors.whistleblower
      : ctx.authors.investigators.includes(e.authorKey);
  if (!allowed) throw new UnknownAuthorError();
  let ok: boolean;
  try {
    ok = backend.ed25519Verify(
      fromBase64UrlExact(e.signature, 64, 'signature'),
      signingBytes(e, e.nonce, e.ciphertext, ctx.thread ?? 'messages'),
      fromBase64UrlExact(e.authorKey, 32, 'authorKey'),
    );
  } catch {
    ok = false;
  }
  if (!ok) throw new SignatureError('message signature does not verify');
  if (ctx.lastSequence !== undefined && e.sequence <= ctx.lastSequence)
    throw new ReplayedMessageError();
  return openWithSubkey(reportSubkey(backend, ctx.reportKey, 'messages'), (key) => {
    const padded = backend.aeadDecrypt(
      key,
      fromBase64UrlExact(e.nonce, 24, 'nonce'),
      fromBase64Url(e.ciphertext),
      messageAd(e, ctx.thread ?? 'messages'),
    );
    return { envelope: e, body: fromUtf8(unpad(padded)) };
  });
}

/**
 * Opens a thread in the order given (the server's order): every author's sequence must run
 * 0, 1, 2, ... without gaps or repeats, and message ids must be unique. A dropped, replayed or
 * reordered message makes the whole thread fail with ReplayedMessageError.
 */
export function openThread(
  backend: CryptoBackend,
  envelopes: readonly unknown[],
  ctx: Omit<MessageContext, 'lastSequence'>,
): OpenedMessage[] {
  const nextByAuthor = new Map<string, number>();
  const seenIds = new Set<string>();
  return envelopes.map((raw) => {
    const opened = openMessage(backend, raw, ctx);
    const e = opened.envelope;
    const expected = nextByAuthor.get(e.authorKey) ?? 0;
    if (e.sequence !== expected || seenIds.has(e.messageId)) throw new ReplayedMessageError();
    nextByAuthor.set(e.authorKey, expected + 1);
    seenIds.add(e.messageId);
    return opened;
  });
}

/**
 * One message of a thread as a reader may show it. `verified`: the author is allowed, the
 * signature holds, the ciphertext opens and the message comes after this author's earlier ones;
 * `missingBefore` counts this author's messages the thread skipped just before it (withheld by
 * the server, or lost). Anything else is `unverified` with the reason's code, and no text.
 */
export type ThreadMessage =
  | { verified: true; envelope: MessageEnvelope; body: string; missingBefore: number }
  | { verified: false; reason: ProtocolErrorCode };

/**
 * Opens a thread message by message, in the order given (the server's order), so one bad
 * message costs only itself: a forged, tampered or unknown-author message is unverified on its
 * own and the rest stays readable. Order is still checked per author: a message whose sequence
 * is not after the author's last verified one, or whose id was already seen, is a replay or a
 * reordering (unverified, `replayed_message`); a sequence that skips ahead opens, and says how
 * many of the author's messages are missing before it. Only verified messages move an author's
 * counter, so an unverifiable message cannot make a genuine one look out of order.
 */
export function openThreadMessages(
  backend: CryptoBackend,
  envelopes: readonly unknown[],
  ctx: Omit<MessageContext, 'lastSequence'>,
): ThreadMessage[] {
  const nextByAuthor = new Map<string, number>();
  const seenIds = new Set<string>();
  return envelopes.map((raw): ThreadMessage => {
    let opened: OpenedMessage;
    try {
      opened = openMessage(backend, raw, ctx);
    } catch (error) {
      return {
        verified: false,
        reason: error instanceof ProtocolError ? error.code : 'invalid_format',
      };
    }
    const e = opened.envelope;
    const expected = nextByAuthor.get(e.authorKey) ?? 0;
    if (e.sequence < expected || seenIds.has(e.messageId))
      return { verified: false, reason: 'replayed_message' };
    nextByAuthor.set(e.authorKey, e.sequence + 1);
    seenIds.add(e.messageId);
    return { verified: true, envelope: e, body: opened.body, missingBefore: e.sequence - expected };
  });
}

/** The next sequence for `authorKey` after the verified messages of a thread (0 if none). */
export function nextThreadSequence(thread: readonly ThreadMessage[], authorKey: string): number {
  let next = 0;
  for (const m of thread)
    if (m.verified && m.envelope.authorKey === authorKey)
      next = Math.max(next, m.envelope.sequence + 1);
  return next;
}
