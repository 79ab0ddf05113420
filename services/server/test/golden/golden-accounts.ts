/**
 * The golden story's account and key chapter: the events a deployment makes around people and
 * keys rather than reports (a late recipient given a report's key, a second factor reset and
 * redeemed, a password change, an account enrolled before key proofs proving its keys, a
 * browser's key mismatch alarm, a deployment key rotation). Each step goes through the desk's
 * HTTP API the way the desk tests drive it (services/desk/test).
 */
import { shareReportKey } from '@integrity-desk/protocol';
import { channelStream, investigatorStream } from '@integrity-desk/reports';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import {
  enrolAccount,
  inviteLegacyAccount,
  loginSecret,
  redeemTotpReset,
  rotateDeploymentKey,
  signedList,
  vaultFor,
  type World,
} from '../../../desk/test/harness.ts';
import { fakeB64, fakeKeyProof } from '../../../reports/src/shared/fixtures.ts';

const etag = (r: { headers: Headers }) => r.headers.get('etag') ?? '';

export async function playAccountChapter(w: World, reportId: string) {
  const { desk, admin, alice } = w;
  const investigator = (id: string) =>
    desk.call('GET', `/api/investigators/${id}`, { cookie: admin.cookie });

  // Carol joins the channel after the report was sealed; alice shares its key with her. The
  // channel informs only (set before): its list signs that mode (a v2 list, Protocol step 11).
  const carol = await enrolAccount(desk, admin, 'carol');
  const list = signedList(desk, w.channelId, 2, [alice, w.bob, carol], undefined, 'inform');
  const channel = await desk.call('GET', `/api/channels/${w.channelId}`, { cookie: admin.cookie });
  expect(channel.status, channelStream(w.channelId)).toBe(200);
  const published = await desk.call('POST', `/api/channels/${w.channelId}/recipients`, {
    cookie: admin.cookie,
    ifMatch: etag(channel),
    body: { recipientList: list },
  });
  expect(published.status).toBe(200);
  const share = shareReportKey(desk.backend, {
    reportId,
    reportKey: randomBytes(32),
    recipient: list.recipients.find((r) => r.recipientId === carol.investigatorId)!,
    sharedBy: alice.investigatorId,
    sharerSignSeed: alice.keys.sign.seed,
  });
  const reportRevision = (await desk.store.readStream(`report-${reportId}`)).length - 1;
  const shared = await desk.call('POST', `/api/reports/${reportId}/share`, {
    cookie: alice.cookie,
    ifMatch: `"${reportRevision}"`,
    body: { share },
  });
  expect(shared.status).toBe(200);

  // Carol loses her phone: the administrator resets her second factor and she re-enrols.
  const reset = await desk.call('POST', `/api/investigators/${carol.investigatorId}/totp-reset`, {
    cookie: admin.cookie,
    ifMatch: etag(await investigator(carol.investigatorId)),
    body: {},
  });
  expect(reset.status).toBe(200);
  expect((await redeemTotpReset(desk, carol, reset.body['enrolmentCode'] as string)).status).toBe(
    201,
  );

  // Alice changes her password: a new vault (new salt) and login secret.
  const vault = await desk.call('POST', '/api/session/vault', {
    cookie: alice.cookie,
    body: {
      currentLoginSecret: alice.loginSecret,
      loginSecret: loginSecret(),
      vault: {
        ...vaultFor(alice.investigatorId, alice.keys),
        kdf: {
          ...vaultFor(alice.investigatorId, alice.keys).kdf,
          salt: fakeB64(16, 'golden-new-salt'),
        },
      },
    },
  });
  expect(vault.status).toBe(200);

  // An account an earlier desk enrolled without a key proof signs in and proves its keys.
  const olde = await inviteLegacyAccount(desk, admin, 'olde');
  const signedIn = await desk.call('POST', '/api/session', {
    body: { handle: 'olde', loginSecret: olde.loginSecret, totp: desk.code(olde.totpSecret) },
  });
  expect(signedIn.status).toBe(201);
  const proof = await desk.call('POST', '/api/session/key-proof', {
    cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!,
    body: { keyProof: fakeKeyProof(olde.investigatorId) },
  });
  expect(proof.status, investigatorStream(olde.investigatorId)).toBe(204);

  // Alice's browser finds a signed list naming someone with other keys, and raises the alarm.
  const alarm = await desk.call('POST', '/api/session/key-alarm', {
    cookie: alice.cookie,
    body: { channelId: w.channelId, recipientListVersion: 1, reason: 'keys-differ' },
  });
  expect(alarm.status).toBe(201);

  // The administrator rotates the deployment key, signed by the current one.
  await rotateDeploymentKey(desk, admin, desk.deployment.seed);
  await desk.settle();
}
