import {
  handleCommand,
  investigatorDecider,
  investigatorStream,
  readAggregate,
} from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { login, worldForSuite } from './harness.ts';

/**
 * The desk keeps each account's folded state and reads only newer events: a change written by
 * anyone else (another desk process, here the store directly) must still count on the next
 * request, and the state must equal a fold of the whole stream.
 */
const w = worldForSuite();

const byOtherProcess = (
  investigatorId: string,
  type: 'ChangeInvestigatorRole' | 'DeactivateInvestigator',
) =>
  handleCommand(w.desk.store, investigatorStream(investigatorId), investigatorDecider, {
    type,
    data: { investigatorId, role: 'administrator' },
    metadata: {
      now: w.desk.clock.now,
      eventId: randomUUID(),
      actor: { kind: 'investigator', investigatorId: w.admin.investigatorId },
    },
  } as never);

describe('account state between requests', () => {
  it('a role change and a deactivation written elsewhere count on the next request', async () => {
    const me = await w.desk.call('GET', '/api/session', { cookie: w.bob.cookie });
    expect(me.body['role']).toBe('investigator');
    await byOtherProcess(w.bob.investigatorId, 'ChangeInvestigatorRole');
    const promoted = await w.desk.call('GET', '/api/session', { cookie: w.bob.cookie });
    expect(promoted.body['role']).toBe('administrator');
    await byOtherProcess(w.bob.investigatorId, 'DeactivateInvestigator');
    expect((await w.desk.call('GET', '/api/session', { cookie: w.bob.cookie })).status).toBe(401);
  });

  it('after many sign-ins the kept state equals a fold of the whole stream', async () => {
    for (let i = 0; i < 5; i++) {
      w.mallory = await login(w.desk, w.mallory);
      await w.desk.call('GET', '/api/session', { cookie: w.mallory.cookie });
    }
    await w.desk.call('DELETE', '/api/session', { cookie: w.mallory.cookie });
    const full = await readAggregate(
      w.desk.store,
      investigatorStream(w.mallory.investigatorId),
      investigatorDecider,
    );
    const account = await w.desk.call('GET', `/api/investigators/${w.mallory.investigatorId}`, {
      cookie: w.admin.cookie,
    });
    expect(account.headers.get('etag')).toBe(`"${full.revision}"`);
    expect(account.body).toMatchObject({
      status: full.state.status,
      role: 'investigator',
      revision: Number(full.revision),
    });
  });
});
