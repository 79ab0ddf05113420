// The desk worker's key binding checks (frontend/src/lib/crypto/desk-key-binding.ts): the
// administrator's browser refuses to sign keys whose possession proof fails, and the
// investigator's browser raises an alarm for every signed list that names it with keys its
// vault does not hold, or that does not verify against the trusted deployment key.
import {
  generateInvestigatorKeys,
  generateSigningKeyPair,
  loadBackend,
  proveKeyPossession,
  safetyNumber,
  signRecipientList,
  type InvestigatorKeys,
} from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import {
  assertProven,
  checkListsNamingMe,
  checkRecipients,
} from '../../frontend/src/lib/crypto/desk-key-binding.ts';

const b = await loadBackend();
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const me = id(10);
const keys: InvestigatorKeys = generateInvestigatorKeys(b);
const server = generateInvestigatorKeys(b);
const deployment = generateSigningKeyPair(b);
const proof = (investigatorId: string, k: InvestigatorKeys) =>
  proveKeyPossession(b, { investigatorId, boxSecretKey: k.boxSecretKey, signSeed: k.signSeed });
const candidate = (k: InvestigatorKeys, keyProof: string | null) => ({
  investigatorId: me,
  boxPublicKey: k.boxPublicKey,
  signPublicKey: k.signPublicKey,
  keyProof,
});
const entry = (recipientId: string, k: InvestigatorKeys) => ({
  recipientId,
  boxPublicKey: k.boxPublicKey,
  signPublicKey: k.signPublicKey,
});
const signed = (
  channel: number,
  recipients: ReturnType<typeof entry>[],
  seed = deployment.seed,
) => ({
  channelId: id(channel),
  recipientList: signRecipientList(b, { channelId: id(channel), version: 3, recipients }, seed),
});

describe("the administrator's check before signing", () => {
  it('shows the safety number and whether the proof holds', () => {
    const [genuine, swapped, missing] = checkRecipients(b, [
      candidate(keys, proof(me, keys)),
      { ...candidate(keys, proof(me, keys)), boxPublicKey: server.boxPublicKey },
      candidate(keys, null),
    ]);
    expect(genuine).toEqual({
      investigatorId: me,
      proofHolds: true,
      safetyNumber: safetyNumber(b, candidate(keys, null)),
    });
    expect(swapped!.proofHolds).toBe(false);
    expect(swapped!.safetyNumber).not.toBe(genuine!.safetyNumber);
    expect(missing!.proofHolds).toBe(false);
  });

  it('the signing job refuses when any proof fails', () => {
    expect(() => assertProven(b, [candidate(keys, proof(me, keys))])).not.toThrow();
    expect(() =>
      assertProven(b, [
        candidate(keys, proof(me, keys)),
        { ...candidate(keys, proof(me, keys)), boxPublicKey: server.boxPublicKey },
      ]),
    ).toThrow('KeyProofFailed');
  });
});

describe("the investigator's check at sign-in", () => {
  const check = (lists: ReturnType<typeof signed>[]) =>
    checkListsNamingMe(b, {
      investigatorId: me,
      keys,
      lists,
      deploymentSignPublicKey: deployment.publicKey,
    });

  it('no alarm when every list naming me gives my keys, and lists not naming me are fine', () => {
    expect(check([signed(1, [entry(me, keys)]), signed(2, [entry(id(11), server)])])).toEqual([]);
  });

  it('an alarm for a list naming me with another box or signing key', () => {
    const otherBox = { ...entry(me, keys), boxPublicKey: server.boxPublicKey };
    const otherSign = { ...entry(me, keys), signPublicKey: server.signPublicKey };
    expect(
      check([signed(1, [otherBox]), signed(2, [otherSign]), signed(3, [entry(me, keys)])]),
    ).toEqual([
      { channelId: id(1), recipientListVersion: 3, reason: 'keys-differ' },
      { channelId: id(2), recipientListVersion: 3, reason: 'keys-differ' },
    ]);
  });

  it('an alarm for a list that does not verify against the deployment key', () => {
    const forged = signed(4, [entry(me, server)], generateSigningKeyPair(b).seed);
    expect(check([forged])).toEqual([
      { channelId: id(4), recipientListVersion: 3, reason: 'signature-invalid' },
    ]);
    // A list moved to another channel does not verify for it either.
    expect(check([{ ...signed(1, [entry(me, keys)]), channelId: id(5) }])).toEqual([
      { channelId: id(5), recipientListVersion: 3, reason: 'signature-invalid' },
    ]);
  });
});
