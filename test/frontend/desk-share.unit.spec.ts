// The desk worker's key shares (frontend/src/lib/crypto/desk-share.ts): a holder seals a
// report's key only to box keys of the channel's recipient list verified against the trusted
// deployment key, so a server that hands over its own key (unsigned, swapped in a signed list,
// or in a list it signed itself) gets nothing; the colleague opens the report through the share.
import {
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  generateBoxKeyPair,
  generateReceipt,
  generateSigningKeyPair,
  loadBackend,
  sealMessage,
  sealReport,
  shareReportKey,
  signRecipientList,
  TEST_ONLY_CHEAP_PARAMS,
  type InvestigatorKeys,
} from '@integrity-desk/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCaseReport, shareCaseKey } from '../../frontend/src/lib/crypto/desk-share.ts';
import { listedSigningKeys } from '../../frontend/src/lib/crypto/trusted-key.ts';
import { openThreadForPage } from '../../frontend/src/lib/crypto/thread.ts';

const b = await loadBackend();
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const channelId = id(1);
const reportId = id(100);

function person(n: number) {
  const box = generateBoxKeyPair(b);
  const sign = generateSigningKeyPair(b);
  const keys: InvestigatorKeys = {
    boxPublicKey: box.publicKey,
    boxSecretKey: box.secretKey,
    signPublicKey: sign.publicKey,
    signSeed: sign.seed,
  };
  return {
    id: id(n),
    keys,
    entry: { recipientId: id(n), boxPublicKey: box.publicKey, signPublicKey: sign.publicKey },
  };
}

async function world() {
  const deployment = generateSigningKeyPair(b);
  const holder = person(10);
  const colleague = person(11);
  const list = (
    recipients: { recipientId: string; boxPublicKey: string; signPublicKey: string }[],
    seed = deployment.seed,
    version = 2,
  ) => signRecipientList(b, { channelId, version, recipients }, seed);
  const whistleblower = await deriveReceiptKeys(b, {
    receipt: generateReceipt(b),
    version: RECEIPT_KDF_CURRENT,
    salt: 'AAECAwQFBgcICQoLDA0ODw',
    params: TEST_ONLY_CHEAP_PARAMS,
  });
  const answers = { what: 'fuel vouchers resold' };
  const { envelope, reportKey } = sealReport(b, {
    reportId,
    channelId,
    answers,
    recipients: list([holder.entry], deployment.seed, 1).recipients,
    recipientListVersion: 1,
    whistleblower,
  });
  return {
    deployment,
    holder,
    colleague,
    list,
    current: list([holder.entry, colleague.entry]),
    envelope,
    reportKey,
    answers,
  };
}

type World = Awaited<ReturnType<typeof world>>;
const share = (
  w: World,
  recipientList: unknown,
  announced = w.deployment.publicKey,
  ids = [w.colleague.id],
) =>
  shareCaseKey(b, {
    reportId,
    channelId,
    reportKey: w.reportKey,
    recipientIds: ids,
    recipientList,
    deploymentSignPublicKey: announced,
    sharedBy: w.holder.id,
    sharerSignSeed: w.holder.keys.signSeed,
  });

afterEach(() => vi.unstubAllEnvs());

