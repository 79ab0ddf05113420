// SECURITY.md, "Deployment key and recipient lists", attacked through the real desk by
// administrators who do not play along: what deployment-key.int.spec.ts and
// recipient-lists.int.spec.ts do not try. The key goes to active administrators only (not to one
// deactivated since); after a rotation a copy of the old key counts for nothing (no share, no
// second rotation, no list); and an administrator without the key cannot change who reads a
// channel by replaying a list the key once signed, or by posting one signed for another channel.
// Every refusal is a problem, appends nothing and grants no access.
import { signDeploymentKeyTransition, generateDeploymentKey } from '@integrity-desk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accountForSuite,
  deactivateAccount,
  expectProblem,
  rotateDeploymentKey,
  worldForSuite,
} from './harness.ts';

const w = worldForSuite();
// holder: a second administrator given the key; eve: an administrator without it; gone: an
// administrator deactivated after enrolling.
const holder = accountForSuite(w, 'holder-admin', 'administrator');
const eve = accountForSuite(w, 'eve-admin', 'administrator');
const gone = accountForSuite(w, 'gone-admin', 'administrator');

beforeAll(async () => {
  expect((await w.shareDeploymentKey(w.admin, w.sealDeploymentKey(holder))).status).toBe(201);
  expect((await deactivateAccount(w.desk, w.admin, gone)).status).toBe(200);
}, 60_000);

const deploymentLength = () => w.streamLength('deployment');
const channelStream = (id: string) => `channel-${id}`;

describe('the deployment key and recipient lists, attacked', () => {
  it('goes to no administrator deactivated since they enrolled', async () => {
    const before = await deploymentLength();
    const refused = await w.shareDeploymentKey(w.admin, w.sealDeploymentKey(gone));
    expectProblem(refused, 403);
    expect(refused.body['type']).toMatch(/deploymentKeyRefused$/);
    expect(await deploymentLength()).toBe(before);
  });

  it('an administrator without the key cannot replay a list it once signed, nor move one to another channel', async () => {
    const reportId = await w.submitReport();
    // The key's holder removes bob: version 2 names alice only.
    expect(
      (await w.publishList(holder, w.channelId, w.signedList(w.channelId, 2, [w.alice]))).status,
    ).toBe(200);
    await w.desk.settle();
    const length = await w.streamLength(channelStream(w.channelId));
    // eve, no holder, posts version 1 again (validly signed, naming bob), then a copy of it
    // numbered as the next version (the signature covers the version).
    const old = w.signedList(w.channelId, 1, [w.alice, w.bob]);
    expectProblem(await w.publishList(eve, w.channelId, old), 409);
    const renumbered = { ...old, version: 3 };
    expectProblem(await w.publishList(eve, w.channelId, renumbered), 422);
    // A list the key signed for another channel, with this channel's next version.
    const other = await w.desk.call('POST', '/api/channels', {
      cookie: w.admin.cookie,
      body: { name: 'Another channel' },
    });
    const otherId = other.body['channelId'] as string;
    const elsewhere = w.signedList(otherId, 3, [w.alice, w.bob]);
    expectProblem(await w.publishList(eve, w.channelId, elsewhere), 400);
    expect(await w.streamLength(channelStream(w.channelId))).toBe(length);
    await w.desk.settle();
    // bob reads the channel's reports no more.
    expectProblem(
      await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.bob.cookie }),
      403,
    );
  });

  it('after a rotation, a copy of the old key counts for nothing', async () => {
    const old = w.desk.deployment.seed;
    const next = await rotateDeploymentKey(w.desk, w.admin, old);
    const deployment = await deploymentLength();
    const channel = await w.streamLength(channelStream(w.channelId));

    // holder kept a copy of the old key: sharing it, or a key they do not hold, is refused.
    expectProblem(await w.shareDeploymentKey(holder, w.sealDeploymentKey(eve)), 403);
    expectProblem(await w.shareDeploymentKey(holder, w.sealDeploymentKey(eve, next.seed)), 403);
    // A second rotation signed by the old key, as the next in sequence, is refused.
    const again = await w.desk.call('POST', '/api/deployment/rotation', {
      cookie: holder.cookie,
      body: {
        transition: signDeploymentKeyTransition(w.desk.backend, {
          sequence: 2,
          previousSeed: old,
          nextPublicKey: generateDeploymentKey(w.desk.backend).publicKey,
        }),
        sealedKey: w.sealDeploymentKey(holder, next.seed),
      },
    });
    expectProblem(again, 403);
    // A list the old key signs, as the channel's next (version 3, after the test above), is refused.
    const version = 3;
    expectProblem(
      await w.publishList(holder, w.channelId, w.signedList(w.channelId, version, [w.alice], old)),
      422,
    );
    expect(await deploymentLength()).toBe(deployment);
    expect(await w.streamLength(channelStream(w.channelId))).toBe(channel);
    // The new key's holder can still share it and publish with it.
    expect((await w.shareDeploymentKey(w.admin, w.sealDeploymentKey(eve, next.seed))).status).toBe(
      201,
    );
  });
});
