// Keys bound to people (issue 12, finding 2): a possession proof made by one backend verifies in
// the other; a server that swaps the box key, the signing key or the account id breaks it; a
// server that swaps both keys and proves its own is caught by the safety number, which both
// backends compute alike and which moves with every one of its inputs.
import { describe, expect, it } from 'vitest';
import {
  generateInvestigatorKeys,
  generateBoxKeyPair,
  proveKeyPossession,
  safetyNumber,
  verifyKeyPossession,
  type CryptoBackend,
  type InvestigatorKeys,
} from '../src/index.ts';
import { backends, pairs, uuid } from './helpers.ts';

const publicOf = (id: string, k: InvestigatorKeys) => ({
  investigatorId: id,
  boxPublicKey: k.boxPublicKey,
  signPublicKey: k.signPublicKey,
});
const prove = (b: CryptoBackend, id: string, k: InvestigatorKeys) =>
  proveKeyPossession(b, { investigatorId: id, boxSecretKey: k.boxSecretKey, signSeed: k.signSeed });

describe('possession proof', () => {
  it.each(pairs)('%s: made by one backend, verified by the other', (_n, maker, checker) => {
    const keys = generateInvestigatorKeys(maker);
    const proof = prove(maker, uuid(1), keys);
    expect(verifyKeyPossession(checker, publicOf(uuid(1), keys), proof)).toBe(true);
  });

  it.each(backends.map((b) => [b.name, b] as const))(
    '%s: a swapped box key, signing key or account id does not verify',
    (_n, b) => {
      const keys = generateInvestigatorKeys(b);
      const proof = prove(b, uuid(1), keys);
      const attacker = generateInvestigatorKeys(b);
      const base = publicOf(uuid(1), keys);
      expect(
        verifyKeyPossession(b, { ...base, boxPublicKey: generateBoxKeyPair(b).publicKey }, proof),
      ).toBe(false);
      expect(
        verifyKeyPossession(b, { ...base, signPublicKey: attacker.signPublicKey }, proof),
      ).toBe(false);
      expect(verifyKeyPossession(b, { ...base, investigatorId: uuid(2) }, proof)).toBe(false);
      // Another account's genuine proof does not vouch for this one.
      expect(verifyKeyPossession(b, base, prove(b, uuid(2), keys))).toBe(false);
    },
  );

  it.each(backends.map((b) => [b.name, b] as const))(
    '%s: a missing, malformed or altered proof is false, never an exception',
    (_n, b) => {
      const keys = generateInvestigatorKeys(b);
      const base = publicOf(uuid(1), keys);
      const proof = prove(b, uuid(1), keys);
      const flipped = `${proof[0] === 'A' ? 'B' : 'A'}${proof.slice(1)}`;
      for (const bad of [undefined, null, '', 'not base64!', proof.slice(0, -4), flipped])
        expect(verifyKeyPossession(b, base, bad)).toBe(false);
      expect(verifyKeyPossession(b, { ...base, boxPublicKey: 'short' }, proof)).toBe(false);
    },
  );

  it('is made only for keys the caller holds: the public keys come from the secrets', () => {
    const b = backends[0]!;
    const keys = generateInvestigatorKeys(b);
    const other = generateInvestigatorKeys(b);
    // A box secret that is not the account's gives a proof for another box key.
    const proof = proveKeyPossession(b, {
      investigatorId: uuid(1),
      boxSecretKey: other.boxSecretKey,
      signSeed: keys.signSeed,
    });
    expect(verifyKeyPossession(b, publicOf(uuid(1), keys), proof)).toBe(false);
  });
});

describe('safety number', () => {
  it.each(pairs)('%s: twelve groups of five digits, the same in both', (_n, a, c) => {
    const keys = publicOf(uuid(1), generateInvestigatorKeys(a));
    const n = safetyNumber(a, keys);
    expect(n).toMatch(/^\d{5}( \d{5}){11}$/);
    expect(safetyNumber(c, keys)).toBe(n);
  });

  it('changes with the account id and with each public key', () => {
    const b = backends[0]!;
    const keys = publicOf(uuid(1), generateInvestigatorKeys(b));
    const other = generateInvestigatorKeys(b);
    const n = safetyNumber(b, keys);
    const variants = [
      { ...keys, investigatorId: uuid(2) },
      { ...keys, boxPublicKey: other.boxPublicKey },
      { ...keys, signPublicKey: other.signPublicKey },
    ].map((k) => safetyNumber(b, k));
    for (const v of variants) {
      expect(v).not.toBe(n);
      // Not just one digit: every group of a substitute differs with overwhelming odds, and the
      // first group alone (what a hurried person compares) already tells them apart here.
      expect(v.split(' ')[0]).not.toBe(n.split(' ')[0]);
    }
  });

  it('a server that swaps both keys and proves its own is caught by the number, not the proof', () => {
    const b = backends[1]!;
    const genuine = generateInvestigatorKeys(b);
    const server = generateInvestigatorKeys(b);
    const substituted = publicOf(uuid(1), server);
    expect(verifyKeyPossession(b, substituted, prove(b, uuid(1), server))).toBe(true);
    expect(safetyNumber(b, substituted)).not.toBe(safetyNumber(b, publicOf(uuid(1), genuine)));
  });

  it('refuses keys that are not 32-byte base64url', () => {
    const b = backends[0]!;
    expect(() =>
      safetyNumber(b, { investigatorId: uuid(1), boxPublicKey: 'AAAA', signPublicKey: 'AAAA' }),
    ).toThrow(/safety number/);
  });
});
