// The deployment key of its own (issue 12, finding 3): its seed sealed to an administrator opens
// only with that administrator's box key and only if it is the trusted key (a server can seal a
// seed of its own to anyone's public box key); a rotation chain signed link by link is followed
// from any key a browser pinned, and a chain with one bad link is refused whole.
import { describe, expect, it } from 'vitest';
import {
  DecryptionError,
  followDeploymentKey,
  FormatError,
  generateBoxKeyPair,
  generateDeploymentKey,
  openDeploymentKey,
  sealDeploymentKey,
  signDeploymentKeyTransition,
  SignatureError,
  toBase64Url,
  type CryptoBackend,
  type DeploymentKeyTransition,
} from '../src/index.ts';
import { backends, pairs, uuid } from './helpers.ts';

/** k0 -> k1 -> k2 -> k3, each transition signed by the key before it. */
function chain(b: CryptoBackend, length = 3) {
  const keys = Array.from({ length: length + 1 }, () => generateDeploymentKey(b));
  const transitions = keys.slice(1).map((next, i) =>
    signDeploymentKeyTransition(b, {
      sequence: i + 1,
      previousSeed: keys[i]!.seed,
      nextPublicKey: next.publicKey,
    }),
  );
  return { keys, transitions };
}

describe('sealed deployment key', () => {
  it.each(pairs)('%s: opens for its administrator as the trusted key', (_, a, b) => {
    const admin = generateBoxKeyPair(a);
    const key = generateDeploymentKey(a);
    const sealed = sealDeploymentKey(a, {
      seed: key.seed,
      administratorId: uuid(1),
      boxPublicKey: admin.publicKey,
    });
    expect(sealed.signPublicKey).toBe(key.publicKey);
    const seed = openDeploymentKey(b, sealed, {
      boxPublicKey: admin.publicKey,
      boxSecretKey: admin.secretKey,
      trustedPublicKey: key.publicKey,
    });
    expect(toBase64Url(seed)).toBe(toBase64Url(key.seed));
  });

  it.each(backends)(
    '$name: refuses a seed that is not the trusted key, or the wrong box key',
    (b) => {
      const admin = generateBoxKeyPair(b);
      const trusted = generateDeploymentKey(b);
      // What a compromised server can do: seal a seed of its own to the administrator's box key.
      const substitute = sealDeploymentKey(b, {
        seed: generateDeploymentKey(b).seed,
        administratorId: uuid(1),
        boxPublicKey: admin.publicKey,
      });
      const open = (sealed: unknown, box = admin) =>
        openDeploymentKey(b, sealed, {
          boxPublicKey: box.publicKey,
          boxSecretKey: box.secretKey,
          trustedPublicKey: trusted.publicKey,
        });
      expect(() => open(substitute)).toThrow(SignatureError);
      // Claiming to be the trusted key changes nothing: the seed's own public key is checked.
      expect(() => open({ ...substitute, signPublicKey: trusted.publicKey })).toThrow(
        SignatureError,
      );
      const genuine = sealDeploymentKey(b, {
        seed: trusted.seed,
        administratorId: uuid(1),
        boxPublicKey: admin.publicKey,
      });
      expect(() => open(genuine, generateBoxKeyPair(b))).toThrow(DecryptionError);
      expect(() => open({ ...genuine, v: 2 })).toThrow(FormatError);
    },
  );
});

describe('deployment key rotation', () => {
  it.each(pairs)('%s: follows a valid chain from any pinned key to the current key', (_, a, b) => {
    const { keys, transitions } = chain(a);
    for (const pinned of keys)
      expect(followDeploymentKey(b, { pinnedPublicKey: pinned.publicKey, transitions })).toBe(
        keys[3]!.publicKey,
      );
    expect(followDeploymentKey(b, { pinnedPublicKey: keys[0]!.publicKey, transitions: [] })).toBe(
      keys[0]!.publicKey,
    );
  });

  it.each(backends)('$name: refuses a chain with a bad link', (b) => {
    const { keys, transitions } = chain(b);
    const pinnedPublicKey = keys[0]!.publicKey;
    const follow = (t: readonly unknown[], pinned = pinnedPublicKey) =>
      followDeploymentKey(b, { pinnedPublicKey: pinned, transitions: t });
    const server = generateDeploymentKey(b);
    const at = (i: number, t: Partial<DeploymentKeyTransition>) =>
      transitions.map((x, j) => (j === i ? { ...x, ...t } : x));
    // A link whose signature does not hold, or that names another next key than it signed.
    expect(() => follow(at(1, { signature: transitions[0]!.signature }))).toThrow(SignatureError);
    expect(() => follow(at(1, { nextPublicKey: server.publicKey }))).toThrow(SignatureError);
    // The server's own key appended, signed by itself rather than by the current key.
    const forged = signDeploymentKeyTransition(b, {
      sequence: 4,
      previousSeed: server.seed,
      nextPublicKey: generateDeploymentKey(b).publicKey,
    });
    expect(() => follow([...transitions, forged])).toThrow(SignatureError);
    // A chain of the server's own that never passes through the pinned key.
    const own = chain(b).transitions;
    expect(() => follow(own)).toThrow(SignatureError);
    // Links reordered, dropped or renumbered.
    expect(() => follow([transitions[1], transitions[0], transitions[2]])).toThrow();
    expect(() => follow([transitions[0], transitions[2]])).toThrow(FormatError);
    expect(() => follow(at(0, { sequence: 2 }))).toThrow(FormatError);
    expect(() => follow([{ ...transitions[0], v: 2 }])).toThrow(FormatError);
    // A transition to the same key is no transition.
    expect(() =>
      signDeploymentKeyTransition(b, {
        sequence: 1,
        previousSeed: keys[0]!.seed,
        nextPublicKey: keys[0]!.publicKey,
      }),
    ).toThrow(FormatError);
  });
});
