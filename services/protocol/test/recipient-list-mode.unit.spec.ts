// A channel's referral mode signed in its recipient list (SECURITY.md, Protocol step 11): the
// referrer's browser seals the report key to another channel without asking the whistleblower
// only when the list, verified against the pinned deployment key, says `inform`. These try to
// make a list say `inform` (or stop saying `consent`) without the deployment key.
import { describe, expect, it } from 'vitest';
import { generateBoxKeyPair, generateSigningKeyPair } from '../src/keys.ts';
import { referralModeOf, signRecipientList, verifyRecipientList } from '../src/recipient-list.ts';
import { backends, signedTestList, uuid } from './helpers.ts';

describe.each(backends)('a recipient list signs its referral mode ($name)', (b) => {
  const deployment = generateSigningKeyPair(b);
  const box = generateBoxKeyPair(b);
  const recipients = [
    { recipientId: uuid(10), boxPublicKey: box.publicKey, signPublicKey: box.publicKey },
  ];
  const signed = (referralMode?: 'consent' | 'inform') =>
    signRecipientList(
      b,
      { channelId: uuid(1), version: 3, recipients, ...(referralMode && { referralMode }) },
      deployment.seed,
    );
  const verify = (list: unknown) =>
    verifyRecipientList(b, list, { pinnedPublicKey: deployment.publicKey });

  it('a list signed before (v1, no mode) still verifies and means consent', () => {
    const old = signedTestList(b, deployment.seed, 2, [[uuid(10), box]]);
    expect(old.v).toBe(1);
    expect(referralModeOf(verify(old))).toBe('consent');
  });

  it('a v2 list says the mode it was signed with', () => {
    expect(referralModeOf(verify(signed('inform')))).toBe('inform');
    expect(referralModeOf(verify(signed('consent')))).toBe('consent');
  });

  it('flipping the mode breaks the signature', () => {
    expect(() => verify({ ...signed('consent'), referralMode: 'inform' })).toThrow(
      'signature does not verify',
    );
    expect(() => verify({ ...signed('inform'), referralMode: 'consent' })).toThrow(
      'signature does not verify',
    );
  });

  it('a v1 signature does not pass as v2 with a mode added, nor v2 as v1 with it removed', () => {
    expect(() => verify({ ...signed(), v: 2, referralMode: 'inform' })).toThrow(
      'signature does not verify',
    );
    const { referralMode: _dropped, ...stripped } = signed('inform') as Record<string, unknown>;
    expect(() => verify({ ...stripped, v: 1 })).toThrow('signature does not verify');
  });

  it('a mode on a v1 list, or a v2 list without one, is refused by the schema', () => {
    expect(() => verify({ ...signed(), referralMode: 'inform' })).toThrow('schema');
    const { referralMode: _dropped, ...bare } = signed('inform') as Record<string, unknown>;
    expect(() => verify(bare)).toThrow('schema');
  });
});
