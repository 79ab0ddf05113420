// A thread as a page may show it (SECURITY.md, Protocol step 7), in the worker that holds the
// report key. Each message is opened on its own: one that fails any check is shown as unverified,
// without its text and without an author (the server's plain `author` field is never trusted for
// that), and the rest stays readable. The author a page shows comes from the signed envelope.
import {
  nextThreadSequence,
  openThreadMessages,
  type AuthorRole,
  type CryptoBackend,
  type MessageContext,
} from '@integrity-desk/protocol';

export type ThreadEntry =
  | {
      verified: true;
      author: AuthorRole;
      text: string;
      /** This author's messages the server left out just before this one. */
      missingBefore: number;
    }
  | { verified: false };

export interface OpenedThread {
  entries: ThreadEntry[];
  /** The sequence the next message signed with `ownKey` must carry. */
  nextSequence: number;
}

export function openThreadForPage(
  b: CryptoBackend,
  envelopes: readonly unknown[],
  ctx: Omit<MessageContext, 'lastSequence'>,
  ownKey: string,
): OpenedThread {
  const thread = openThreadMessages(b, envelopes, ctx);
  if (ctx.thread === 'notes') {
    // Notes sealed before they had labels of their own were sealed as messages: those still
    // open (a server could move a message among the notes then; never a note among messages).
    const legacy = openThreadMessages(b, envelopes, { ...ctx, thread: 'messages' });
    thread.forEach((m, i) => {
      const old = legacy[i];
      if (!m.verified && old?.verified) thread[i] = old;
    });
  }
  return {
    entries: thread.map((m): ThreadEntry =>
      m.verified
        ? {
            verified: true,
            author: m.envelope.authorRole,
            text: m.body,
            missingBefore: m.missingBefore,
          }
        : { verified: false },
    ),
    nextSequence: nextThreadSequence(thread, ownKey),
  };
}
