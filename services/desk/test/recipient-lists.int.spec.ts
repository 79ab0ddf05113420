// The desk enforces what whistleblowers' browsers enforce (issue 12, finding 4): a recipient list
// is stored only if it verifies against the deployment key on the `deployment` stream and names
// active accounts by their enrolled keys. Desk access follows the stored list, so an
// administrator who posts a list with a bogus signature, or signed with their own key, must be
// refused with nothing appended and no access gained.
import { fakeB64 } from '../../reports/src/shared/fixtures.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accountForSuite,
  expectProblem,
  newAccountKeys,
  worldForSuite,
  type Account,
} from './harness.ts';

const w = worldForSuite();
// A second administrator: signed in, allowed to manage channels, not a holder of the key.
const eve = accountForSuite(w, 'eve', 'administrator');
let reportId: string;

beforeAll(async () => {
  reportId = await w.submitReport();
}, 60_000);

const stream = () => `channel-${w.channelId}`;
const publish = (by: Account, recipientList: unknown) =>
  w.publishList(by, w.channelId, recipientList);

/** Refused as a problem, the channel stream unchanged, mallory still shut out of the report. */
async function refusedWithNothingGained(reply: Awaited<ReturnType<typeof publish>>) {
  expectProblem(reply, 422);
  expect(reply.body['type']).toMatch(/recipientListRefused$/);
  expect(await w.streamLength(stream())).toBe(2);
  await w.desk.settle();
  expectProblem(
    await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.mallory.cookie }),
    403,
  );
}

describe('recipient lists the desk stores', () => {
  it('refuses a list with a bogus signature', async () => {
    const list = w.signedList(w.channelId, 2, [w.alice, w.mallory]);
    await refusedWithNothingGained(
      await publish(w.admin, { ...list, signature: fakeB64(64, 'bogus') }),
    );
  });

  it('refuses a list an administrator signed with their own vault key', async () => {
    const list = w.signedList(w.channelId, 2, [w.alice, w.mallory], eve.keys.sign.seed);
    await refusedWithNothingGained(await publish(eve, list));
  });

  it('refuses a deployment-signed list whose keys are not the enrolled ones', async () => {
    const swapped = { ...w.mallory, keys: newAccountKeys(w.desk) };
    await refusedWithNothingGained(
      await publish(w.admin, w.signedList(w.channelId, 2, [w.alice, swapped])),
    );
  });

  it('refuses a deployment-signed list naming an account that is not active', async () => {
    const invite = await w.desk.call('POST', '/api/investigators', {
      cookie: w.admin.cookie,
      body: { handle: 'invited-only', role: 'investigator' },
    });
    const invited = {
      investigatorId: invite.body['investigatorId'] as string,
      keys: newAccountKeys(w.desk),
    };
    await refusedWithNothingGained(
      await publish(w.admin, w.signedList(w.channelId, 2, [w.alice, invited])),
    );
    const unknown = { investigatorId: crypto.randomUUID(), keys: newAccountKeys(w.desk) };
    await refusedWithNothingGained(
      await publish(w.admin, w.signedList(w.channelId, 2, [w.alice, unknown])),
    );
  });

  it('stores a list signed with the deployment key naming enrolled keys, and access follows it', async () => {
    const r = await publish(w.admin, w.signedList(w.channelId, 2, [w.alice, w.mallory]));
    expect(r.status).toBe(200);
    expect(await w.streamLength(stream())).toBe(3);
    await w.desk.settle();
    const opened = await w.desk.call('GET', `/api/reports/${reportId}`, {
      cookie: w.mallory.cookie,
    });
    expect(opened.status).toBe(200);
  });
});
