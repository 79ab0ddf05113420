// The returning whistleblower takes the report key only from the envelope their receipt signed.
// A server that seals a key of its own to the receipt's (public) box key, swaps in another
// report's envelope, alters the locator or the ids, or hands back a wrapped key that the
// envelope does not hold is refused with ReturnPathError; the honest case opens. Sealed by
// either backend, opened by either. The old path (unwrap whatever `wrappedKey` the case gives)
// is shown taking the server's key, which is the attack these checks stop.
import { describe, expect, it } from 'vitest';
import {
  fromBase64Url,
  generateBoxKeyPair,
  generateSigningKeyPair,
  openReportAnswers,
  openReportKey,
  openReturnedCase,
  ReturnPathError,
  sealReport,
  toBase64Url,
  type CryptoBackend,
  type SubmissionEnvelope,
} from '../src/index.ts';
import { envelopeSigningBytes, sealToPublicKey } from '../src/report.ts';
import { pairs, uuid, testReceiptKeys } from './helpers.ts';

async function submitted(b: CryptoBackend, reportId = uuid(100), channelId = uuid(1)) {
  const keys = await testReceiptKeys(b);
  const investigator = generateBoxKeyPair(b);
  const answers = { what: 'the harbour master takes cash for berths' };
  const { envelope, reportKey } = sealReport(b, {
    reportId,
    channelId,
    answers,
    recipients: [
      {
        recipientId: uuid(10),
        boxPublicKey: investigator.publicKey,
        signPublicKey: generateSigningKeyPair(b).publicKey,
      },
    ],
    recipientListVersion: 1,
    whistleblower: keys,
  });
  return { keys, envelope, reportKey, answers };
}

/** What an honest intake answers to GET /case, the parts the return path reads. */
const caseOf = (envelope: SubmissionEnvelope) => ({
  reportId: envelope.reportId,
  channelId: envelope.channelId,
  status: 'submitted',
  messages: [],
  envelope,
  wrappedKey: envelope.whistleblower.wrappedKey,
});

/** A server's own report key, sealed to the receipt's box public key from the envelope. */
function attackerKey(b: CryptoBackend, envelope: SubmissionEnvelope) {
  const key = b.randomBytes(32);
  const wrapped = toBase64Url(
    sealToPublicKey(b, key, fromBase64Url(envelope.whistleblower.boxPublicKey)),
  );
  return { key, wrapped };
}

/** Signs an envelope as the receipt holder would (only the test holds the receipt). */
function signedBy(b: CryptoBackend, e: SubmissionEnvelope, seed: Uint8Array): SubmissionEnvelope {
  const { signature: _old, ...unsigned } = e;
  const bytes = envelopeSigningBytes(unsigned, fromBase64Url(e.answers.ciphertext));
  return { ...unsigned, signature: toBase64Url(b.ed25519Sign(bytes, seed)) };
}

const refused = (fn: () => unknown) => expect(fn).toThrow(ReturnPathError);

