// The referrer's worker (frontend/src/lib/crypto/desk-referral.ts, SECURITY.md Protocol step
// 11): it seals the report key to another channel without the whistleblower's yes only when the
// report channel's own recipient list, verified against the pinned deployment key, signs
// `inform`. These play a server that says "inform only" every other way: a plain setting with
// the old list, a list it signed itself, a mode flipped in a signed list, another channel's list.
import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  loadBackend,
  signRecipientList,
} from '@integrity-desk/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { referralShares } from '../../frontend/src/lib/crypto/desk-referral.ts';

const b = await loadBackend();
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const source = id(1);
const target = id(2);
const reportId = id(100);
const deployment = generateSigningKeyPair(b);
const entry = (n: number) => {
  const box = generateBoxKeyPair(b);
  const sign = generateSigningKeyPair(b);
  return {
    entry: { recipientId: id(n), boxPublicKey: box.publicKey, signPublicKey: sign.publicKey },
    signSeed: sign.seed,
  };
};
const referrer = entry(10);
const union = entry(20);
const list = (
  channelId: string,
  recipients: { recipientId: string; boxPublicKey: string; signPublicKey: string }[],
  referralMode?: 'consent' | 'inform',
  seed = deployment.seed,
) =>
  signRecipientList(
    b,
    { channelId, version: 2, recipients, ...(referralMode && { referralMode }) },
    seed,
  );
const targetList = list(target, [union.entry]);

const propose = (sourceList: unknown) =>
  referralShares(b, {
    reportId,
    reportKey: new Uint8Array(32).fill(7),
    channelId: target,
    recipientIds: [union.entry.recipientId],
    recipientList: targetList,
    sourceChannelId: source,
    sourceList,
    deploymentSignPublicKey: deployment.publicKey,
    sharedBy: referrer.entry.recipientId,
    sharerSignSeed: referrer.signSeed,
  });

afterEach(() => vi.unstubAllEnvs());

describe('the referrer’s worker seals to the target only for a signed inform-only list', () => {
  it('a list signed inform: one share per target recipient', () => {
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', deployment.publicKey);
    const { mode, shares } = propose(list(source, [referrer.entry], 'inform'));
    expect(mode).toBe('inform');
    expect(shares.map((s) => s.boxPublicKey)).toEqual([union.entry.boxPublicKey]);
  });

  it('the server says inform but the list is the old one (v1) or signs consent: no share', () => {
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', deployment.publicKey);
    for (const sourceList of [
      list(source, [referrer.entry]),
      list(source, [referrer.entry], 'consent'),
    ])
      expect(propose(sourceList)).toEqual({ mode: 'consent', shares: [] });
  });

  it('a mode flipped in a signed list, a list the server signed, another channel’s list: no share', () => {
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', deployment.publicKey);
    const flipped = { ...list(source, [referrer.entry], 'consent'), referralMode: 'inform' };
    const serverSigned = list(source, [referrer.entry], 'inform', generateSigningKeyPair(b).seed);
    const otherChannel = list(id(3), [referrer.entry], 'inform');
    for (const sourceList of [flipped, serverSigned, otherChannel, null])
      expect(propose(sourceList)).toEqual({ mode: 'consent', shares: [] });
  });
});
