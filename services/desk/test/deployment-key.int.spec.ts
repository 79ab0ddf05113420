// The deployment key through the real desk: each administrator reads only their own sealed copy;
// a holder shares it with another active administrator (and nobody else can); a rotation must
// be signed by the current key; after it, recipient lists verify against the new key only.
// Every refusal is an RFC 9457 problem and appends nothing.
import {
  generateDeploymentKey,
  openDeploymentKey,
  signDeploymentKeyTransition,
  toBase64Url,
} from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import { accountForSuite, expectProblem, worldForSuite, type Account } from './harness.ts';

const w = worldForSuite();
const second = accountForSuite(w, 'second-admin', 'administrator');
const third = accountForSuite(w, 'third-admin', 'administrator');

const deploymentLength = () => w.streamLength('deployment');
const keyOf = (who: Account) => w.desk.call('GET', '/api/deployment/key', { cookie: who.cookie });

describe('the deployment key', () => {
  it('gives each administrator their own sealed copy, which opens as the deployment key', async () => {
    const r = await keyOf(w.admin);
    expect(r.status).toBe(200);
    expect(r.body['deploymentSignPublicKey']).toBe(w.desk.deployment.publicKey);
    expect(r.body['deploymentKeyTransitions']).toEqual([]);
    expect(r.body['holders']).toEqual([w.admin.investigatorId]);
    const seed = openDeploymentKey(w.desk.backend, r.body['sealedKey'], {
      boxPublicKey: w.admin.keys.box.publicKey,
      boxSecretKey: w.admin.keys.box.secretKey,
      trustedPublicKey: w.desk.deployment.publicKey,
    });
    expect(toBase64Url(seed)).toBe(toBase64Url(w.desk.deployment.seed));
    // Another administrator holds none yet; an investigator may not ask.
    expect((await keyOf(second)).body['sealedKey']).toBeNull();
    expectProblem(await keyOf(w.alice), 403);
  });

  it('is shared by a holder with an active administrator only', async () => {
    const before = await deploymentLength();
    // Not a holder: refused.
    expectProblem(await w.shareDeploymentKey(second, w.sealDeploymentKey(third)), 403);
    // Not an administrator: refused.
    expectProblem(await w.shareDeploymentKey(w.admin, w.sealDeploymentKey(w.alice)), 403);
    // Not the deployment key.
    expectProblem(
      await w.shareDeploymentKey(
        w.admin,
        w.sealDeploymentKey(second, generateDeploymentKey(w.desk.backend).seed),
      ),
      403,
    );
    expect(await deploymentLength()).toBe(before);

    expect((await w.shareDeploymentKey(w.admin, w.sealDeploymentKey(second))).status).toBe(201);
    expect(await deploymentLength()).toBe(before + 1);
    const mine = await keyOf(second);
    expect(mine.body['holders']).toEqual([w.admin.investigatorId, second.investigatorId]);
    const seed = openDeploymentKey(w.desk.backend, mine.body['sealedKey'], {
      boxPublicKey: second.keys.box.publicKey,
      boxSecretKey: second.keys.box.secretKey,
      trustedPublicKey: w.desk.deployment.publicKey,
    });
    // The second administrator can now publish: a list signed with the shared key is stored.
    const list = w.signedList(w.channelId, 2, [w.alice, w.bob], seed);
    expect((await w.publishList(second, w.channelId, list)).status).toBe(200);
  });

  it('rotates only on a transition the current key signed; lists then need the new key', async () => {
    const before = await deploymentLength();
    const next = generateDeploymentKey(w.desk.backend);
    const rotation = (previousSeed: Uint8Array, sequence = 1) => ({
      transition: signDeploymentKeyTransition(w.desk.backend, {
        sequence,
        previousSeed,
        nextPublicKey: next.publicKey,
      }),
      sealedKey: w.sealDeploymentKey(second, next.seed),
    });
    const post = (body: unknown) =>
      w.desk.call('POST', '/api/deployment/rotation', { cookie: second.cookie, body });
    // Signed by someone's own key, or out of sequence: refused, nothing appended.
    expectProblem(await post(rotation(second.keys.sign.seed)), 403);
    expectProblem(await post(rotation(w.desk.deployment.seed, 2)), 403);
    expectProblem(await post({ transition: 'x' }), 400);
    expect(await deploymentLength()).toBe(before);

    const r = await post(rotation(w.desk.deployment.seed));
    expect(r.status).toBe(201);
    expect(r.body['deploymentSignPublicKey']).toBe(next.publicKey);
    expect((await keyOf(second)).body['holders']).toEqual([second.investigatorId]);
    // The first administrator's copy is of the old key: they hold the current one no more.
    expect((await keyOf(w.admin)).body['sealedKey']).toBeNull();

    const publish = (seed: Uint8Array) =>
      w.publishList(w.admin, w.channelId, w.signedList(w.channelId, 3, [w.alice], seed));
    expectProblem(await publish(w.desk.deployment.seed), 422);
    expect((await publish(next.seed)).status).toBe(200);
  });
});