describe.each(pairs)('the return path (%s)', (_name, sealer, opener) => {
  it('opens the honest case: the key it returns is the one sealed, and it opens the answers', async () => {
    const s = await submitted(sealer);
    const opened = openReturnedCase(opener, structuredClone(caseOf(s.envelope)), s.keys);
    expect(toBase64Url(opened.reportKey)).toBe(toBase64Url(s.reportKey));
    expect(opened.envelope).toEqual(s.envelope);
    expect(openReportAnswers(opener, opened.envelope, opened.reportKey)).toEqual(s.answers);
  });

  it('refuses a key the server sealed to the envelope’s box key, which the old path took', async () => {
    const s = await submitted(sealer);
    const attack = attackerKey(sealer, s.envelope);
    // The old path: unwrap the case's wrappedKey with the receipt's box key. It opens, and every
    // later reply and file would have been sealed under the server's key.
    const old = openReportKey(
      opener,
      { whistleblower: { wrappedKey: attack.wrapped } } as SubmissionEnvelope,
      { kind: 'whistleblower', keys: s.keys },
    );
    expect(toBase64Url(old)).toBe(toBase64Url(attack.key));
    // The return path: the key handed back is not the one in the signed envelope...
    refused(() =>
      openReturnedCase(opener, { ...caseOf(s.envelope), wrappedKey: attack.wrapped }, s.keys),
    );
    // ...and putting it into the envelope as well breaks the receipt's signature.
    const swapped = {
      ...s.envelope,
      whistleblower: { ...s.envelope.whistleblower, wrappedKey: attack.wrapped },
    };
    refused(() =>
      openReturnedCase(opener, { ...caseOf(swapped), wrappedKey: attack.wrapped }, s.keys),
    );
  });

  it('refuses another report’s envelope, even one signed by its own receipt', async () => {
    const s = await submitted(sealer);
    const other = await submitted(sealer, uuid(200), uuid(2));
    refused(() => openReturnedCase(opener, caseOf(other.envelope), s.keys));
    // The other envelope dressed in this receipt's public values: its signature is not ours.
    const dressed = {
      ...other.envelope,
      whistleblower: {
        ...s.envelope.whistleblower,
        wrappedKey: other.envelope.whistleblower.wrappedKey,
      },
    };
    refused(() => openReturnedCase(opener, caseOf(dressed), s.keys));
    // Re-signed by a server key that names itself: not the receipt's key either.
    const attacker = generateSigningKeyPair(sealer);
    const resigned = signedBy(
      sealer,
      {
        ...dressed,
        whistleblower: { ...dressed.whistleblower, signPublicKey: attacker.publicKey },
      },
      attacker.seed,
    );
    refused(() => openReturnedCase(opener, caseOf(resigned), s.keys));
  });

  it('refuses a modified locator, report id or channel id, in the envelope or beside it', async () => {
    const s = await submitted(sealer);
    const other = await testReceiptKeys(sealer);
    const e = s.envelope;
    const variants: unknown[] = [
      caseOf({ ...e, whistleblower: { ...e.whistleblower, locator: other.locator } }),
      caseOf({ ...e, whistleblower: { ...e.whistleblower, boxPublicKey: other.boxPublicKey } }),
      caseOf({ ...e, channelId: uuid(2) }),
      caseOf({ ...e, reportId: uuid(101) }),
      { ...caseOf(e), channelId: uuid(2) },
      { ...caseOf(e), reportId: uuid(101) },
    ];
    for (const variant of variants) refused(() => openReturnedCase(opener, variant, s.keys));
    // Even signed by this receipt (a faulty browser), an envelope must name the receipt's own
    // locator and keys: the signature alone would let these through.
    for (const field of ['locator', 'boxPublicKey'] as const) {
      const named = signedBy(
        sealer,
        { ...e, whistleblower: { ...e.whistleblower, [field]: other[field] } },
        s.keys.signSeed,
      );
      refused(() => openReturnedCase(opener, caseOf(named), s.keys));
    }
  });

  it('refuses a wrapped key that is not the whistleblower’s in the envelope', async () => {
    const s = await submitted(sealer);
    const recipientsKey = s.envelope.recipients[0]!.wrappedKey;
    const randomKey = toBase64Url(sealer.randomBytes(80));
    for (const wrappedKey of [recipientsKey, randomKey, undefined, ''])
      refused(() => openReturnedCase(opener, { ...caseOf(s.envelope), wrappedKey }, s.keys));
    // A case without the envelope (intake before the return path) gives nothing to check.
    const { envelope: _e, ...bare } = caseOf(s.envelope);
    refused(() => openReturnedCase(opener, bare, s.keys));
  });

  it('refuses a signed envelope whose wrapped key does not open its answers', async () => {
    // Only the receipt holder can make this one (a faulty browser): the signature holds, the key
    // unwraps, and the answers' AEAD is what fails.
    const s = await submitted(sealer);
    const stray = toBase64Url(
      sealToPublicKey(sealer, sealer.randomBytes(32), s.keys.boxPublicKeyBytes),
    );
    const faulty = signedBy(
      sealer,
      { ...s.envelope, whistleblower: { ...s.envelope.whistleblower, wrappedKey: stray } },
      s.keys.signSeed,
    );
    expect(() => openReturnedCase(opener, caseOf(faulty), s.keys)).toThrow(
      /does not open the signed answers/,
    );
  });
});
