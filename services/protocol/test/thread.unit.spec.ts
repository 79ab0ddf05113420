// A thread opened message by message (issue 12, finding 5): one forged, tampered or replayed
// message is unverified on its own and every other message stays readable, in both backends.
// With the all-or-nothing openThread, each of these threads failed as a whole.
import { describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  nextThreadSequence,
  openThread,
  openThreadMessages,
  sealMessage,
  type AuthorRole,
  type CryptoBackend,
  type ThreadMessage,
} from '../src/index.ts';
import { backends, uuid } from './helpers.ts';

function setup(backend: CryptoBackend) {
  const reportKey = backend.randomBytes(32);
  const whistleblower = generateSigningKeyPair(backend);
  const investigator = generateSigningKeyPair(backend);
  let id = 300;
  const seal = (
    role: AuthorRole,
    seed: Uint8Array,
    sequence: number,
    body: string,
    key = reportKey,
  ) =>
    sealMessage(backend, {
      reportKey: key,
      reportId: uuid(100),
      messageId: uuid(id++),
      authorRole: role,
      authorSignSeed: seed,
      sequence,
      body,
    });
  const ctx = {
    reportKey,
    reportId: uuid(100),
    authors: {
      whistleblower: whistleblower.publicKey,
      investigators: [investigator.publicKey],
    },
  };
  return { reportKey, whistleblower, investigator, seal, ctx };
}

const bodies = (thread: ThreadMessage[]) => thread.map((m) => (m.verified ? m.body : m.reason));

describe.each(backends.map((b) => [b.name, b] as const))('thread (%s)', (_name, backend) => {
  const other = backends.find((b) => b !== backend)!;

  it('shows a forged message as unverified and opens every other one', () => {
    const { seal, ctx, investigator, whistleblower } = setup(backend);
    const stranger = generateSigningKeyPair(backend);
    const i0 = seal('investigator', investigator.seed, 0, 'Which office?');
    const w0 = seal('whistleblower', whistleblower.seed, 0, 'Independence Avenue.');
    const i1 = seal('investigator', investigator.seed, 1, 'Thank you.');
    // The server's own key posing as an investigator, at the sequence the real one would use.
    const forged = seal('investigator', stranger.seed, 1, 'Send us your name.');
    // The real investigator's key and next sequence, but a signature that does not hold.
    const resigned = { ...seal('investigator', stranger.seed, 2, 'Call this number.') };
    resigned.authorKey = investigator.publicKey;
    // Signed by the real whistleblower, but under another report key (does not decrypt).
    const wrongKey = seal('whistleblower', whistleblower.seed, 1, 'x', backend.randomBytes(32));
    const thread = [i0, forged, w0, resigned, 'not an envelope', i1, wrongKey];
    expect(() => openThread(other, thread, ctx)).toThrow();
    expect(bodies(openThreadMessages(other, thread, ctx))).toEqual([
      'Which office?',
      'unknown_author',
      'Independence Avenue.',
      'bad_signature',
      'invalid_format',
      'Thank you.',
      'decryption_failed',
    ]);
  });

  it('marks a replayed or reordered message and counts the ones withheld before a message', () => {
    const { seal, ctx, investigator, whistleblower } = setup(backend);
    const i0 = seal('investigator', investigator.seed, 0, 'first');
    const i1 = seal('investigator', investigator.seed, 1, 'second');
    const i2 = seal('investigator', investigator.seed, 2, 'third');
    const w0 = seal('whistleblower', whistleblower.seed, 0, 'reply');

    const replayed = openThreadMessages(other, [i0, w0, i0, i1], ctx);
    expect(bodies(replayed)).toEqual(['first', 'reply', 'replayed_message', 'second']);

    const reordered = openThreadMessages(other, [i1, i0, w0], ctx);
    expect(bodies(reordered)).toEqual(['second', 'replayed_message', 'reply']);
    expect(reordered[0]).toMatchObject({ verified: true, missingBefore: 1 });

    const withheld = openThreadMessages(other, [i0, w0, i2], ctx);
    expect(bodies(withheld)).toEqual(['first', 'reply', 'third']);
    expect(withheld.map((m) => m.verified && m.missingBefore)).toEqual([0, 0, 1]);
  });

  it('lets no unverifiable message move an author on: the genuine one after it still opens', () => {
    const { seal, ctx, investigator } = setup(backend);
    const stranger = generateSigningKeyPair(backend);
    const fake = seal('investigator', stranger.seed, 0, 'fake');
    fake.authorKey = investigator.publicKey;
    const i0 = seal('investigator', investigator.seed, 0, 'genuine');
    const thread = openThreadMessages(other, [fake, i0], ctx);
    expect(bodies(thread)).toEqual(['bad_signature', 'genuine']);
    expect(thread[1]).toMatchObject({ verified: true, missingBefore: 0 });
  });

  it('gives an author the sequence after their last verified message', () => {
    const { seal, ctx, investigator, whistleblower } = setup(backend);
    const i0 = seal('investigator', investigator.seed, 0, 'a');
    const w0 = seal('whistleblower', whistleblower.seed, 0, 'b');
    const w1 = seal('whistleblower', whistleblower.seed, 1, 'c');
    const thread = openThreadMessages(other, [i0, w0, w1, { ...w1, signature: i0.signature }], ctx);
    expect(nextThreadSequence(thread, whistleblower.publicKey)).toBe(2);
    expect(nextThreadSequence(thread, investigator.publicKey)).toBe(1);
    expect(nextThreadSequence([], investigator.publicKey)).toBe(0);
  });

  it('keeps notes and messages apart: a note never opens as a message, nor a message as a note', () => {
    const { reportKey, ctx, investigator } = setup(backend);
    const seal = (thread: 'messages' | 'notes', n: number) =>
      sealMessage(backend, {
        reportKey,
        reportId: uuid(100),
        messageId: uuid(400 + n),
        authorRole: 'investigator',
        authorSignSeed: investigator.seed,
        sequence: 0,
        body: `${thread} ${n}`,
        thread,
      });
    const note = seal('notes', 1);
    const message = seal('messages', 2);
    // A compromised server hands the whistleblower an investigator's internal note as a message.
    expect(bodies(openThreadMessages(other, [note], ctx))).toEqual(['bad_signature']);
    expect(bodies(openThreadMessages(other, [message], { ...ctx, thread: 'notes' }))).toEqual([
      'bad_signature',
    ]);
    expect(bodies(openThreadMessages(other, [note], { ...ctx, thread: 'notes' }))).toEqual([
      'notes 1',
    ]);
    expect(bodies(openThreadMessages(other, [message], ctx))).toEqual(['messages 2']);
  });
});
