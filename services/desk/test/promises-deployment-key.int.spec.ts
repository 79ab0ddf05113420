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
  deactivateAccount,
  enrolAccount,
  expectProblem,
  rotateDeploymentKey,
  sealDeploymentKeyFor,
  shareDeploymentKey,
  signedList,
  streamLength,
  submitReport,
  worldForSuite,
  type Account,
} from './harness.ts';

const w = worldForSuite();
let holder: Account;
let eve: Account;
let gone: Account;

beforeAll(async () => {
  // holder: a second administrator given the key; eve: an administrator without it; gone: an
  // administrator deactivated after enrolling.
  holder = await enrolAccount(w.desk, w.admin, 'holder-admin', 'administrator');
  eve = await enrolAccount(w.desk, w.admin, 'eve-admin', 'administrator');
  gone = await enrolAccount(w.desk, w.admin, 'gone-admin', 'administrator');
  expect((await share(w.admin, sealFor(holder))).status).toBe(201);
  expect((await deactivateAccount(w.desk, w.admin, gone)).status).toBe(200);
}, 60_000);

const deploymentLength = () => streamLength(w.desk.store, 'deployment');
const channelStream = (id: string) => `channel-${id}`;
const sealFor = (to: Account, seed?: Uint8Array) => sealDeploymentKeyFor(w.desk, to, seed);
const share = (by: Account, sealedKey: unknown) => shareDeploymentKey(w.desk, by, sealedKey);
const publish = async (by: Account, channelId: string, recipientList: unknown) => {
  const revision = (await streamLength(w.desk.store, channelStream(channelId))) - 1;
  return w.desk.call('POST', `/api/channels/${channelId}/recipients`, {
    cookie: by.cookie,
    ifMatch: `"${revision}"`,
    body: { recipientList },
  });
};

describe('the deployment key and recipient lists, attacked', () => {
  it('goes to no administrator deactivated since they enrolled', async () => {
    const before = await deploymentLength();
    const refused = await share(w.admin, sealFor(gone));
    expectProblem(refused, 403);
    expect(refused.body['type']).toMatch(/deploymentKeyRefused$/);
    expect(await deploymentLength()).toBe(before);
  });

  it('an administrator without the key cannot replay a list it once signed, nor move one to another channel', async () => {
    const reportId = await submitReport(w);
    // The key's holder removes bob: version 2 names alice only.
    expect(
      (await publish(holder, w.channelId, signedList(w.desk, w.channelId, 2, [w.alice]))).status,
    ).toBe(200);
    await w.desk.settle();
    const length = await streamLength(w.desk.store, channelStream(w.channelId));
    // eve, no holder, posts version 1 again (validly signed, naming bob), then a copy of it
    // numbered as the next version (the signature covers the version).
    const old = signedList(w.desk, w.channelId, 1, [w.alice, w.bob]);
    expectProblem(await publish(eve, w.channelId, old), 409);
    const renumbered = { ...old, version: 3 };
    expectProblem(await publish(eve, w.channelId, renumbered), 422);
    // A list the key signed for another channel, with this channel's next version.
    const other = await w.desk.call('POST', '/api/channels', {
      cookie: w.admin.cookie,
      body: { name: 'Another channel' },
    });
    const otherId = other.body['channelId'] as string;
    const elsewhere = signedList(w.desk, otherId, 3, [w.alice, w.bob]);
    expectProblem(await publish(eve, w.channelId, elsewhere), 400);
    expect(await streamLength(w.desk.store, channelStream(w.channelId))).toBe(length);
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
    const channel = await streamLength(w.desk.store, channelStream(w.channelId));

    // holder kept a copy of the old key: sharing it, or a key they do not hold, is refused.
    expectProblem(await share(holder, sealFor(eve)), 403);
    expectProblem(await share(holder, sealFor(eve, next.seed)), 403);
    // A second rotation signed by the old key, as the next in sequence, is refused.
    const again = await w.desk.call('POST', '/api/deployment/rotation', {
      cookie: holder.cookie,
      body: {
        transition: signDeploymentKeyTransition(w.desk.backend, {
          sequence: 2,
          previousSeed: old,
          nextPublicKey: generateDeploymentKey(w.desk.backend).publicKey,
        }),
        sealedKey: sealFor(holder, next.seed),
      },
    });
    expectProblem(again, 403);
    // A list the old key signs, as the channel's next (version 3, after the test above), is refused.
    const version = 3;
    expectProblem(
      await publish(holder, w.channelId, signedList(w.desk, w.channelId, version, [w.alice], old)),
      422,
    );
    expect(await deploymentLength()).toBe(deployment);
    expect(await streamLength(w.desk.store, channelStream(w.channelId))).toBe(channel);
    // The new key's holder can still share it and publish with it.
    expect((await share(w.admin, sealFor(eve, next.seed))).status).toBe(201);
  });
});
