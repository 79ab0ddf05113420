// Sharing a report key with a colleague added after the report was sealed: a share made by one
// backend opens with the other; a share whose signature, report, recipient or box key binding is
// altered is refused; a share to the wrong key, or of a wrong key, does not open; and the sharer
// seals only to box keys of a recipient list that verifies against the pinned deployment key.
import { describe, expect, it } from 'vitest';
import {
  DecryptionError,
  FormatError,
  generateBoxKeyPair,
  generateSigningKeyPair,
  openReportKeyShare,
  openSharedReport,
  sealReport,
  shareReportKey,
  shareReportKeyForReferral,
  shareReportKeyFromList,
  signRecipientList,
  SignatureError,
  toBase64Url,
  UnknownAuthorError,
  verifyRecipientList,
  type CryptoBackend,
  type ReportKeyShare,
} from '../src/index.ts';
import { backends, pairs, uuid, testReceiptKeys } from './helpers.ts';

async function setup(b: CryptoBackend) {
  const deployment = generateSigningKeyPair(b);
  const holder = { id: uuid(10), box: generateBoxKeyPair(b), sign: generateSigningKeyPair(b) };
  const colleague = { id: uuid(11), box: generateBoxKeyPair(b), sign: generateSigningKeyPair(b) };
  const entry = (p: typeof holder) => ({
    recipientId: p.id,
    boxPublicKey: p.box.publicKey,
    signPublicKey: p.sign.publicKey,
  });
  const v1 = signRecipientList(
    b,
    { channelId: uuid(1), version: 1, recipients: [entry(holder)] },
    deployment.seed,
  );
  const v2 = signRecipientList(
    b,
    { channelId: uuid(1), version: 2, recipients: [entry(holder), entry(colleague)] },
    deployment.seed,
  );
  const keys = await testReceiptKeys(b);
  const answers = { what: 'permits sold at the back door' };
  // Sealed to the first list: the colleague is not in the envelope.
  const { envelope, reportKey } = sealReport(b, {
    reportId: uuid(100),
    channelId: uuid(1),
    answers,
    recipients: v1.recipients,
    recipientListVersion: 1,
    whistleblower: keys,
  });
  return { deployment, holder, colleague, v2, envelope, reportKey, answers, keys };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const shareFrom = (b: CryptoBackend, s: Setup, recipientList: unknown = s.v2) =>
  shareReportKeyFromList(b, {
    reportId: uuid(100),
    reportKey: s.reportKey,
    recipientList,
    pinnedPublicKey: s.deployment.publicKey,
    channelId: uuid(1),
    recipientIds: [s.colleague.id],
    sharedBy: s.holder.id,
    sharerSignSeed: s.holder.sign.seed,
  });

const colleagueOpener = (s: Setup) => ({
  recipientId: s.colleague.id,
  boxPublicKey: s.colleague.box.publicKey,
  boxSecretKey: s.colleague.box.secretKey,
  sharers: s.v2.recipients,
});

describe.each(pairs)('report key shares (%s)', (_name, sharer, opener) => {
  it('a share from a holder opens the report for the colleague', async () => {
    const s = await setup(sharer);
    const [share] = shareFrom(sharer, s);
    expect(share!.boxPublicKey).toBe(s.colleague.box.publicKey);
    const opened = openSharedReport(opener, s.envelope, share, colleagueOpener(s));
    expect(opened.answers).toEqual(s.answers);
    expect(toBase64Url(opened.reportKey)).toBe(toBase64Url(s.reportKey));
  });

  it('refuses a share whose signature or bound fields are altered', async () => {
    const s = await setup(sharer);
    const [share] = shareFrom(sharer, s) as [ReportKeyShare];
    const other = generateBoxKeyPair(sharer);
    const flip = (v: string) => `${v[0] === 'A' ? 'B' : 'A'}${v.slice(1)}`;
    const altered: [Partial<ReportKeyShare>, new (...a: never[]) => Error][] = [
      [{ signature: flip(share.signature) }, SignatureError],
      [{ wrappedKey: flip(share.wrappedKey) }, SignatureError],
      // Another holder named as sharer: their key does not verify this signature.
      [{ sharedBy: s.colleague.id }, SignatureError],
      // A sharer who is not in the verified list at all.
      [{ sharedBy: uuid(99) }, UnknownAuthorError],
      // Bound to another report, recipient or box key than the opener's.
      [{ reportId: uuid(101) }, FormatError],
      [{ recipientId: s.holder.id }, FormatError],
      [{ boxPublicKey: other.publicKey }, FormatError],
    ];
    for (const [patch, error] of altered)
      expect(() =>
        openSharedReport(opener, s.envelope, { ...share, ...patch }, colleagueOpener(s)),
      ).toThrow(error);
  });

  it('a share sealed to another key, or of another key, does not open', async () => {
    const s = await setup(sharer);
    const stranger = generateBoxKeyPair(sharer);
    // Signed honestly, but sealed to a box key that is not the colleague's.
    const toStranger = shareReportKey(sharer, {
      reportId: uuid(100),
      reportKey: s.reportKey,
      recipient: {
        recipientId: s.colleague.id,
        boxPublicKey: stranger.publicKey,
        signPublicKey: s.colleague.sign.publicKey,
      },
      sharedBy: s.holder.id,
      sharerSignSeed: s.holder.sign.seed,
    });
    expect(() =>
      openReportKeyShare(opener, toStranger, { ...colleagueOpener(s), reportId: uuid(100) }),
    ).toThrow(FormatError);
    expect(() =>
      openReportKeyShare(opener, toStranger, {
        ...colleagueOpener(s),
        boxPublicKey: stranger.publicKey,
        reportId: uuid(100),
      }),
    ).toThrow(DecryptionError);
    // A validly signed share of some other key: the answers' AEAD refuses it.
    const wrongKey = shareReportKey(sharer, {
      reportId: uuid(100),
      reportKey: sharer.randomBytes(32),
      recipient: s.v2.recipients[1]!,
      sharedBy: s.holder.id,
      sharerSignSeed: s.holder.sign.seed,
    });
    expect(() => openSharedReport(opener, s.envelope, wrongKey, colleagueOpener(s))).toThrow(
      DecryptionError,
    );
  });
});

describe.each(backends.map((b) => [b.name, b] as const))(
  'the sharer seals only to the signed list (%s)',
  (_name, b) => {
    it('refuses a list with a swapped box key, a forged or foreign list, and unlisted ids', async () => {
      const s = await setup(b);
      const server = generateBoxKeyPair(b);
      const swapped = {
        ...s.v2,
        recipients: s.v2.recipients.map((r) =>
          r.recipientId === s.colleague.id ? { ...r, boxPublicKey: server.publicKey } : r,
        ),
      };
      expect(() => shareFrom(b, s, swapped)).toThrow(SignatureError);
      const { signature: _signature, ...unsigned } = s.v2;
      expect(() => shareFrom(b, s, unsigned)).toThrow(FormatError);
      // Validly signed, but by a key other than the pinned deployment key.
      const rogue = generateSigningKeyPair(b);
      const resigned = signRecipientList(
        b,
        { channelId: uuid(1), version: 2, recipients: swapped.recipients },
        rogue.seed,
      );
      expect(() => shareFrom(b, s, resigned)).toThrow(SignatureError);
      const otherChannel = signRecipientList(
        b,
        { channelId: uuid(2), version: 2, recipients: s.v2.recipients },
        s.deployment.seed,
      );
      expect(() => shareFrom(b, s, otherChannel)).toThrow(FormatError);
      expect(() =>
        shareReportKeyFromList(b, {
          reportId: uuid(100),
          reportKey: s.reportKey,
          recipientList: s.v2,
          pinnedPublicKey: s.deployment.publicKey,
          channelId: uuid(1),
          recipientIds: [uuid(55)],
          sharedBy: s.holder.id,
          sharerSignSeed: s.holder.sign.seed,
        }),
      ).toThrow(UnknownAuthorError);
      // The honest list: sealed to the colleague's listed key.
      verifyRecipientList(b, s.v2, { pinnedPublicKey: s.deployment.publicKey });
      expect(shareFrom(b, s)[0]!.boxPublicKey).toBe(s.colleague.box.publicKey);
    });
  },
);

describe.each(pairs)('a whistleblower consents to a referral (%s)', (_name, sharer, opener) => {
  async function referral(b: CryptoBackend) {
    const s = await setup(b);
    const target = { id: uuid(20), box: generateBoxKeyPair(b), sign: generateSigningKeyPair(b) };
    const list = signRecipientList(
      b,
      {
        channelId: uuid(2),
        version: 1,
        recipients: [
          {
            recipientId: target.id,
            boxPublicKey: target.box.publicKey,
            signPublicKey: target.sign.publicKey,
          },
        ],
      },
      s.deployment.seed,
    );
    const share = (signSeed = s.keys.signSeed, recipientList: unknown = list) =>
      shareReportKeyForReferral(b, {
        reportId: uuid(100),
        reportKey: s.reportKey,
        recipientList,
        pinnedPublicKey: s.deployment.publicKey,
        channelId: uuid(2),
        whistleblowerSignSeed: signSeed,
      });
    const targetOpener = {
      recipientId: target.id,
      boxPublicKey: target.box.publicKey,
      boxSecretKey: target.box.secretKey,
      // The source channel's verified list: the whistleblower is not in it.
      sharers: s.v2.recipients,
    };
    return { s, list, share, targetOpener };
  }

  it("a share signed with the receipt's key opens for the target, checked against the envelope", async () => {
    const { s, share, targetOpener } = await referral(sharer);
    const [made] = share();
    expect(made!.sharedBy).toBe(uuid(100));
    const opened = openSharedReport(opener, s.envelope, made, targetOpener);
    expect(opened.answers).toEqual(s.answers);
  });

  it('refuses a share signed by any other key, even one the server lists under the report id', async () => {
    const { s, share, targetOpener } = await referral(sharer);
    const [forged] = share(s.holder.sign.seed);
    expect(() => openSharedReport(opener, s.envelope, forged, targetOpener)).toThrow(
      SignatureError,
    );
    // A server adding its own key to the sharers under the report id gains nothing.
    const claimed = {
      ...targetOpener,
      sharers: [...s.v2.recipients, { ...s.v2.recipients[0]!, recipientId: uuid(100) }],
    };
    expect(() => openSharedReport(opener, s.envelope, forged, claimed)).toThrow(SignatureError);
  });

  it("seals only to the target's list verified against the pinned key", async () => {
    const { s, list, share } = await referral(sharer);
    const rogue = generateSigningKeyPair(sharer);
    const resigned = signRecipientList(
      sharer,
      { channelId: uuid(2), version: 1, recipients: list.recipients },
      rogue.seed,
    );
    expect(() => share(s.keys.signSeed, resigned)).toThrow(SignatureError);
    // The source channel's own (valid) list is not the target's.
    expect(() => share(s.keys.signSeed, s.v2)).toThrow(FormatError);
  });
});
