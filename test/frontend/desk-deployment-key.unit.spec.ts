// The desk worker's deployment key jobs (frontend/src/lib/crypto/desk-keys.ts), with a real vault:
// setup seals a new key to the administrator and keeps nothing; the administrator signs a list
// with it; sharing seals it only to a colleague whose possession proof holds (a box key the desk
// swapped in gets nothing); a rotation is signed by the current key and followed from it.
import {
  createVault,
  followDeploymentKey,
  generateBoxKeyPair,
  generateInvestigatorKeys,
  loadBackend,
  openDeploymentKey,
  proveKeyPossession,
  VAULT_ARGON2_PARAMS,
  toBase64Url,
  verifyRecipientList,
} from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import { runDesk } from '../../frontend/src/lib/crypto/desk-keys.ts';
import type { DeploymentKeyForAdmin } from '../../frontend/src/lib/crypto/jobs.ts';

const b = await loadBackend();
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const none = () => undefined;

describe('the desk worker and the deployment key', () => {
  it('makes, uses, shares (to proven keys only) and rotates it', async () => {
    // The administrator's vault, unlocked in the worker as at sign-in (the worker takes only
    // production Argon2id parameters).
    const password = 'correct horse battery staple';
    const created = await createVault(b, {
      investigatorId: id(1),
      password,
      params: VAULT_ARGON2_PARAMS,
    });
    await runDesk({ kind: 'deskStretchPassword', kdf: created.vault.kdf, password }, none);
    await runDesk({ kind: 'deskOpenVault', vault: created.vault }, none);

    const setup = (await runDesk(
      {
        kind: 'deskCreateDeploymentKey',
        administratorId: id(1),
        boxPublicKey: created.keys.boxPublicKey,
      },
      none,
    )) as { deploymentSignPublicKey: string; sealedKey: unknown };
    expect(setup.deploymentSignPublicKey).not.toBe(created.keys.signPublicKey);
    const facts: DeploymentKeyForAdmin = {
      deploymentSignPublicKey: setup.deploymentSignPublicKey,
      deploymentKeyTransitions: [],
      sealedKey: setup.sealedKey,
    };

    const colleague = generateInvestigatorKeys(b);
    const proven = {
      investigatorId: id(2),
      boxPublicKey: colleague.boxPublicKey,
      signPublicKey: colleague.signPublicKey,
      keyProof: proveKeyPossession(b, {
        investigatorId: id(2),
        boxSecretKey: colleague.boxSecretKey,
        signSeed: colleague.signSeed,
      }),
    };
    const list = await runDesk(
      {
        kind: 'deskSignRecipientList',
        channelId: id(9),
        version: 1,
        recipients: [proven],
        deploymentKey: facts,
      },
      none,
    );
    expect(
      verifyRecipientList(b, list, { pinnedPublicKey: setup.deploymentSignPublicKey }).version,
    ).toBe(1);

    // A box key the desk swapped in: the proof no longer holds and nothing is sealed.
    const swapped = { ...proven, boxPublicKey: generateBoxKeyPair(b).publicKey };
    await expect(
      runDesk({ kind: 'deskShareDeploymentKey', deploymentKey: facts, colleague: swapped }, none),
    ).rejects.toThrow('KeyProofFailed');
    const shared = await runDesk(
      { kind: 'deskShareDeploymentKey', deploymentKey: facts, colleague: proven },
      none,
    );
    const theirs = openDeploymentKey(b, shared, {
      boxPublicKey: colleague.boxPublicKey,
      boxSecretKey: colleague.boxSecretKey,
      trustedPublicKey: setup.deploymentSignPublicKey,
    });
    expect(toBase64Url(b.ed25519PublicKey(theirs))).toBe(setup.deploymentSignPublicKey);

    const rotation = (await runDesk(
      { kind: 'deskRotateDeploymentKey', deploymentKey: facts },
      none,
    )) as { transition: { nextPublicKey: string }; sealedKey: unknown };
    expect(
      followDeploymentKey(b, {
        pinnedPublicKey: setup.deploymentSignPublicKey,
        transitions: [rotation.transition],
      }),
    ).toBe(rotation.transition.nextPublicKey);
    await runDesk({ kind: 'deskLock' }, none);
  }, 60_000);
});
