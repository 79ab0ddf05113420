// The front end's trusted deployment key (frontend/src/lib/crypto/trusted-key.ts): a build pinned
// before a rotation follows the chain of transitions to the current key, so recipient lists the
// new key signed verify; a chain with a bad link (or the server's own chain) is refused and no
// list verifies, so nothing is sealed. An unpinned build takes the announced key.
import {
  generateBoxKeyPair,
  generateDeploymentKey,
  generateSigningKeyPair,
  loadBackend,
  signDeploymentKeyTransition,
  signRecipientList,
  verifyRecipientList,
  FormatError,
  SignatureError,
} from '@integrity-desk/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listedSigningKeys,
  NoDeploymentKeyError,
  trustedDeploymentKey,
} from '../../frontend/src/lib/crypto/trusted-key.ts';

const b = await loadBackend();
const channelId = '00000000-0000-4000-8000-000000000001';

function rotated() {
  const keys = [generateDeploymentKey(b), generateDeploymentKey(b), generateDeploymentKey(b)];
  const transitions = [1, 2].map((sequence) =>
    signDeploymentKeyTransition(b, {
      sequence,
      previousSeed: keys[sequence - 1]!.seed,
      nextPublicKey: keys[sequence]!.publicKey,
    }),
  );
  const list = signRecipientList(
    b,
    {
      channelId,
      version: 1,
      recipients: [
        {
          recipientId: '00000000-0000-4000-8000-000000000010',
          boxPublicKey: generateBoxKeyPair(b).publicKey,
          signPublicKey: generateSigningKeyPair(b).publicKey,
        },
      ],
    },
    keys[2]!.seed,
  );
  return { keys, transitions, list };
}

afterEach(() => vi.unstubAllEnvs());

describe('the trusted deployment key', () => {
  it('follows the rotations from the pinned key, and the new key’s lists verify', () => {
    const { keys, transitions, list } = rotated();
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', keys[0]!.publicKey);
    const trusted = trustedDeploymentKey(b, keys[2]!.publicKey, transitions);
    expect(trusted).toBe(keys[2]!.publicKey);
    expect(verifyRecipientList(b, list, { pinnedPublicKey: trusted }).version).toBe(1);
    // Without the transitions, the pinned key stays the trusted one and the list fails.
    const stale = trustedDeploymentKey(b, keys[2]!.publicKey, []);
    expect(stale).toBe(keys[0]!.publicKey);
    expect(() => verifyRecipientList(b, list, { pinnedPublicKey: stale })).toThrow(SignatureError);
  });

  it('refuses a chain with a bad link, whatever key the server announces', () => {
    const { keys, transitions } = rotated();
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', keys[0]!.publicKey);
    const server = generateDeploymentKey(b);
    // The server's own key, "signed" as a link from the current key: the signature is its own.
    const forged = signDeploymentKeyTransition(b, {
      sequence: 2,
      previousSeed: server.seed,
      nextPublicKey: generateDeploymentKey(b).publicKey,
    });
    const chain = [transitions[0], { ...forged, previousPublicKey: keys[1]!.publicKey }];
    expect(() => trustedDeploymentKey(b, server.publicKey, chain)).toThrow(SignatureError);
    expect(() =>
      trustedDeploymentKey(b, keys[2]!.publicKey, [transitions[1], transitions[0]]),
    ).toThrow(FormatError);
  });

  it('takes the announced key only in a build that pins none', () => {
    vi.stubEnv('VITE_DEPLOYMENT_SIGN_PUBLIC_KEY', '');
    const { keys } = rotated();
    expect(trustedDeploymentKey(b, keys[1]!.publicKey, [])).toBe(keys[1]!.publicKey);
    expect(() => trustedDeploymentKey(b, null, [])).toThrow(NoDeploymentKeyError);
  });
});

describe('the investigators a returning whistleblower’s thread accepts', () => {
  const deployment = generateDeploymentKey(b);
  const settings = { deploymentSignPublicKey: deployment.publicKey };
  const investigator = generateSigningKeyPair(b);
  const list = signRecipientList(
    b,
    {
      channelId,
      version: 1,
      recipients: [
        {
          recipientId: '00000000-0000-4000-8000-000000000002',
          boxPublicKey: generateBoxKeyPair(b).publicKey,
          signPublicKey: investigator.publicKey,
        },
      ],
    },
    deployment.seed,
  );

  it('are the verified list’s signing keys', () => {
    expect(listedSigningKeys(b, { recipientList: list, ...settings, channelId })).toEqual([
      investigator.publicKey,
    ]);
  });

  it('are none, without throwing, when the list is missing, another channel’s or forged', () => {
    // Missing: intake lists active channels only, so a channel archived since has no list.
    expect(listedSigningKeys(b, { recipientList: undefined, ...settings, channelId })).toEqual([]);
    expect(
      listedSigningKeys(b, {
        recipientList: list,
        ...settings,
        channelId: '00000000-0000-4000-8000-000000000009',
      }),
    ).toEqual([]);
    const other = generateDeploymentKey(b);
    expect(
      listedSigningKeys(b, {
        recipientList: list,
        deploymentSignPublicKey: other.publicKey,
        channelId,
      }),
    ).toEqual([]);
    expect(
      listedSigningKeys(b, { recipientList: list, deploymentSignPublicKey: null, channelId }),
    ).toEqual([]);
  });
});
