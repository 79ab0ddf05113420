// The workers' thread for the page (frontend/src/lib/crypto/thread.ts): each message verified on
// its own, the author taken from the signed envelope, no text for a message that fails, and the
// next sequence counted from verified messages only.
import { generateSigningKeyPair, loadBackend, sealMessage } from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import { openThreadForPage } from '../../frontend/src/lib/crypto/thread.ts';

const b = await loadBackend();
const reportId = '00000000-0000-4000-8000-000000000100';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('a thread as the page shows it', () => {
  it('verifies each message on its own and says nothing about one that fails', () => {
    const reportKey = b.randomBytes(32);
    const wb = generateSigningKeyPair(b);
    const inv = generateSigningKeyPair(b);
    const stranger = generateSigningKeyPair(b);
    const seal = (
      seed: Uint8Array,
      role: 'whistleblower' | 'investigator',
      n: number,
      seq: number,
    ) =>
      sealMessage(b, {
        reportKey,
        reportId,
        messageId: id(n),
        authorRole: role,
        authorSignSeed: seed,
        sequence: seq,
        body: `message ${n}`,
      });
    const forged = seal(stranger.seed, 'investigator', 3, 1);
    forged.authorKey = inv.publicKey;
    const thread = openThreadForPage(
      b,
      [seal(inv.seed, 'investigator', 1, 0), seal(wb.seed, 'whistleblower', 2, 0), forged],
      {
        reportKey,
        reportId,
        authors: { whistleblower: wb.publicKey, investigators: [inv.publicKey] },
      },
      wb.publicKey,
    );
    expect(thread.entries).toEqual([
      { verified: true, author: 'investigator', text: 'message 1', missingBefore: 0 },
      { verified: true, author: 'whistleblower', text: 'message 2', missingBefore: 0 },
      { verified: false },
    ]);
    expect(thread.nextSequence).toBe(1);
  });

  it('opens notes under their own labels, and notes sealed before as messages still', () => {
    const reportKey = b.randomBytes(32);
    const wb = generateSigningKeyPair(b);
    const inv = generateSigningKeyPair(b);
    const note = (n: number, seq: number, thread?: 'notes') =>
      sealMessage(b, {
        reportKey,
        reportId,
        messageId: id(n),
        authorRole: 'investigator',
        authorSignSeed: inv.seed,
        sequence: seq,
        body: `note ${n}`,
        ...(thread && { thread }),
      });
    const ctx = {
      reportKey,
      reportId,
      authors: { whistleblower: wb.publicKey, investigators: [inv.publicKey] },
    };
    const notes = [note(1, 0), note(2, 1, 'notes')];
    const asNotes = openThreadForPage(b, notes, { ...ctx, thread: 'notes' }, inv.publicKey);
    expect(asNotes.entries.map((e) => e.verified && e.text)).toEqual(['note 1', 'note 2']);
    expect(asNotes.nextSequence).toBe(2);
    // Shown to the whistleblower as messages, the new note is unverified.
    const asMessages = openThreadForPage(b, [note(2, 0, 'notes')], ctx, wb.publicKey);
    expect(asMessages.entries).toEqual([{ verified: false }]);
  });
});