describe('the desk worker shares report keys', () => {
  it('seals to the listed key; the colleague opens the report through the share', async () => {
    const w = await world();
    const shares = share(w, w.current);
    expect(shares.map((s) => s.boxPublicKey)).toEqual([w.colleague.keys.boxPublicKey]);
    const opened = openCaseReport(b, {
      envelope: w.envelope,
      investigatorId: w.colleague.id,
      keys: w.colleague.keys,
      keyShares: shares.map((s) => ({ share: s })),
      recipientList: w.current,
      deploymentSignPublicKey: w.deployment.publicKey,
    });
    expect(opened.answers).toEqual(w.answers);
    // The holder still opens it with the envelope's own wrapped key.
    const own = openCaseReport(b, {
      envelope: w.envelope,
      investigatorId: w.holder.id,
      keys: w.holder.keys,
      keyShares: [],
      recipientList: w.current,
      deploymentSignPublicKey: w.deployment.publicKey,
    });
    expect(own.answers).toEqual(w.answers);
  });

  it("opens through a colleague's share when a listed insider's share is bad (any order)", async () => {
    const w = await world();
    const insider = person(12);
    const current = w.list([w.holder.entry, w.colleague.entry, insider.entry]);
    // The insider, on the list, shares a key of their own, validly signed: it opens nothing.
    const bad = shareReportKey(b, {
      reportId,
      reportKey: b.randomBytes(32),
      recipient: w.colleague.entry,
      sharedBy: insider.id,
      sharerSignSeed: insider.keys.signSeed,
    });
    const [good] = share(w, current);
    for (const order of [
      [bad, good],
      [good, bad],
    ]) {
      const opened = openCaseReport(b, {
        envelope: w.envelope,
        investigatorId: w.colleague.id,
        keys: w.colleague.keys,
        keyShares: order.map((s) => ({ share: s })),
        recipientList: current,
        deploymentSignPublicKey: w.deployment.publicKey,
      });
      expect(opened.answers).toEqual(w.answers);
    }
    // The bad share alone opens nothing.
    expect(() =>
      openCaseReport(b, {
        envelope: w.envelope,
        investigatorId: w.colleague.id,
        keys: w.colleague.keys,
        keyShares: [{ share: bad }],
        recipientList: current,
        deploymentSignPublicKey: w.deployment.publicKey,
      }),
    ).toThrow();
  });

  it('refuses a server-supplied key: unsigned, swapped into the signed list, or in a list signed by another key', async () => {
    const w = await world();
    const server = generateBoxKeyPair(b);
    const swappedEntry = { ...w.colleague.entry, boxPublicKey: server.publicKey };
    const swapped = { ...w.current, recipients: [w.holder.entry, swappedEntry] };
    expect(() => share(w, swapped)).toThrow();
    const { signature: _dropped, ...unsigned } = w.current;
    expect(() => share(w, unsigned)).toThrow();
    // The pinned build key wins over whatever the server announces with its own list.
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', w.deployment.publicKey);
    const rogue = generateSigningKeyPair(b);
    expect(() =>
      share(w, w.list([w.holder.entry, swappedEntry], rogue.seed), rogue.publicKey),
    ).toThrow();
    // An id the verified list does not name gets nothing either.
    expect(() => share(w, w.current, w.deployment.publicKey, [w.colleague.id, id(66)])).toThrow();
    expect(share(w, w.current)).toHaveLength(1);
  });

  it('the colleague refuses a share from someone the verified list does not name', async () => {
    const w = await world();
    const outsider = person(12);
    const forged = shareCaseKey(b, {
      reportId,
      channelId,
      reportKey: w.reportKey,
      recipientIds: [w.colleague.id],
      recipientList: w.current,
      deploymentSignPublicKey: w.deployment.publicKey,
      sharedBy: outsider.id,
      sharerSignSeed: outsider.keys.signSeed,
    });
    expect(() =>
      openCaseReport(b, {
        envelope: w.envelope,
        investigatorId: w.colleague.id,
        keys: w.colleague.keys,
        keyShares: forged.map((s) => ({ share: s })),
        recipientList: w.current,
        deploymentSignPublicKey: w.deployment.publicKey,
      }),
    ).toThrow();
  });

  it('takes investigator authors, notes included, from the verified list, not from the thread', async () => {
    const w = await world();
    const stranger = generateSigningKeyPair(b);
    const seal = (seed: Uint8Array, n: number, sequence: number) =>
      sealMessage(b, {
        reportKey: w.reportKey,
        reportId,
        messageId: id(200 + n),
        authorRole: 'investigator',
        authorSignSeed: seed,
        sequence,
        body: `note ${n}`,
      });
    // A key the server made up signs a well-formed message of its own: before, the desk page
    // allowed every investigator key found in the thread, so this one verified.
    const thread = [seal(w.holder.keys.signSeed, 1, 0), seal(stranger.seed, 2, 0)];
    const open = (recipientList: unknown) =>
      openThreadForPage(
        b,
        thread,
        {
          reportKey: w.reportKey,
          reportId,
          authors: {
            whistleblower: w.envelope.whistleblower.signPublicKey,
            investigators: listedSigningKeys(b, {
              recipientList,
              deploymentSignPublicKey: w.deployment.publicKey,
              channelId,
            }),
          },
        },
        w.holder.keys.signPublicKey,
      ).entries.map((e) => e.verified);
    expect(open(w.current)).toEqual([true, false]);
    // A list naming the stranger but signed by another key, or no list: nobody is allowed.
    const rogue = generateSigningKeyPair(b);
    const strangerEntry = { ...w.colleague.entry, signPublicKey: stranger.publicKey };
    expect(open(w.list([w.holder.entry, strangerEntry], rogue.seed))).toEqual([false, false]);
    expect(open(null)).toEqual([false, false]);
  });
});
