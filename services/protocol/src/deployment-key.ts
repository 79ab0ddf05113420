// The deployment signing key (SECURITY.md, "Deployment key and recipient lists"): an Ed25519 key
// of its own, made at setup in the first administrator's browser, never any person's vault key.
// Its seed exists only sealed to the box keys of the administrators who hold it; it is rotated
// by a transition statement that the old key signs, so a browser that pinned any earlier key
// follows the chain of transitions to the current one and refuses a chain with a bad link.
import { encodeFields, fromBase64UrlExact, toBase64Url } from './bytes.ts';
import { FormatError, SignatureError } from './errors.ts';
import { sealToPublicKey, unwrapKey } from './report.ts';
import {
  deploymentKeyTransitionSchema,
  sealedDeploymentKeySchema,
  type DeploymentKeyTransition,
  type SealedDeploymentKey,
} from './schemas.ts';
import { signatureHolds } from './signature.ts';
import type { CryptoBackend } from './backend/types.ts';

/** At most this many rotations are followed (a bound on what a browser verifies). */
export const MAX_DEPLOYMENT_KEY_TRANSITIONS = 256;

/** A new deployment key pair (setup, rotation). The seed never leaves the browser in plain. */
export function generateDeploymentKey(backend: CryptoBackend): {
  seed: Uint8Array;
  publicKey: string;
} {
  const seed = backend.randomBytes(32);
  return { seed, publicKey: toBase64Url(backend.ed25519PublicKey(seed)) };
}

/** Seals the deployment seed to an administrator's X25519 box key (setup, sharing, rotation). */
export function sealDeploymentKey(
  backend: CryptoBackend,
  input: { seed: Uint8Array; administratorId: string; boxPublicKey: string },
): SealedDeploymentKey {
  if (input.seed.length !== 32) throw new FormatError('deployment seed must be 32 bytes');
  const to = fromBase64UrlExact(input.boxPublicKey, 32, 'boxPublicKey');
  return sealedDeploymentKeySchema.parse({
    v: 1,
    signPublicKey: toBase64Url(backend.ed25519PublicKey(input.seed)),
    administratorId: input.administratorId,
    sealedSeed: toBase64Url(sealToPublicKey(backend, input.seed, to)),
  });
}

/**
 * An administrator's browser opens its sealed deployment key. Anyone, the server included, can
 * seal a seed to a public box key, so the seed is accepted only if its public key is the one the
 * browser trusts (`trustedPublicKey`: the pinned key followed through the transitions).
 * Throws FormatError, DecryptionError or SignatureError.
 */
export function openDeploymentKey(
  backend: CryptoBackend,
  sealed: unknown,
  keys: { boxPublicKey: string; boxSecretKey: Uint8Array; trustedPublicKey: string },
): Uint8Array {
  const parsed = sealedDeploymentKeySchema.safeParse(sealed);
  if (!parsed.success) throw new FormatError('sealed deployment key does not match the schema');
  const seed = unwrapKey(
    backend,
    parsed.data.sealedSeed,
    fromBase64UrlExact(keys.boxPublicKey, 32, 'boxPublicKey'),
    keys.boxSecretKey,
  );
  const publicKey = toBase64Url(backend.ed25519PublicKey(seed));
  if (publicKey !== keys.trustedPublicKey || publicKey !== parsed.data.signPublicKey) {
    seed.fill(0);
    throw new SignatureError('sealed seed is not the trusted deployment key');
  }
  return seed;
}

function transitionBytes(t: Omit<DeploymentKeyTransition, 'signature' | 'v'>): Uint8Array {
  return encodeFields(
    'integrity-desk/deployment-key-transition/v1',
    t.sequence,
    fromBase64UrlExact(t.previousPublicKey, 32, 'previousPublicKey'),
    fromBase64UrlExact(t.nextPublicKey, 32, 'nextPublicKey'),
  );
}

/** Rotation: the current key signs "the deployment key is now `nextPublicKey`". */
export function signDeploymentKeyTransition(
  backend: CryptoBackend,
  input: { sequence: number; previousSeed: Uint8Array; nextPublicKey: string },
): DeploymentKeyTransition {
  const unsigned = {
    sequence: input.sequence,
    previousPublicKey: toBase64Url(backend.ed25519PublicKey(input.previousSeed)),
    nextPublicKey: input.nextPublicKey,
  };
  if (unsigned.nextPublicKey === unsigned.previousPublicKey)
    throw new FormatError('a transition must name a new key');
  const signature = backend.ed25519Sign(transitionBytes(unsigned), input.previousSeed);
  return deploymentKeyTransitionSchema.parse({
    v: 1,
    ...unsigned,
    signature: toBase64Url(signature),
  });
}

/**
 * One link: the transition is well formed, the next in sequence after `expected.sequence - 1`,
 * from `expected.previousPublicKey`, and signed by it. Throws FormatError or SignatureError.
 */
export function verifyDeploymentKeyTransition(
  backend: CryptoBackend,
  transition: unknown,
  expected: { sequence: number; previousPublicKey: string },
): DeploymentKeyTransition {
  const parsed = deploymentKeyTransitionSchema.safeParse(transition);
  if (!parsed.success) throw new FormatError('key transition does not match the schema');
  const t = parsed.data;
  if (t.sequence !== expected.sequence) throw new FormatError('key transition out of sequence');
  if (t.previousPublicKey !== expected.previousPublicKey || t.nextPublicKey === t.previousPublicKey)
    throw new SignatureError('key transition is not from the current key');
  const { signature, v: _v, ...unsigned } = t;
  if (!signatureHolds(backend, signature, transitionBytes(unsigned), t.previousPublicKey))
    throw new SignatureError('key transition signature does not verify');
  return t;
}

/**
 * A browser's current deployment key: starting from the key it pinned, follows the deployment's
 * transitions (in order, from the first rotation) and returns the last key. Every link is
 * checked, from the chain's first key on; the pinned key must be one of the chain's keys, and
 * every transition after it is signed by its predecessor, so only a holder of the pinned key (or
 * of a key it handed over to) can move the chain on. Throws FormatError or SignatureError: a
 * broken chain is refused, never partly followed.
 */
export function followDeploymentKey(
  backend: CryptoBackend,
  input: { pinnedPublicKey: string; transitions: readonly unknown[] },
): string {
  if (input.transitions.length > MAX_DEPLOYMENT_KEY_TRANSITIONS)
    throw new FormatError('too many key transitions');
  const first = deploymentKeyTransitionSchema.safeParse(input.transitions[0]);
  if (input.transitions.length > 0 && !first.success)
    throw new FormatError('key transition does not match the schema');
  let current = first.success ? first.data.previousPublicKey : input.pinnedPublicKey;
  let pinnedSeen = current === input.pinnedPublicKey;
  input.transitions.forEach((t, i) => {
    current = verifyDeploymentKeyTransition(backend, t, {
      sequence: i + 1,
      previousPublicKey: current,
    }).nextPublicKey;
    pinnedSeen ||= current === input.pinnedPublicKey;
  });
  if (!pinnedSeen) throw new SignatureError('the pinned deployment key is not in the chain');
  return current;
}
